/**
 * What every way of taking over an upgraded connection shares: the {@code ConnectionUpgrade}
 * interface each way implements, the {@code UpgradeContext} of an accepted handshake, the
 * {@code UpgradedConnection} transport contract, the pool of read buffers, and how a transport
 * reports a failed connection. The generic, Tomcat, Jetty and Undertow packages build on it and
 * never on each other. Internal to Freeway, not API.
 */
package dev.freeway.servlet.upgrade;
