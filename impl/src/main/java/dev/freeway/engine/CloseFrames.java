package dev.freeway.engine;

import dev.freeway.api.CloseCodes;

import java.nio.charset.StandardCharsets;

/** The payload of close frames: encoding what we send, checking what we receive. */
final class CloseFrames {
    private CloseFrames() {
    }

    /**
     * The payload for {@code close}: empty for {@link CloseCodes#NO_STATUS_CODE}, else the code
     * and the reason.
     *
     * @throws IllegalArgumentException for a code that may not be sent, or a reason that does
     *                                  not fit
     */
    static byte[] encode(Close close) {
        int code = close.code();
        byte[] reason = close.reasonBytes();
        if (code == CloseCodes.NO_STATUS_CODE) {
            if (reason.length > 0) {
                throw new IllegalArgumentException("a close without a status code cannot carry a reason");
            }
            return new byte[0];
        }
        if (!CloseCodes.isValidOnWire(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent: use 1000-1003, 1007-1014 or 3000-4999");
        }
        if (reason.length > Close.MAX_REASON_BYTES) {
            throw new IllegalArgumentException("close reason is " + reason.length + " bytes of UTF-8; at most "
                    + Close.MAX_REASON_BYTES + " fit in a close frame");
        }
        byte[] out = new byte[2 + reason.length];
        out[0] = (byte) (code >>> 8);
        out[1] = (byte) code;
        System.arraycopy(reason, 0, out, 2, reason.length);
        return out;
    }

    /** Reads a received close payload ({@code payload[0, length)}) into a {@link Close}. */
    static Close decode(byte[] payload, int length) throws RemoteProtocolError {
        if (length == 0) {
            return new Close(CloseCodes.NO_STATUS_CODE, "");
        }
        if (length == 1) {
            throw new RemoteProtocolError(CloseCodes.PROTOCOL_ERROR, "close frame payload of 1 byte: a status code takes 2");
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!CloseCodes.isValidOnWire(code)) {
            throw new RemoteProtocolError(CloseCodes.PROTOCOL_ERROR, "close code " + code + " is not allowed on the wire");
        }
        Utf8 utf8 = new Utf8();
        int bad = utf8.validate(payload, 2, length);
        if (bad >= 0 || !utf8.isComplete()) {
            throw new RemoteProtocolError(CloseCodes.INVALID_PAYLOAD, "close reason is not valid UTF-8");
        }
        return new Close(code, new String(payload, 2, length - 2, StandardCharsets.UTF_8));
    }
}
