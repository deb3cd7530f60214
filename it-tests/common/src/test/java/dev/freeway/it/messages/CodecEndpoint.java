package dev.freeway.it.messages;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Arrays;

/**
 * Decoders and encoders both ways: a text {@link Vector} comes back doubled, a binary
 * {@link Numbers} message comes back as its sum, through {@link SumEncoder} (an encoder for a
 * type the container could send by itself, which must win over the built-in one).
 */
@ServerEndpoint(value = "/codec", decoders = {VectorDecoder.class, NumbersDecoder.class},
        encoders = {VectorEncoder.class, SumEncoder.class})
public class CodecEndpoint {

    @OnMessage
    public Vector doubled(Vector v) {
        return new Vector(2 * v.x(), 2 * v.y());
    }

    @OnMessage
    public Long sum(Numbers numbers) {
        return Arrays.stream(numbers.values()).asLongStream().sum();
    }
}
