/**
 * Jetty 12.1's own way to take over a connection: the connection swapped in on Jetty's endpoint
 * (or the HTTP/2 tunnel of an extended CONNECT), its transport, the check that a web application
 * sees the Jetty classes it needs, and the hook that closes sessions when Jetty stops. The classes
 * that name Jetty types are loaded only where those are visible. Internal to Freeway, not API.
 */
package dev.freeway.servlet.jetty;
