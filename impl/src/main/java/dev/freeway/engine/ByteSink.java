package dev.freeway.engine;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where a sender puts the bytes a {@link Connection} produced: the transport's write side. */
@FunctionalInterface
public interface ByteSink {
    /** Writes every remaining byte of {@code buffers}, in order. */
    void write(ByteBuffer[] buffers) throws IOException;
}
