package dev.freeway.container.message;

import dev.freeway.engine.Data;
import dev.freeway.engine.FrameBegin;

/** Where the frames of one received message go: a handler, a buffer, a stream. */
public interface MessageSink {
    /** A frame of the message begins; {@code compressed} says whether its length is compressed. */
    void frameBegin(FrameBegin frame, boolean compressed) throws Exception;

    /** A chunk of payload; {@link Data#messageFinished()} on the last. */
    void data(Data data) throws Exception;
}
