package dev.freeway.distribution;

/**
 * The demo WAR in stand-alone Tomcat 10.1.59 ({@code org.apache.tomcat:tomcat:10.1.59:tar.gz}),
 * Servlet 6.0 and WebSocket API 2.1,
 * as the README deploys it.
 */
class Tomcat10DistributionIT extends DemoOnDistribution {
    Tomcat10DistributionIT() {
        super(Distribution.TOMCAT_10_1);
    }
}
