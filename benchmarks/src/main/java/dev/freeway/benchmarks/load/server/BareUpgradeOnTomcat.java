package dev.freeway.benchmarks.load.server;

/** (f) The ceiling: Tomcat 11's Servlet upgrade echoing bytes without any WebSocket framing. */
public final class BareUpgradeOnTomcat implements ServerLauncher {
    @Override
    public int start(int port) throws Exception {
        return new EmbeddedTomcat(port)
                .addServlet("bare", new BareUpgradeServlet(), "/echo")
                .addServlet("bare-large", new BareUpgradeServlet(), "/echo-large")
                .start();
    }
}
