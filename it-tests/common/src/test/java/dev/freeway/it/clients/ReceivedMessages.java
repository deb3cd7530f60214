package dev.freeway.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Whole messages a client received, text as {@code String} and binary as {@code byte[]}, in order. */
final class ReceivedMessages {
    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();

    void add(Object message) {
        messages.add(message);
    }

    String nextText() throws Exception {
        Object message = next();
        assertThat(message).isInstanceOf(String.class);
        return (String) message;
    }

    byte[] nextBinary() throws Exception {
        Object message = next();
        assertThat(message).isInstanceOf(byte[].class);
        return (byte[]) message;
    }

    private Object next() throws Exception {
        Object message = messages.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within 10 s");
        }
        return message;
    }
}
