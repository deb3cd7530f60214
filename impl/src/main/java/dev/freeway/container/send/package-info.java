/**
 * The outbound path of a session: {@code Outbound} turns messages into frames under the engine
 * lock, bounds what is queued and times out blocked sends, and the stream and writer classes cut a
 * streamed message into fragments. Internal to Freeway, not API.
 */
package dev.freeway.container.send;
