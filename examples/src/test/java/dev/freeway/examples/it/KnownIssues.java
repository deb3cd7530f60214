package dev.freeway.examples.it;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.freeway.examples.launcher.ContainerKind;

/** Problems outside this module that the tests step around, each named so it is easy to undo. */
final class KnownIssues {
    /**
     * On Jetty 12.1.12, Freeway's servlet upgrade answers 101 to a handshake that has no
     * {@code Content-Length} header, but the connection then goes back to HTTP and the first
     * WebSocket frame gets {@code 400 Bad Request} (Jetty logs "non-current completion" and resumes
     * parsing HTTP). Browsers, Freeway's own client and most clients send no Content-Length; the
     * JDK's client sends {@code Content-Length: 0} and works, which is why the JDK-client tests run
     * on Jetty. Tomcat is not affected. Set to {@code false} once servlet-upgrade handles it.
     */
    static final boolean JETTY_UPGRADE_WITHOUT_CONTENT_LENGTH = true;

    private KnownIssues() {
    }

    /** Skips a test whose client sends no Content-Length, on Jetty, while the issue stands. */
    static void assumeClientWithoutContentLengthWorksOn(ContainerKind kind) {
        assumeFalse(JETTY_UPGRADE_WITHOUT_CONTENT_LENGTH && kind == ContainerKind.JETTY,
                "known issue: servlet-upgrade on Jetty 12.1 drops handshakes without Content-Length (KnownIssues)");
    }
}
