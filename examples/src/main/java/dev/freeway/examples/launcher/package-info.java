/**
 * Serves the demo WAR on embedded Jetty 12.1 or Tomcat 11, with Freeway as the only WebSocket
 * implementation: the containers' own are not on the class path.
 */
package dev.freeway.examples.launcher;
