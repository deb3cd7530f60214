package dev.freeway.it.messages;

import jakarta.websocket.Encoder;
import java.nio.ByteBuffer;

/** Encodes a sum as one big-endian 64-bit integer. */
public class SumEncoder implements Encoder.Binary<Long> {

    @Override
    public ByteBuffer encode(Long sum) {
        return ByteBuffer.allocate(8).putLong(0, sum);
    }
}
