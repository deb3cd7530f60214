package dev.freeway.container;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * What a session needs from whatever carries its bytes (a Servlet upgraded connection, the NIO
 * client, an in-memory pipe): the transport moves bytes and nothing else.
 *
 * <p>Input is demand-driven: after {@link #start}, the transport delivers one buffer to
 * {@link TransportListener#onData} for each {@link #demand()}, and keeps that buffer intact until
 * the next {@code demand()} (the session parses it in place). A session that stops demanding
 * stops the reading, and TCP flow control holds the peer back.
 */
public interface Transport {

    /** Starts the transport; input goes to {@code listener} as it is demanded. */
    void start(TransportListener listener);

    /** Asks for the next buffer of input; the previous one may then be reused. */
    void demand();

    /**
     * Writes {@code buffers} in order after any earlier writes, without blocking; {@code done}
     * is called once the bytes have been handed to the network, or have failed.
     */
    void write(ByteBuffer[] buffers, WriteCallback done);

    /** Closes the connection once the writes already requested are done. */
    void close();

    /** Drops the connection now, discarding unwritten bytes. */
    void abort();

    /** Whether the connection is encrypted (wss). */
    boolean isSecure();

    /** The peer's address, or {@code null} when unknown. */
    InetSocketAddress remoteAddress();

    /** Our address, or {@code null} when unknown. */
    InetSocketAddress localAddress();
}
