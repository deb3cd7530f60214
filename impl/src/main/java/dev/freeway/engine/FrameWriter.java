package dev.freeway.engine;

import dev.freeway.api.Opcode;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The sending half of a connection: turns data and control events into frame bytes, and keeps
 * the outbound fragmentation state (which message is open, which declared-length frame is
 * still owed bytes).
 *
 * <p>Servers send payloads without copying them (a header buffer plus a view of the caller's
 * payload); clients must mask, so they copy once into a buffer that also holds the header.
 */
final class FrameWriter {
    /** Payloads up to this size travel in the header's buffer: one write instead of two. */
    private static final int COALESCE_LIMIT = 1024;

    private final boolean masked;
    private final int allowedRsv;
    private final boolean allowReservedOpcodes;
    private final MessageDeflater deflater;
    private final Utf8 utf8 = new Utf8();

    private boolean messageOpen;
    private boolean messageText;
    private boolean messageCompressed;
    /** Bytes still owed to the declared-length frame in progress, or -1 when none is. */
    private long frameRemaining = -1;
    private boolean frameFin;
    private int frameMask;

    FrameWriter(Role role, EngineConfig config, MessageDeflater deflater) {
        this.masked = role == Role.CLIENT;
        this.allowedRsv = config.allowedRsv();
        this.allowReservedOpcodes = config.allowReservedOpcodes();
        this.deflater = deflater;
    }

    /** Whether a declared-length frame is in progress (no other frame may be sent until it ends). */
    boolean inFrame() {
        return frameRemaining >= 0;
    }

    /** Whether a fragmented message is in progress. */
    boolean inMessage() {
        return messageOpen;
    }

    /** A whole data frame. */
    ByteBuffer[] data(Data data) {
        if (!data.frameFinished()) {
            throw new LocalProtocolError("a Data event sends a whole frame: frameFinished must be true; "
                    + "use FrameBegin and FrameData to send a frame in chunks");
        }
        requireNoFrame("a data frame");
        boolean text = data.text();
        int opcode = nextOpcode(text ? Opcode.TEXT : Opcode.BINARY, text);
        boolean newMessage = opcode != Opcode.CONTINUATION;
        ByteBuffer payload = data.payload();
        if (text) {
            if (newMessage) {
                utf8.reset();
            }
            // Encoded from a String, at a code point boundary: valid by construction, and the
            // validator stays at a boundary; checking again would cost a pass per message.
            if (!data.encoded() || !utf8.isComplete()) {
                checkUtf8(payload, false, data.messageFinished());
            }
        }
        beginIfNew(opcode, text);
        if (newMessage) {
            messageCompressed = deflater != null;
        }
        ByteBuffer[] out;
        if (messageCompressed) {
            ByteBuffer compressed = deflater.compress(payload, data.messageFinished());
            out = frameInFront(data.messageFinished(), newMessage ? 4 : 0, opcode, compressed);
        } else {
            out = frame(data.messageFinished(), 0, opcode, payload);
        }
        endOfFrame(data.messageFinished());
        return out;
    }

    /** The header of a declared-length frame; its payload follows through {@link #frameData}. */
    ByteBuffer frameBegin(FrameBegin begin) {
        requireNoFrame("a new frame");
        int opcode = begin.opcode();
        if (Opcode.isReserved(opcode) && !allowReservedOpcodes) {
            throw new LocalProtocolError("opcode 0x" + Integer.toHexString(opcode)
                    + " is reserved; allow reserved opcodes in the EngineConfig to send it");
        }
        if ((begin.rsv() & ~allowedRsv) != 0) {
            throw new LocalProtocolError("RSV bits " + begin.rsv() + " are not allowed; allowed: " + allowedRsv);
        }
        if (opcode == Opcode.CONTINUATION && !messageOpen) {
            throw new LocalProtocolError("a continuation frame needs a message begun first");
        }
        if (opcode != Opcode.CONTINUATION) {
            opcode = nextOpcode(opcode, opcode == Opcode.TEXT);
        }
        if (opcode == Opcode.CONTINUATION && messageCompressed) {
            throw new LocalProtocolError("this message is compressed; its frames cannot have a declared length");
        }
        if (opcode != Opcode.CONTINUATION) {
            beginIfNew(opcode, opcode == Opcode.TEXT);
            utf8.reset();
            messageCompressed = false; // a frame of declared length is never compressed
        }
        int key = masked ? ThreadLocalRandom.current().nextInt() : 0;
        byte[] header = new byte[FrameHeaders.size(begin.length(), masked)];
        FrameHeaders.write(header, 0, begin.fin(), begin.rsv(), opcode, begin.length(), masked, key);
        frameRemaining = begin.length();
        frameFin = begin.fin();
        frameMask = key;
        if (frameRemaining == 0) {
            frameRemaining = -1;
            endOfFrame(frameFin);
        }
        return ByteBuffer.wrap(header);
    }

