package dev.freeway.container;

import java.net.SocketTimeoutException;

/** A send did not reach the network within the session's send timeout; the connection is dropped. */
public final class SendTimeoutException extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    public SendTimeoutException(String message) {
        super(message);
    }
}
