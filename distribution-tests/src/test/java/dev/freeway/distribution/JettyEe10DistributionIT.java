package dev.freeway.distribution;

/**
 * The demo WAR in stand-alone Jetty 12.1.12 ({@code org.eclipse.jetty:jetty-home:12.1.12:tar.gz})
 * with its EE 10 modules (Servlet 6.0, WebSocket API 2.1) and h2c,
 * as the README deploys it.
 */
class JettyEe10DistributionIT extends DemoOnJettyDistribution {
    JettyEe10DistributionIT() {
        super(Distribution.JETTY_12_1_EE10);
    }
}
