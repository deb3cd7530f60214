package dev.freeway.distribution;

/**
 * The demo WAR in stand-alone Jetty 12.1.12 ({@code org.eclipse.jetty:jetty-home:12.1.12:tar.gz})
 * with its EE 11 modules and h2c,
 * as the README deploys it.
 */
class JettyEe11DistributionIT extends DemoOnJettyDistribution {
    JettyEe11DistributionIT() {
        super(Distribution.JETTY_12_1_EE11);
    }
}
