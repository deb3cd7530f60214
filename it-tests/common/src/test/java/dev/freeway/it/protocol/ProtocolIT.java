package dev.freeway.it.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.support.ContainerDefects;
import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.RawWebSocket;
import dev.freeway.it.support.RecordingListener;
import java.net.URL;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Frame-level behaviour a client can only provoke byte by byte (through {@link RawWebSocket}):
 * invalid UTF-8 closes with 1007, an unmasked frame with 1002, a code point split between frames is
 * fine; and pings and pongs both ways, from raw frames and from the JDK's client.
 *
 * <p>Raw connections send {@code Content-Length: 0} in the handshake, which Jetty's Servlet upgrade
 * needs ({@link ContainerDefects#UPGRADE_INPUT_EOF}; Freeway takes Jetty connections over through
 * Jetty's core instead); one test without it shows the browser's case.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProtocolIT {

    private static final String CONTENT_LENGTH_0 = "Content-Length: 0";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.create("protocol", PingEchoEndpoint.class);
    }

    @Test
    void closesWith1007OnInvalidUtf8() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(base, "echo", CONTENT_LENGTH_0)) {
            // 0xC3 starts a two-byte sequence; '(' is no continuation byte
            ws.send(true, RawWebSocket.TEXT, new byte[] {'o', 'k', (byte) 0xC3, '('});
            assertClosedBy(ws, 1007);
        }
    }

    @Test
    void closesWith1007OnInvalidUtf8AsBrowsersConnect() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(base, "echo")) {
            ws.send(true, RawWebSocket.TEXT, new byte[] {(byte) 0xFF});
            assertClosedBy(ws, 1007);
        }
    }

    @Test
    void closesWith1007OnInvalidUtf8AcrossFragments() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(base, "echo", CONTENT_LENGTH_0)) {
            // E2 82 begins the three bytes of the euro sign; 'A' cannot finish it
            ws.send(false, RawWebSocket.TEXT, new byte[] {'a', (byte) 0xE2, (byte) 0x82});
            ws.send(true, 0x0, new byte[] {'A'});
            assertClosedBy(ws, 1007);
        }
    }

    @Test
    void acceptsACodePointSplitBetweenFrames() throws Exception {
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        try (RawWebSocket ws = RawWebSocket.connect(base, "echo", CONTENT_LENGTH_0)) {
            ws.send(false, RawWebSocket.TEXT, new byte[] {'1', euro[0]});
            ws.send(false, 0x0, new byte[] {euro[1]});
            ws.send(true, 0x0, new byte[] {euro[2], '!'});
            RawWebSocket.Frame echo = ws.readFrame();
            assertThat(echo.opcode()).isEqualTo(RawWebSocket.TEXT);
            assertThat(echo.text()).isEqualTo("1\u20ac!");
            closeCleanly(ws);
        }
    }

    @Test
    void closesWith1002OnAnUnmaskedFrame() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(base, "echo", CONTENT_LENGTH_0)) {
            ws.sendBytes(RawWebSocket.encode(true, 0, RawWebSocket.TEXT, "naked".getBytes(StandardCharsets.UTF_8), false));
            assertClosedBy(ws, 1002);
        }
    }

    @Test
    void answersARawPingWithItsPayloadEvenBetweenFragments() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(base, "echo", CONTENT_LENGTH_0)) {
            ws.send(true, RawWebSocket.PING, "are you there".getBytes(StandardCharsets.UTF_8));
            RawWebSocket.Frame pong = ws.readFrame();
            assertThat(pong.opcode()).isEqualTo(RawWebSocket.PONG);
            assertThat(pong.masked()).isFalse();
            assertThat(pong.text()).isEqualTo("are you there");

            // control frames may come between the fragments of a message
            ws.send(false, RawWebSocket.TEXT, "half".getBytes(StandardCharsets.UTF_8));
            ws.send(true, RawWebSocket.PING, new byte[] {1, 2, 3});
            ws.send(true, 0x0, " and half".getBytes(StandardCharsets.UTF_8));
            RawWebSocket.Frame first = ws.readFrame();
            assertThat(first.opcode()).isEqualTo(RawWebSocket.PONG);
            assertThat(first.payload()).containsExactly(1, 2, 3);
            assertThat(ws.readFrame().text()).isEqualTo("half and half");
            closeCleanly(ws);
        }
    }

    @Test
    void jdkClientPingGetsItsPong() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "echo", listener);
        JdkClient.await(ws.sendPing(ByteBuffer.wrap(new byte[] {42, 0, -1})));
        assertThat(listener.nextPong()).containsExactly(42, 0, -1);

        // the JDK client pings in the middle of a fragmented message
        JdkClient.await(ws.sendText("before ", false));
        JdkClient.await(ws.sendPing(ByteBuffer.wrap("mid".getBytes(StandardCharsets.UTF_8))));
        JdkClient.await(ws.sendText("after", true));
        assertThat(new String(listener.nextPong(), StandardCharsets.UTF_8)).isEqualTo("mid");
        assertThat(listener.nextText()).isEqualTo("before after");
        JdkClient.closeNormally(ws, listener);
    }

    @Test
    void serverPingIsAnsweredAndTheServersPongHandlerSeesIt() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "echo", listener);
        JdkClient.await(ws.sendText(PingEchoEndpoint.PING_PREFIX + "tick", true));
        assertThat(new String(listener.nextPing(), StandardCharsets.UTF_8)).isEqualTo("tick");
        // the JDK answered with a pong; the endpoint's PongMessage handler reports it
        assertThat(listener.nextText()).isEqualTo("pong:tick");

        // an unsolicited pong reaches the same handler
        JdkClient.await(ws.sendPong(ByteBuffer.wrap("heartbeat".getBytes(StandardCharsets.UTF_8))));
        assertThat(listener.nextText()).isEqualTo("pong:heartbeat");
        JdkClient.closeNormally(ws, listener);
    }

    /** Reads the server's close frame, checks its code, and checks that the server drops TCP. */
    private static void assertClosedBy(RawWebSocket ws, int code) throws Exception {
        RawWebSocket.Frame close = ws.readFrame();
        assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
        assertThat(close.closeCode()).as("close code, reason '%s'", new String(close.payload(), 2,
                Math.max(0, close.payload().length - 2), StandardCharsets.UTF_8)).isEqualTo(code);
        if (ContainerDefects.declared(ContainerDefects.CLOSE_WAITS_FOR_IO)) {
            // a client answers a close frame; the container then has an I/O event to close on
            ws.sendClose(code, "");
        }
        assertThat(ws.connection().input().read()).as("the server closes the TCP connection").isEqualTo(-1);
    }

    private static void closeCleanly(RawWebSocket ws) throws Exception {
        ws.sendClose(1000, "done");
        RawWebSocket.Frame close = ws.readFrame();
        assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
        assertThat(close.closeCode()).isEqualTo(1000);
        assertThat(ws.connection().input().read()).isEqualTo(-1);
    }
}
