package dev.freeway.container;

import java.io.IOException;

/**
 * The peer broke the WebSocket protocol; the session closed with {@link #closeCode()}. Endpoints
 * see it in {@code onError} before {@code onClose}.
 */
public final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int closeCode;

    public ProtocolException(int closeCode, String message, Throwable cause) {
        super(message, cause);
        this.closeCode = closeCode;
    }

    /** The close code the session sent (1002, 1007, 1009 ...). */
    public int closeCode() {
        return closeCode;
    }
}
