/**
 * The load generator: one NIO selector thread driving many connections with pre-masked frames
 * written once and sent again and again, and a small incremental scanner that counts the
 * server's frames and messages without copying or unmasking them. It works the same against
 * every server, including the bare ceiling that echoes the client's own masked frames back.
 */
package dev.freeway.benchmarks.load.client;
