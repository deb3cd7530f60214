package dev.freeway.api;

/**
 * Freeway's own levels on a {@link jakarta.websocket.Session}: receive messages frame by frame or
 * as a stream, send frames of declared length in chunks, answer pings yourself, and pause and
 * resume reading. Reach it with {@link Freeway#of(jakarta.websocket.Session)}.
 *
 * <p>A frame or streaming handler replaces the Jakarta message handlers for data messages: while
 * one is set, data messages go only to it.
 */
public interface FreewaySession {

    /** The key under which a Freeway session stores itself in its user properties. */
    String USER_PROPERTY = "dev.freeway.session";

    /** Receives every data message as a stream of chunks; {@code null} goes back to the Jakarta handlers. */
    void setStreamingHandler(StreamingHandler handler);

    /** Receives every data message one whole frame at a time; {@code null} goes back to the Jakarta handlers. */
    void setFrameHandler(FrameHandler handler);

    /**
     * The sender for frame-level and streaming sends. Calls block until their bytes are handed
     * to the network (or the send timeout expires); a message begun here holds the session's
     * outbound side until it ends, so other threads' messages wait their turn.
     */
    StreamingSender sender();

    /**
     * Whether pings are answered by the application ({@code true}: they reach
     * {@link StreamingHandler#onPing}, and {@link StreamingSender#sendPong} answers them) or
     * automatically with a pong echoing the payload ({@code false}, the default).
     */
    void setExplicitPings(boolean explicit);

    /**
     * Stops reading: no more handler calls after the current one returns, and the transport
     * stops reading from the socket so the peer is held back by TCP flow control.
     */
    void pause();

    /** Starts reading again after {@link #pause()}. */
    void resume();

    /**
     * Bytes sent and not yet written to the network: in flight to the peer, and asynchronous sends
     * queued behind another thread's message. Never more than the outbound limit plus one message;
     * an application may use it to slow down before sends are refused.
     */
    long bufferedAmount();

    /** Whether reading is paused. */
    boolean isPaused();
}
