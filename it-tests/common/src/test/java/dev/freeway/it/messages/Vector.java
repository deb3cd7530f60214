package dev.freeway.it.messages;

/**
 * A message type of the codec endpoint: two integers, {@code "3,4"} on the wire.
 *
 * @param x the first
 * @param y the second
 */
public record Vector(int x, int y) {
}
