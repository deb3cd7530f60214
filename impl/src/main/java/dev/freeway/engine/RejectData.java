package dev.freeway.engine;

import java.nio.ByteBuffer;

/**
 * Part of the body of a rejection response.
 *
 * @param data         the bytes (a view valid until the next call on the connection when received)
 * @param bodyFinished whether this is the last part of the body
 */
public record RejectData(ByteBuffer data, boolean bodyFinished) implements Event {
}
