package dev.freeway.engine;

import java.nio.ByteBuffer;

/** The opening handshake of a {@link Connection} in progress, for one role. */
interface Opening {
    /**
     * The next handshake event the input holds ({@link Request} for a server;
     * {@link AcceptConnection}, {@link RejectConnection} or {@link RejectData} for a client), or
     * {@code null} when more input is needed or the handshake awaits our answer.
     *
     * @param ended whether the peer's stream has ended
     */
    Event next(ByteBuffer in, boolean ended) throws RemoteProtocolError;

    /** The bytes for a handshake event we send. */
    ByteBuffer[] send(Event event);
}
