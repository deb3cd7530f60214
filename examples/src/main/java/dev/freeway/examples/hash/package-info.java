/**
 * The SHA-256 hash server of the streaming tutorial in its three variants, one per API level:
 * whole messages ({@link dev.freeway.examples.hash.MessageHashEndpoint}), frames
 * ({@link dev.freeway.examples.hash.FrameHashEndpoint}) and a stream of chunks
 * ({@link dev.freeway.examples.hash.StreamHashEndpoint}). Each answers with the hex digest as a
 * text message.
 */
package dev.freeway.examples.hash;
