package dev.freeway.engine;

/**
 * Something that happened on a {@link Connection}: received with {@link Connection#nextEvent()},
 * or handed to {@link Connection#send(Event)} to produce bytes. Events are immutable values;
 * the {@link java.nio.ByteBuffer}s some carry are read-only views that are valid only until the
 * next call on the connection (they are zero-copy slices of the input or of a reused buffer).
 */
public sealed interface Event
        permits Request, AcceptConnection, RejectConnection, RejectData,
                FrameBegin, Data, FrameData, Ping, Pong, Close {
}
