package dev.freeway.engine;

import dev.freeway.api.CloseCodes;
import dev.freeway.api.Opcode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The receiving half of a connection: parses frames from input in any split, checks every rule of
 * RFC 6455 (and RFC 7692 when deflate was agreed), unmasks payload in place and turns it into
 * events without copying it.
 *
 * <p>It holds at most one frame header (14 bytes) and one control frame payload (125 bytes) of
 * its own; data payload is delivered as views of the input. Every call consumes input until it
 * has an event or the input is exhausted.
 */
final class FrameReader {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private enum Phase { HEADER, CONTROL, DATA }

    private final boolean expectMasked;
    private final long maxFrameSize;
    private final long maxMessageSize;
    /** False for the default {@code Long.MAX_VALUE}: no limit, so messages of any length pass. */
    private final boolean messageLimited;
    private final int allowedRsv;
    private final boolean allowReservedOpcodes;
    private final MessageInflater inflater;
    private final Utf8 utf8 = new Utf8();

    private Phase phase = Phase.HEADER;
    private final byte[] head = new byte[FrameHeaders.MAX_LENGTH];
    private final ByteBuffer headView = ByteBuffer.wrap(head);
    private int headLength;

    private boolean fin;
    private int rsv;
    private int opcode;
    private boolean masked;
    private int mask;
    private long remaining;

    private boolean messageOpen;
    private boolean messageText;
    private boolean messageCompressed;
    private long messageSize;
    private boolean tailFed;

    private final byte[] control = new byte[ControlFrames.MAX_PAYLOAD];
    private int controlLength;

    FrameReader(Role role, EngineConfig config, MessageInflater inflater) {
        this.expectMasked = role == Role.SERVER;
        this.maxFrameSize = config.maxFrameSize();
        this.maxMessageSize = config.maxMessageSize();
        this.messageLimited = maxMessageSize < Long.MAX_VALUE;
        this.allowedRsv = config.allowedRsv();
        this.allowReservedOpcodes = config.allowReservedOpcodes();
        this.inflater = inflater;
    }

    /** Whether the input is between frames (nothing of a frame has been read). */
    boolean atFrameBoundary() {
        return phase == Phase.HEADER && headLength == 0;
    }

    /**
     * The next event the input holds, or {@code null} when all of it has been consumed without
     * completing one.
     */
    Event next(ByteBuffer in) throws RemoteProtocolError {
        while (true) {
            switch (phase) {
                case HEADER:
                    if (!readHeader(in)) {
                        return null;
                    }
                    Event begun = beginFrame();
                    if (begun != null) {
                        return begun;
                    }
                    break; // a control frame: read its payload
                case CONTROL:
                    Event control = readControl(in);
                    if (control != null || !in.hasRemaining()) {
                        return control;
                    }
                    break;
                default:
                    return messageCompressed ? readInflated(in) : readData(in);
            }
        }
    }

    /** Releases the inflater's native memory. */
    void release() {
        if (inflater != null) {
            inflater.release();
        }
    }

    // ---- headers

    private boolean readHeader(ByteBuffer in) throws RemoteProtocolError {
        if (headLength == 0 && in.remaining() >= 2) {
            int p = in.position();
            int size = headerSize(in.get(p + 1));
            if (in.remaining() >= size) { // the common case: the whole header is here, read it in place
                parseHeader(in, p);
                in.position(p + size);
                return true;
            }
        }
        while (in.hasRemaining()) {
            head[headLength++] = in.get();
            if (headLength >= 2 && headLength == headerSize(head[1])) {
                headLength = 0;
                parseHeader(headView, 0);
                return true;
            }
        }
        return false;
    }

    private static int headerSize(byte second) {
        int len7 = second & 0x7F;
        int size = len7 < 126 ? 2 : len7 == 126 ? 4 : 10;
        return (second & 0x80) != 0 ? size + 4 : size;
    }

