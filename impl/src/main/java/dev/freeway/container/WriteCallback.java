package dev.freeway.container;

/** Completion of a {@link Transport#write}. */
@FunctionalInterface
public interface WriteCallback {
    /** The bytes were handed to the network ({@code error} null) or could not be ({@code error} set). */
    void completed(Throwable error);
}
