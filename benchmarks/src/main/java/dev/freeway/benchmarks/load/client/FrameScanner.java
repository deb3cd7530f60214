package dev.freeway.benchmarks.load.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Finds frame and message boundaries in what a server sends, one connection's bytes at a time,
 * in whatever pieces they arrive. Payload is skipped, not copied, except the first bytes of a
 * text message when asked (the hash endpoint's digest) and a close frame's status and reason
 * (so a refusal names itself). Masked frames are skipped the same way.
 */
final class FrameScanner {
    /** Text messages are kept up to this many bytes (a hex SHA-256 is 64). */
    private static final int CAPTURE_LIMIT = 128;

    /** What the scanner found. */
    interface Listener {
        void onMessage(long payloadBytes, String text);

        /** {@code why}: the close frame's status code and reason, e.g. {@code 1009 "Buffer overflow."}. */
        void onCloseFrame(String why);
    }

    private final byte[] header = new byte[14];
    private int headerLength;
    private int headerNeeded = 2;
    private boolean inPayload;
    private long payloadLeft;
    private int frameOpcode;
    private boolean fin;
    private boolean control;
    private long messageBytes;
    private boolean captureText;
    private final byte[] captured = new byte[CAPTURE_LIMIT];
    private int capturedLength;
    /** A close frame's payload: at most 125 bytes, as for every control frame. */
    private final byte[] closePayload = new byte[125];
    private int closeLength;

    /** Scans all of {@code data}, calling {@code listener} at every message end and close frame. */
    void scan(ByteBuffer data, Listener listener) {
        while (data.hasRemaining()) {
            if (!inPayload) {
                header[headerLength++] = data.get();
                if (headerLength == 2) {
                    int len7 = header[1] & 0x7f;
                    headerNeeded = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((header[1] & 0x80) != 0 ? 4 : 0);
                }
                if (headerLength >= 2 && headerLength == headerNeeded) {
                    beginPayload();
                    if (payloadLeft == 0) {
                        endFrame(listener);
                    }
                }
            } else {
                int take = (int) Math.min(data.remaining(), payloadLeft);
                if (control && frameOpcode == ClientFrames.CLOSE) {
                    int keep = Math.min(take, closePayload.length - closeLength);
                    data.duplicate().get(closePayload, closeLength, keep);
                    closeLength += keep;
                }
                if (captureText && !control && capturedLength < CAPTURE_LIMIT) {
                    int keep = Math.min(take, CAPTURE_LIMIT - capturedLength);
                    data.duplicate().get(captured, capturedLength, keep);
                    capturedLength += keep;
                }
                data.position(data.position() + take);
                payloadLeft -= take;
                if (!control) {
                    messageBytes += take;
                }
                if (payloadLeft == 0) {
                    endFrame(listener);
                }
            }
        }
    }

    private void beginPayload() {
        int first = header[0] & 0xff;
        fin = (first & 0x80) != 0;
        frameOpcode = first & 0x0f;
        control = frameOpcode >= 0x8;
        if (!control && frameOpcode != 0) {
            captureText = frameOpcode == ClientFrames.TEXT;
        }
        int len7 = header[1] & 0x7f;
        if (len7 == 126) {
            payloadLeft = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        } else if (len7 == 127) {
            payloadLeft = ByteBuffer.wrap(header, 2, 8).getLong();
        } else {
            payloadLeft = len7;
        }
        inPayload = true;
    }

    private String closeReason() {
        int n = closeLength;
        closeLength = 0;
        if (n < 2) {
            return "no status";
        }
        int status = ((closePayload[0] & 0xff) << 8) | (closePayload[1] & 0xff);
        String reason = new String(closePayload, 2, n - 2, StandardCharsets.UTF_8);
        return status + (reason.isEmpty() ? "" : " \"" + reason + "\"");
    }

    private void endFrame(Listener listener) {
        inPayload = false;
        headerLength = 0;
        headerNeeded = 2;
        if (control) {
            if (frameOpcode == ClientFrames.CLOSE) {
                listener.onCloseFrame(closeReason());
            }
            return;
        }
        if (fin) {
            String text = captureText ? new String(captured, 0, capturedLength, StandardCharsets.UTF_8) : null;
            long bytes = messageBytes;
            messageBytes = 0;
            capturedLength = 0;
            listener.onMessage(bytes, text);
        }
    }
}
