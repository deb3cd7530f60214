package dev.freeway.distribution;

/**
 * The demo WAR in stand-alone Tomcat 11.0.25 ({@code org.apache.tomcat:tomcat:11.0.25:tar.gz}),
 * as the README deploys it.
 */
class Tomcat11DistributionIT extends DemoOnDistribution {
    Tomcat11DistributionIT() {
        super(Distribution.TOMCAT_11);
    }
}
