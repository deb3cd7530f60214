package dev.freeway.examples.it;

import javax.net.ssl.SSLContext;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * TLS for the test clients of the launcher's {@code --tls}: its certificate is made at its start-up
 * and signed by no one, so the clients trust any server certificate.
 */
final class TrustingTls {
    private TrustingTls() {
    }

    /** A connector for Jetty's clients whose TLS trusts any server. */
    static ClientConnector connector() {
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(new SslContextFactory.Client(true));
        return connector;
    }

    /** An SSLContext for the JDK's clients that trusts any server (Jetty's trust-all, not one more). */
    static SSLContext context() throws Exception {
        SslContextFactory.Client factory = new SslContextFactory.Client(true);
        factory.start();
        try {
            return factory.getSslContext();
        } finally {
            factory.stop();
        }
    }
}
