/**
 * What runs inside each server JVM of the load harness: the endpoints every server serves, the
 * status servlet the harness asks for heap and threads, the ceiling (CeilingServer: selector threads echoing frames), the side status port, and one
 * launcher per server under test. A launcher class names only the jars of its own server, so a
 * server JVM loads nothing of the others.
 */
package dev.freeway.benchmarks.load.server;