    private void parseHeader(ByteBuffer b, int p) throws RemoteProtocolError {
        int b0 = b.get(p) & 0xFF;
        int b1 = b.get(p + 1) & 0xFF;
        fin = (b0 & 0x80) != 0;
        rsv = (b0 >>> 4) & 7;
        opcode = b0 & 0xF;
        masked = (b1 & 0x80) != 0;
        int len7 = b1 & 0x7F;
        boolean bigEndian = b.order() == ByteOrder.BIG_ENDIAN;
        int q = p + 2;
        if (len7 == 126) {
            remaining = ((b.get(q) & 0xFF) << 8) | (b.get(q + 1) & 0xFF);
            q += 2;
        } else if (len7 == 127) {
            long l = b.getLong(q);
            remaining = bigEndian ? l : Long.reverseBytes(l);
            q += 8;
            if (remaining < 0) {
                throw protocolError("frame length has its most significant bit set");
            }
        } else {
            remaining = len7;
        }
        if (masked) {
            int m = b.getInt(q);
            mask = bigEndian ? m : Integer.reverseBytes(m);
        }
    }

    /** Checks the header just parsed; returns the event for a data frame, null for a control frame. */
    private Event beginFrame() throws RemoteProtocolError {
        if (masked != expectMasked) {
            throw protocolError(expectMasked ? "a client sent an unmasked frame" : "a server sent a masked frame");
        }
        if (Opcode.isReserved(opcode) && !allowReservedOpcodes) {
            throw protocolError("reserved opcode 0x" + Integer.toHexString(opcode));
        }
        if (Opcode.isControl(opcode)) {
            if (!fin) {
                throw protocolError("fragmented " + Opcode.name(opcode) + " frame: control frames cannot be fragmented");
            }
            if (remaining > ControlFrames.MAX_PAYLOAD) {
                throw protocolError(Opcode.name(opcode) + " frame of " + remaining + " bytes: control frames carry at most 125");
            }
            checkRsv(0);
            phase = Phase.CONTROL;
            controlLength = 0;
            return null;
        }
        boolean begins = opcode != Opcode.CONTINUATION;
        if (begins && messageOpen) {
            throw protocolError(Opcode.name(opcode) + " frame inside a fragmented message: expected a continuation");
        }
        if (!begins && !messageOpen) {
            throw protocolError("continuation frame with no message begun");
        }
        checkRsv(begins && inflater != null ? 4 : 0);
        if (remaining > maxFrameSize) {
            throw new RemoteProtocolError(CloseCodes.MESSAGE_TOO_BIG,
                    "frame of " + remaining + " bytes exceeds the limit of " + maxFrameSize);
        }
        if (begins) {
            messageOpen = true;
            messageText = opcode == Opcode.TEXT;
            messageCompressed = inflater != null && (rsv & 4) != 0;
            messageSize = 0;
            utf8.reset();
        }
        // Inflated messages are counted as they inflate; plain ones are refused from the header.
        if (!messageCompressed && messageLimited && remaining > maxMessageSize - messageSize) {
            throw new RemoteProtocolError(CloseCodes.MESSAGE_TOO_BIG, "message of " + (messageSize + remaining)
                    + " bytes or more exceeds the limit of " + maxMessageSize);
        }
        tailFed = false;
        phase = Phase.DATA;
        return new FrameBegin(opcode, rsv, remaining, fin);
    }