    /** Payload for the declared-length frame in progress. */
    ByteBuffer frameData(FrameData data) {
        if (frameRemaining < 0) {
            throw new LocalProtocolError("no frame is in progress: send FrameBegin first");
        }
        ByteBuffer chunk = data.chunk();
        int n = chunk.remaining();
        if (n > frameRemaining) {
            throw new LocalProtocolError("the frame was declared with " + frameRemaining
                    + " bytes still to send; this chunk has " + n);
        }
        if (messageText) {
            checkUtf8(chunk, false, frameFin && n == frameRemaining);
        }
        ByteBuffer out;
        if (masked) {
            byte[] copy = new byte[n];
            frameMask = Masking.copyMasked(chunk, copy, 0, frameMask);
            out = ByteBuffer.wrap(copy);
        } else {
            out = chunk.duplicate();
        }
        frameRemaining -= n;
        if (frameRemaining == 0) {
            frameRemaining = -1;
            endOfFrame(frameFin);
        }
        return out;
    }

    /** A control frame (ping, pong, close or a reserved control opcode). */
    ByteBuffer control(int opcode, ByteBuffer payload) {
        requireNoFrame("a " + Opcode.name(opcode) + " frame");
        int n = payload.remaining();
        ControlFrames.checkLength(Opcode.name(opcode), n);
        int key = masked ? ThreadLocalRandom.current().nextInt() : 0;
        byte[] out = new byte[FrameHeaders.size(n, masked) + n];
        int at = FrameHeaders.write(out, 0, true, 0, opcode, n, masked, key);
        payload.duplicate().get(out, at, n);
        if (masked) {
            Masking.maskInPlace(out, at, at + n, key);
        }
        return ByteBuffer.wrap(out);
    }

    /** Drops the deflater's native memory; the writer must not be used afterwards. */
    void release() {
        if (deflater != null) {
            deflater.release();
        }
    }

    private ByteBuffer[] frame(boolean fin, int rsv, int opcode, ByteBuffer payload) {
        int n = payload.remaining();
        int key = masked ? ThreadLocalRandom.current().nextInt() : 0;
        int headerSize = FrameHeaders.size(n, masked);
        if (masked || n <= COALESCE_LIMIT) {
            byte[] out = new byte[headerSize + n];
            int at = FrameHeaders.write(out, 0, fin, rsv, opcode, n, masked, key);
            payload.get(payload.position(), out, at, n);
            if (masked) {
                Masking.maskInPlace(out, at, at + n, key);
            }
            return new ByteBuffer[] {ByteBuffer.wrap(out)};
        }
        byte[] header = new byte[headerSize];
        FrameHeaders.write(header, 0, fin, rsv, opcode, n, false, 0);
        return new ByteBuffer[] {ByteBuffer.wrap(header), payload.duplicate()};
    }

    /**
     * A frame around a payload we own that has {@link MessageDeflater#HEADER_ROOM} free bytes in
     * front of it (a deflater's output): the header goes there and the frame is one buffer, with
     * no copy of the payload at any size.
     */
    private ByteBuffer[] frameInFront(boolean fin, int rsv, int opcode, ByteBuffer payload) {
        int n = payload.remaining();
        int key = masked ? ThreadLocalRandom.current().nextInt() : 0;
        int payloadAt = payload.arrayOffset() + payload.position();
        int start = payloadAt - FrameHeaders.size(n, masked);
        byte[] bytes = payload.array();
        FrameHeaders.write(bytes, start, fin, rsv, opcode, n, masked, key);
        if (masked) {
            Masking.maskInPlace(bytes, payloadAt, payloadAt + n, key);
        }
        return new ByteBuffer[] {ByteBuffer.wrap(bytes, start, payloadAt + n - start)};
    }

    /**
     * The opcode for the next frame: the message's own when it begins a message, else
     * continuation. Changes nothing, so a send that fails later leaves the state as it was.
     */
    private int nextOpcode(int opcode, boolean text) {
        if (!messageOpen) {
            return opcode;
        }
        if (Opcode.isReserved(opcode) || text != messageText) {
            throw new LocalProtocolError("a " + (messageText ? "text" : "binary")
                    + " message is in progress; finish it before sending " + Opcode.name(opcode));
        }
        return Opcode.CONTINUATION;
    }

    private void beginIfNew(int opcode, boolean text) {
        if (opcode != Opcode.CONTINUATION) {
            messageOpen = true;
            messageText = text;
        }
    }

    private void endOfFrame(boolean fin) {
        if (fin) {
            messageOpen = false;
            messageCompressed = false;
        }
    }

    /** Validates outgoing text; on failure nothing is sent and the validator is as it was. */
    private void checkUtf8(ByteBuffer payload, boolean newMessage, boolean last) {
        long saved = utf8.snapshot();
        if (newMessage) {
            utf8.reset();
        }
        int bad = utf8.validate(payload);
        if (bad >= 0) {
            utf8.restore(saved);
            throw new IllegalArgumentException("text payload is not valid UTF-8 at byte " + (bad - payload.position()));
        }
        if (last && !utf8.isComplete()) {
            utf8.restore(saved);
            throw new IllegalArgumentException("text message ends inside a UTF-8 sequence");
        }
    }

    private void requireNoFrame(String what) {
        if (frameRemaining >= 0) {
            throw new LocalProtocolError("cannot send " + what + ": the frame in progress still needs "
                    + frameRemaining + " bytes of FrameData");
        }
    }
}
