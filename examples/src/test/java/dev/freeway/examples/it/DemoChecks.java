package dev.freeway.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What the demo's echo and chat must do wherever the WAR runs, checked with the JDK's WebSocket
 * client. Shared by the launcher's tests here and the distribution tests, which deploy the same WAR
 * into stand-alone containers. Each check takes {@code ws}: a path under the demo's context root
 * (no leading slash) to its WebSocket URL.
 */
public final class DemoChecks {
    private static final int MIB = 1024 * 1024;

    private DemoChecks() {
    }

    /** {@code /echo} returns text as text and binary as binary, from empty up to 16 MiB. */
    public static void echoesTextAsTextAndBinaryAsBinaryUpTo16MiB(Function<String, URI> ws) throws Exception {
        try (JdkSocket echo = JdkSocket.open(ws.apply("echo"))) {
            for (int size : new int[] {0, 125, 70_000, 16 * MIB}) {
                String text = "é".repeat(size / 2); // two UTF-8 bytes each
                echo.socket().sendText(text, true).get(30, TimeUnit.SECONDS);
                assertThat(echo.next()).isEqualTo(text);
                byte[] bytes = new byte[size];
                new Random(size).nextBytes(bytes);
                echo.socket().sendBinary(ByteBuffer.wrap(bytes), true).get(30, TimeUnit.SECONDS);
                assertThat(echo.next()).isEqualTo(bytes);
            }
        }
    }

    /** {@code /chat/{room}} announces joins and leaves and broadcasts every line within its room only. */
    public static void chatBroadcastsWithinTheRoomOnly(Function<String, URI> ws) throws Exception {
        try (JdkSocket alice = JdkSocket.open(ws.apply("chat/kitchen?name=alice"))) {
            assertThat(alice.nextText()).isEqualTo("* alice joined #kitchen (1 here)");
            try (JdkSocket bob = JdkSocket.open(ws.apply("chat/kitchen?name=bob"));
                 JdkSocket carol = JdkSocket.open(ws.apply("chat/garden?name=carol"))) {
                assertThat(alice.nextText()).isEqualTo("* bob joined #kitchen (2 here)");
                assertThat(bob.nextText()).isEqualTo("* bob joined #kitchen (2 here)");
                assertThat(carol.nextText()).isEqualTo("* carol joined #garden (1 here)");

                bob.socket().sendText("tea?", true).get(10, TimeUnit.SECONDS);
                assertThat(alice.nextText()).isEqualTo("bob: tea?");
                assertThat(bob.nextText()).isEqualTo("bob: tea?");
                carol.socket().sendText("anyone?", true).get(10, TimeUnit.SECONDS);
                assertThat(carol.nextText()).as("the garden hears only itself").isEqualTo("carol: anyone?");
            }
            assertThat(alice.nextText()).isEqualTo("* bob left");
        }
    }
}
