package dev.freeway.it.support;

/**
 * Names of the system properties by which a container module declares a known defect of its
 * container, so that tests which cannot pass there are skipped with a reason, and a canary test
 * fails as soon as the container is fixed (then the property must be removed from the module's pom).
 */
public final class ContainerDefects {

    /**
     * Jetty 12.1 (seen on 12.1.8 EE 10 and 12.1.12 EE 11): after {@code HttpServletRequest.upgrade}
     * of a request that has no {@code Content-Length} header, the upgraded {@code ServletInputStream}
     * reports end of input at once ({@code onAllDataRead} with {@code isFinished() == false}, then
     * {@code isFinished() == true}); bytes the client sends after the 101 never reach the handler.
     * With {@code Content-Length: 0} in the request, or for bytes that arrived together with the
     * request head, it works. Browsers and most WebSocket clients send no Content-Length; the JDK 17
     * HttpClient sends {@code Content-Length: 0}, the JDK 25 one does not. Writing always works.
     * Freeway itself is not affected: on Jetty it takes connections over through Jetty's core
     * ({@code dev.freeway.servlet.jetty.JettyTakeover}), so only tests of a plain {@code HttpUpgradeHandler}
     * (the proofs, and their canary) look at this defect.
     */
    public static final String UPGRADE_INPUT_EOF = "freeway.it.defect.upgrade-input-eof";

    /**
     * Tomcat (seen on 10.1.59 and 11.0.25): {@code WebConnection.close()} called outside the
     * connection's own container callbacks (seen from {@code contextDestroyed} on undeploy; timers
     * are likely alike) does not close the TCP connection; Tomcat closes it on the connection's next
     * I/O event, e.g. when the peer sends something or half-closes. A server that must drop an
     * unresponsive peer cannot rely on it.
     */
    public static final String CLOSE_WAITS_FOR_IO = "freeway.it.defect.close-waits-for-io";

    /**
     * Undertow 2.3 (seen on 2.3.26.Final): the non-blocking {@code ServletOutputStream} of an
     * upgraded connection ({@code io.undertow.servlet.spec.UpgradeServletOutputStream}) writes the
     * whole array passed to {@code write(byte[], int, int)}, whatever offset and length it names, so
     * the peer gets bytes the application never meant to send. Freeway is not affected: on Undertow
     * it takes connections over through Undertow's own XNIO connection
     * ({@code dev.freeway.servlet.undertow.UndertowTransport}), and its portable transport hands the stream
     * whole arrays anyway. The proofs' plain {@code HttpUpgradeHandler} steps around it the same
     * way; only the test of the range itself is skipped, and its canary runs.
     */
    public static final String UPGRADE_WRITE_IGNORES_RANGE = "freeway.it.defect.upgrade-write-ignores-range";

    private ContainerDefects() {
    }

    /**
     * Tells whether the running container module declared a defect.
     *
     * @param defect one of the constants of this class
     * @return whether the system property is {@code true}
     */
    public static boolean declared(String defect) {
        return Boolean.getBoolean(defect);
    }
}
