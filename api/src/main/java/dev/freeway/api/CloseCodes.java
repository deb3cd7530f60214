package dev.freeway.api;

/**
 * Close status codes (RFC 6455 section 7.4 and the IANA registry) and the rules for which of
 * them may appear on the wire.
 */
public final class CloseCodes {
    public static final int NORMAL_CLOSURE = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int PROTOCOL_ERROR = 1002;
    public static final int UNSUPPORTED_DATA = 1003;
    /** Reserved; never sent. */
    public static final int RESERVED = 1004;
    /** "No status code was present"; reported locally, never sent. */
    public static final int NO_STATUS_CODE = 1005;
    /** "The connection closed without a close frame"; reported locally, never sent. */
    public static final int CLOSED_ABNORMALLY = 1006;
    public static final int INVALID_PAYLOAD = 1007;
    public static final int POLICY_VIOLATION = 1008;
    public static final int MESSAGE_TOO_BIG = 1009;
    public static final int MANDATORY_EXTENSION = 1010;
    public static final int INTERNAL_ERROR = 1011;
    public static final int SERVICE_RESTART = 1012;
    public static final int TRY_AGAIN_LATER = 1013;
    public static final int BAD_GATEWAY = 1014;
    /** "The TLS handshake failed"; reported locally, never sent. */
    public static final int TLS_HANDSHAKE_FAILURE = 1015;

    private CloseCodes() {
    }

    /**
     * Whether {@code code} may be carried by a close frame: the registered codes that are not
     * reserved for local reporting (1000-1003, 1007-1014) and the application and library ranges
     * (3000-4999).
     */
    public static boolean isValidOnWire(int code) {
        return (code >= 1000 && code <= 1003)
                || (code >= 1007 && code <= 1014)
                || (code >= 3000 && code <= 4999);
    }

    /** Codes that describe a local observation and must never be sent: 1004, 1005, 1006, 1015. */
    public static boolean isLocalOnly(int code) {
        return code == RESERVED || code == NO_STATUS_CODE || code == CLOSED_ABNORMALLY
                || code == TLS_HANDSHAKE_FAILURE;
    }
}
