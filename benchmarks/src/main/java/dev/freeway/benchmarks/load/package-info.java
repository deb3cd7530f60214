/**
 * The load harness: starts each server under test in its own JVM, drives it with the load
 * generator of {@code client}, alternates the servers round by round, and writes
 * {@code RESULTS.md} and the raw figures as JSON. Run {@link dev.freeway.benchmarks.load.LoadHarness}.
 */
package dev.freeway.benchmarks.load;
