package dev.freeway.engine;

import dev.freeway.api.CloseCodes;

import java.nio.charset.StandardCharsets;

/**
 * A close frame, received or to send, or the end of the connection.
 *
 * <p>Received with code {@link CloseCodes#NO_STATUS_CODE} when the frame had no payload, and
 * {@link CloseCodes#CLOSED_ABNORMALLY} when the stream ended without a close frame. To send no
 * status code, send {@code NO_STATUS_CODE} with an empty reason: the frame then has no payload.
 *
 * @param code   the status code
 * @param reason the reason, at most 123 bytes of UTF-8 when sent; never {@code null}
 */
public record Close(int code, String reason) implements Event {
    /** The longest reason that fits a control frame beside the 2-byte code. */
    public static final int MAX_REASON_BYTES = ControlFrames.MAX_PAYLOAD - 2;

    public Close {
        reason = reason == null ? "" : reason;
    }

    public Close(int code) {
        this(code, "");
    }

    /**
     * The close frame that answers this one: the same code (or none, when none came), no
     * reason. Codes that are never sent are answered with no code.
     */
    public Close response() {
        if (CloseCodes.isLocalOnly(code)) {
            return new Close(CloseCodes.NO_STATUS_CODE, "");
        }
        return new Close(code, "");
    }

    /**
     * {@code reason} cut to fit a close frame ({@link #MAX_REASON_BYTES} of UTF-8) without
     * splitting a code point; {@code ""} for {@code null}.
     */
    public static String fitReason(String reason) {
        return Utf8.truncate(reason, MAX_REASON_BYTES);
    }

    /** The reason encoded as UTF-8. */
    byte[] reasonBytes() {
        return reason.getBytes(StandardCharsets.UTF_8);
    }
}
