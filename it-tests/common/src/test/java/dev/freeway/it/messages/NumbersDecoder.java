package dev.freeway.it.messages;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import java.nio.ByteBuffer;

/** Decodes a binary message of big-endian 32-bit integers. */
public class NumbersDecoder implements Decoder.Binary<Numbers> {

    @Override
    public Numbers decode(ByteBuffer bytes) throws DecodeException {
        int[] values = new int[bytes.remaining() / 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = bytes.getInt();
        }
        return new Numbers(values);
    }

    @Override
    public boolean willDecode(ByteBuffer bytes) {
        return bytes.remaining() % 4 == 0;
    }
}