    /**
     * The message's size with {@code n} more bytes, held at {@code Long.MAX_VALUE}: without a
     * limit a message may run past 2^63-1 bytes over many frames, and must not wrap negative.
     */
    private long countMessageBytes(int n) {
        long sum = messageSize + n;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private void checkRsv(int negotiated) throws RemoteProtocolError {
        int unexpected = rsv & ~(allowedRsv | negotiated);
        if (unexpected != 0) {
            throw protocolError("RSV bits " + Integer.toBinaryString(rsv) + " set on a "
                    + Opcode.name(opcode) + " frame, but no extension negotiated them");
        }
    }

    // ---- control frames

    private Event readControl(ByteBuffer in) throws RemoteProtocolError {
        int n = (int) Math.min(remaining, in.remaining());
        if (n > 0) {
            in.get(control, controlLength, n);
            if (masked) {
                mask = Masking.maskInPlace(control, controlLength, controlLength + n, mask);
            }
            controlLength += n;
            remaining -= n;
        }
        if (remaining > 0) {
            return null;
        }
        phase = Phase.HEADER;
        switch (opcode) {
            case Opcode.PING:
                return new Ping(ByteBuffer.wrap(Arrays.copyOf(control, controlLength)));
            case Opcode.PONG:
                return new Pong(ByteBuffer.wrap(Arrays.copyOf(control, controlLength)));
            case Opcode.CLOSE:
                return CloseFrames.decode(control, controlLength);
            default:
                return new ControlFrame(opcode, ByteBuffer.wrap(Arrays.copyOf(control, controlLength)));
        }
    }

    // ---- data frames

    private Event readData(ByteBuffer in) throws RemoteProtocolError {
        if (remaining == 0) {
            return endFrame(EMPTY);
        }
        int n = (int) Math.min(remaining, in.remaining());
        if (n == 0) {
            return null;
        }
        int p = in.position();
        if (masked) {
            mask = Masking.maskInPlace(in, p, p + n, mask);
        }
        ByteBuffer slice = in.slice(p, n);
        in.position(p + n);
        remaining -= n;
        messageSize = countMessageBytes(n);
        if (messageText) {
            checkUtf8(slice);
        }
        if (remaining > 0) {
            return new Data(slice, messageText, false, false);
        }
        return endFrame(slice);
    }

    /**
     * Compressed frames: wire bytes go into the inflater, inflated chunks come out as events.
     * The frame ends once its wire bytes are consumed and (on the last frame, after the RFC
     * 7692 tail) the inflater has nothing left to give.
     */
    private Event readInflated(ByteBuffer in) throws RemoteProtocolError {
        while (true) {
            if (!inflater.needsInput()) {
                ByteBuffer out = inflater.inflate();
                if (out.hasRemaining()) {
                    messageSize = countMessageBytes(out.remaining());
                    if (messageLimited && messageSize > maxMessageSize) {
                        throw new RemoteProtocolError(CloseCodes.MESSAGE_TOO_BIG,
                                "message inflates to more than the limit of " + maxMessageSize + " bytes");
                    }
                    if (messageText) {
                        checkUtf8(out);
                    }
                    return new Data(out, messageText, false, false);
                }
                continue;
            }
            if (remaining > 0) {
                int n = (int) Math.min(remaining, in.remaining());
                if (n == 0) {
                    return null;
                }
                int p = in.position();
                if (masked) {
                    mask = Masking.maskInPlace(in, p, p + n, mask);
                }
                inflater.input(in.slice(p, n));
                in.position(p + n);
                remaining -= n;
                continue;
            }
            if (fin && !tailFed) {
                tailFed = true;
                inflater.endOfMessage();
                continue;
            }
            return endFrame(EMPTY);
        }
    }

    private Event endFrame(ByteBuffer last) throws RemoteProtocolError {
        phase = Phase.HEADER;
        if (!fin) {
            return new Data(last, messageText, true, false);
        }
        if (messageText && !utf8.isComplete()) {
            throw new RemoteProtocolError(CloseCodes.INVALID_PAYLOAD, "text message ends inside a UTF-8 sequence");
        }
        messageOpen = false;
        messageCompressed = false;
        return new Data(last, messageText, true, true);
    }

    private void checkUtf8(ByteBuffer chunk) throws RemoteProtocolError {
        int bad = utf8.validate(chunk);
        if (bad >= 0) {
            long offset = messageSize - chunk.remaining() + (bad - chunk.position());
            throw new RemoteProtocolError(CloseCodes.INVALID_PAYLOAD, "text message is not valid UTF-8 at byte " + offset);
        }
    }

    private static RemoteProtocolError protocolError(String message) {
        return new RemoteProtocolError(CloseCodes.PROTOCOL_ERROR, message);
    }
}
