package dev.freeway.engine;

/**
 * Something that happened on a {@link Connection}: received with {@link Connection#nextEvent()},
 * or handed to {@link Connection#send(Event)} to produce bytes. Events are immutable values;
 * the {@link java.nio.ByteBuffer}s that received events carry are views that are valid only until
 * the next call on the connection (zero-copy slices of the input or of a reused buffer): copy
 * what must outlive that.
 */
public sealed interface Event
        permits Request, AcceptConnection, RejectConnection, RejectData,
                FrameBegin, Data, FrameData, Ping, Pong, Close, ControlFrame {
}
