/**
 * The outbound path every transport shares: {@link dev.freeway.transport.WriteQueue} keeps writes
 * in order, has one batch in flight at a time, completes senders exactly once, closes after the
 * last write and fans a failure out to every sender; a transport only implements
 * {@link dev.freeway.transport.WritePort} (how a write is started and how its end is signalled).
 * Nothing here knows Servlet, Jetty, Tomcat or NIO.
 */
package dev.freeway.transport;
