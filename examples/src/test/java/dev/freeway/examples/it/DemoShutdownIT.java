package dev.freeway.examples.it;

import dev.freeway.examples.launcher.ContainerKind;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SIGTERM to the demo launcher with WebSocket clients connected, on each container: every client
 * is sent 1001 (going away) before its connection goes, and the process exits though half the
 * clients never answer the close, within the default {@code dev.freeway.shutdownTimeout} (2 s)
 * and the container's own stop (see {@link ShutdownCheck}).
 */
class DemoShutdownIT {
    private static final int CLIENTS = 20;
    /** The default shutdown timeout is 2 s: far below this, whatever the machine's load. */
    private static final Duration EXIT_BOUND = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void sigtermSendsEveryClient1001AndExitsThoughHalfNeverAnswer(ContainerKind kind) throws Exception {
        DemoProcess demo = DemoProcess.start(kind);
        try {
            ShutdownCheck clients = ShutdownCheck.connect(demo::ws, CLIENTS);
            clients.assertEveryClientGot1001("launcher on " + kind + ", SIGTERM to exit",
                    demo.terminate(Duration.ofSeconds(30)), EXIT_BOUND);
        } finally {
            demo.close();
        }
    }
}
