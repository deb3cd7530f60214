package dev.freeway.container;

import java.nio.ByteBuffer;

/** Receives what a {@link Transport} reads. */
public interface TransportListener {

    /** A buffer of input, delivered once per {@link Transport#demand()}; kept intact until the next demand. */
    void onData(ByteBuffer data);

    /** The peer ended its stream. */
    void onEnd();

    /** Reading or writing failed; the connection is gone. */
    void onError(Throwable error);
}
