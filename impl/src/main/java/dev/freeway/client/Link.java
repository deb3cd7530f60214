package dev.freeway.client;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The byte stream under a WebSocket connection, plain or TLS: non-blocking reads and writes of
 * application bytes over a socket channel. Loop thread only.
 */
interface Link {

    /**
     * Reads application bytes into {@code dst}.
     *
     * @return the count read; 0 when the socket has nothing (wait for readability, or for
     *         writability when {@link #wantsWrite()}); -1 at the end of the stream
     */
    int read(ByteBuffer dst) throws IOException;

    /**
     * Writes as much of {@code srcs} as the socket takes now.
     *
     * @return whether all of it (and anything the link itself had pending) reached the socket
     */
    boolean write(ByteBuffer[] srcs) throws IOException;

    /** Whether the link has bytes of its own to write before it can go on (TLS records). */
    boolean wantsWrite();

    /** Whether {@link #read} can return bytes without the socket being readable (TLS leftovers). */
    boolean hasBufferedInput();

    /** Ends the stream (TLS: close_notify, best effort) and closes the socket. */
    void close();

    /** Closes the socket at once. */
    void abort();

    boolean isSecure();
}
