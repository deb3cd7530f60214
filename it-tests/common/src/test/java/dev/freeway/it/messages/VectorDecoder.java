package dev.freeway.it.messages;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;

/** Decodes {@code "x,y"}; anything else is a {@link DecodeException}. */
public class VectorDecoder implements Decoder.Text<Vector> {

    @Override
    public Vector decode(String s) throws DecodeException {
        String[] parts = s.split(",");
        try {
            return new Vector(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (RuntimeException e) {
            throw new DecodeException(s, "not a vector: " + s, e);
        }
    }

    @Override
    public boolean willDecode(String s) {
        return true; // say yes, so malformed input reaches decode and its DecodeException
    }
}
