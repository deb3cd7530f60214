package dev.freeway.engine;

/**
 * The states of a {@link Connection}, after wsproto's: a connection is opened by the handshake,
 * then closed by one close frame in each direction.
 */
public enum ConnectionState {
    /** The opening handshake has not completed. */
    CONNECTING,
    /** The handshake completed; messages flow both ways. */
    OPEN,
    /** We sent a close frame and wait for the peer's. */
    LOCAL_CLOSING,
    /** The peer sent a close frame; we owe it ours. */
    REMOTE_CLOSING,
    /** Both close frames have passed, or the connection failed or ended. */
    CLOSED,
    /** The server is rejecting the handshake with an HTTP response. */
    REJECTING
}
