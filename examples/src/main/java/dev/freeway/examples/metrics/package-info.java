/** The demo's {@code /metrics} page: Freeway's meters as plain text. */
package dev.freeway.examples.metrics;
