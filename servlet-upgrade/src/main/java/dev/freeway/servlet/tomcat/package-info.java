/**
 * Tomcat's own way to take over a connection: an internal upgrade handler driven by Tomcat's
 * socket events, and a transport that reads and writes Tomcat's socket directly, which avoids the
 * lost wake-ups of its Servlet upgraded input. Names Tomcat types; loaded only inside Tomcat.
 * Internal to Freeway, not API.
 */
package dev.freeway.servlet.tomcat;
