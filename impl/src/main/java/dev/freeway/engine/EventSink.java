package dev.freeway.engine;

import java.io.IOException;

/** Where a sender puts the events it makes: a connection and its transport, or a session's outbound side. */
@FunctionalInterface
public interface EventSink {
    /**
     * Sends {@code event}.
     *
     * @param messageContinues whether more parts of the same message follow from this caller
     *                         (so a session can keep its outbound side for it)
     */
    void send(Event event, boolean messageContinues) throws IOException;
}
