package dev.freeway.it.messages;

import jakarta.websocket.Encoder;

/** Encodes a {@link Vector} as {@code "x,y"}. */
public class VectorEncoder implements Encoder.Text<Vector> {

    @Override
    public String encode(Vector v) {
        return v.x() + "," + v.y();
    }
}
