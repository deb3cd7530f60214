/**
 * Freeway's examples: the demo web application (echo, the SHA-256 hash server in three variants,
 * a chat), its launcher on embedded Jetty or Tomcat ({@link dev.freeway.examples.Demo}) and the
 * hash clients ({@link dev.freeway.examples.HashClient}).
 */
package dev.freeway.examples;
