package dev.freeway.it.messages;

/**
 * A binary message type of the codec endpoint: big-endian 32-bit integers on the wire.
 *
 * @param values the integers
 */
public record Numbers(int[] values) {
}
