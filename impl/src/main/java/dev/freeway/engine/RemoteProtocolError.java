package dev.freeway.engine;

import dev.freeway.api.CloseCodes;

/**
 * The peer broke the protocol (a bad frame, invalid UTF-8, a message over the limit, a bad
 * handshake). The connection has failed: send {@link #closeEvent()} (when the handshake had
 * completed) or {@link #rejection()} (when a server's handshake failed), then drop the
 * connection.
 */
public final class RemoteProtocolError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int closeCode;
    private final RejectConnection rejection;
    private final String body;

    /** A failure after the handshake, answered with a close frame carrying {@code closeCode}. */
    public RemoteProtocolError(int closeCode, String message) {
        super(message);
        this.closeCode = closeCode;
        this.rejection = null;
        this.body = null;
    }

    /** A failed server handshake, answered with the HTTP response {@code rejection}. */
    public RemoteProtocolError(RejectConnection rejection, String message) {
        super(message);
        this.closeCode = CloseCodes.PROTOCOL_ERROR;
        this.rejection = rejection;
        this.body = message;
    }

    /** The close code to send (1002, 1007, 1009 ...). */
    public int closeCode() {
        return closeCode;
    }

    /** The close frame to send; its reason is the message, cut to fit a control frame. */
    public Close closeEvent() {
        return new Close(closeCode, Close.fitReason(getMessage()));
    }

    /** For a failed server handshake, the HTTP response to send; otherwise {@code null}. */
    public RejectConnection rejection() {
        return rejection;
    }

    /** For a failed server handshake, a readable response body (the reason); otherwise {@code null}. */
    public String rejectionBody() {
        return body;
    }
}
