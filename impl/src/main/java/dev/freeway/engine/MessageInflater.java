package dev.freeway.engine;

import dev.freeway.api.CloseCodes;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The permessage-deflate decompressor of one connection (RFC 7692 section 7.2.2): streaming,
 * pull-based, and never holding more than one chunk of output, so the caller can count inflated
 * bytes against its message limit before a compressed bomb costs memory.
 *
 * <p>Use per message: {@link #input} a compressed payload slice, call {@link #inflate()} until it
 * returns an empty buffer (or {@link #needsInput()} turns true), give the next slice, and so on;
 * after the message's last slice (given or not yet drained) call {@link #endOfMessage()} and
 * drain {@link #inflate()} the same way: its empty result then means the message is complete and
 * the next one may begin.
 *
 * <p>Corrupt data fails the connection with {@link CloseCodes#INVALID_PAYLOAD} (1007): the frame
 * was well-formed but its payload is not what the negotiated extension says it must be, which is
 * what 1007 names; RFC 7692 section 7.2.2 asks only that the connection fail.
 *
 * <p>A payload containing a DEFLATE block with BFINAL set (RFC 7692 section 7.2.3.4) ends the
 * {@link Inflater}'s stream, which java.util.zip can only restart empty. What follows it is then
 * inflated as a fresh stream, so data after the final block that refers back past it (also in a
 * later message, under context takeover) fails with 1007 rather than being silently lost.
 *
 * <p>A message whose compressed payload is empty is taken as an empty message and its tail is not
 * inflated: RFC 7692 section 7.2.3.6 has senders use a single 0x00 octet instead, but some send
 * nothing, and inflating the bare tail would leave the stream inside a stored block.
 *
 * <p>The {@link Inflater} (some 40 KiB of native memory) and the output buffer are allocated on
 * first use and freed by {@link #release()}. Not thread-safe: one connection, one thread at a time.
 */
public final class MessageInflater {
    private static final byte[] NO_INPUT = new byte[0];

    private final boolean resetAfterMessage;
    private final int chunkSize;
    /** The 4 octets RFC 7692 section 7.2.2 appends to every message; rewound for each message. */
    private final ByteBuffer tail = ByteBuffer.wrap(new byte[] {0, 0, (byte) 0xff, (byte) 0xff}).asReadOnlyBuffer();

    private Inflater inflater;
    private byte[] output;
    private ByteBuffer outputView;

    /** What the {@link Inflater} is reading: a caller's slice or {@link #tail}; null when none. */
    private ByteBuffer current;
    /** Whether the last inflate filled the output, so the Inflater may hold more for it. */
    private boolean outputMayBePending;
    /** Whether the Inflater's stream ended with a BFINAL block and must be reset to go on. */
    private boolean streamEnded;
    private boolean endSignalled;
    private boolean tailFed;
    private boolean midMessage;
    /** Whether the current message has had any compressed byte. */
    private boolean messageHasData;
    private boolean closed;

    /**
     * @param parameters the connection's agreed parameters
     * @param self       the role this endpoint plays; it inflates what the other role compressed
     * @param chunkSize  the most bytes one {@link #inflate()} returns, at least 1
     */
    public MessageInflater(DeflateParameters parameters, Role self, int chunkSize) {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(self, "self");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive, was " + chunkSize);
        }
        this.resetAfterMessage = parameters.resetInflaterAfterMessage(self);
        this.chunkSize = chunkSize;
    }

    /**
     * Gives the next slice of a compressed message's payload (unmasked). The inflater reads it in
     * place and advances its position as it goes; it must stay untouched while it has bytes
     * remaining, and may be reused once it has none (at the latest when {@link #needsInput()}).
     *
     * @throws IllegalStateException when the previous input is not yet consumed, the message's
     *                               end is being processed, or the inflater was released for good
     */
    public void input(ByteBuffer compressed) {
        Objects.requireNonNull(compressed, "compressed");
        if (!needsInput()) {
            throw new IllegalStateException(closed ? "inflater released"
                    : endSignalled || tailFed ? "message end given; inflate() until empty first"
                    : "previous input not yet inflated");
        }
        allocate();
        midMessage = true;
        if (!compressed.hasRemaining()) {
            return; // keeping no reference to it, the caller may reuse it at once
        }
        messageHasData = true;
        current = compressed;
        if (!streamEnded) {
            inflater.setInput(compressed);
        }
    }

    /**
     * Marks the end of the message, possibly before the last input is consumed: once it is, the
     * next {@link #inflate()} calls process the tail RFC 7692 section 7.2.2 appends, then reset
     * the decompressor if the peer compresses every message afresh.
     *
     * @throws IllegalStateException when the message's end was already given, or the inflater was
     *                               released for good
     */
    public void endOfMessage() {
        if (closed) {
            throw new IllegalStateException("inflater released");
        }
        if (endSignalled || tailFed) {
            throw new IllegalStateException("end of message already given");
        }
        allocate();
        midMessage = true;
        endSignalled = true;
    }

    /**
     * Inflates the next chunk: at most {@code chunkSize} bytes, as a read-only view of the internal
     * buffer that stays valid until the next call. An empty result means all input given so far
     * is inflated and returned (and, after {@link #endOfMessage()}, that the message is complete).
     *
     * @throws RemoteProtocolError with 1007 when the data is not valid DEFLATE; the inflater is
     *                             then unusable and only {@link #release()} makes sense
     */
    public ByteBuffer inflate() throws RemoteProtocolError {
        if (closed) {
            throw new IllegalStateException("inflater released");
        }
        while (true) {
            boolean inputLeft = current != null && current.hasRemaining();
            if (streamEnded) {
                if (inputLeft) {
                    restartStream();
                    continue;
                }
                if (endSignalled || tailFed) {
                    // A message ending with its final block needs no tail, and the stream
                    // must restart whatever context takeover says.
                    inflater.reset();
                    streamEnded = false;
                    return messageDone();
                }
                return emptyOutput();
            }
            if (!inputLeft && !outputMayBePending) {
                if (endSignalled && !messageHasData) {
                    // The tail alone inflates to nothing but would leave the stream inside a
                    // stored block, garbling the next message.
                    if (resetAfterMessage) {
                        inflater.reset();
                    }
                    return messageDone();
                }
                if (endSignalled) {
                    endSignalled = false;
                    tailFed = true;
                    tail.rewind();
                    current = tail;
                    inflater.setInput(tail);
                    continue;
                }
                if (tailFed) {
                    if (resetAfterMessage) {
                        inflater.reset();
                    }
                    return messageDone();
                }
                return emptyOutput();
            }
            int n;
            try {
                n = inflater.inflate(output, 0, chunkSize);
            } catch (DataFormatException e) {
                throw corrupt(e.getMessage());
            }
            if (inflater.needsDictionary()) {
                throw corrupt("the data asks for a preset dictionary");
            }
            if (current != null && !current.hasRemaining()) {
                // Let go of the caller's buffer at once: it may be refilled and reused now, and
                // the Inflater would otherwise read it again on the next call.
                inflater.setInput(NO_INPUT);
                current = null;
            }
            streamEnded = inflater.finished();
            // zlib stops short of a full output only when it has run out of input (or the
            // stream ended); a full output may leave more decoded data inside it.
            outputMayBePending = n == chunkSize && !streamEnded;
            if (n > 0) {
                outputView.limit(n).position(0);
                return outputView;
            }
            if (!streamEnded && current != null) {
                throw new IllegalStateException("Inflater made no progress with input left");
            }
        }
    }

    /**
     * Whether the inflater is waiting for {@link #input} or {@link #endOfMessage()}: all input is
     * consumed and all its output returned, and no message end is being processed.
     */
    public boolean needsInput() {
        return !closed
                && (current == null || !current.hasRemaining())
                && !outputMayBePending
                && !endSignalled
                && !tailFed;
    }

    /** Whether a message has begun (input or end given) and not yet been completely inflated. */
    public boolean inMessage() {
        return midMessage;
    }

    /** Whether the {@link Inflater} and output buffer are currently allocated. */
    public boolean isAllocated() {
        return inflater != null;
    }

    /**
     * Frees the {@link Inflater} and the output buffer. Between messages of a peer that
     * compresses every message afresh, nothing is lost and the next message allocates them again,
     * so an idle connection can call this freely. Otherwise (mid-message, or with context
     * takeover, where the sliding window is connection state) the inflater is closed for good:
     * use this when the connection ends.
     */
    public void release() {
        if (!resetAfterMessage || midMessage) {
            closed = true;
        }
        if (inflater != null) {
            inflater.end();
            inflater = null;
        }
        output = null;
        outputView = null;
        current = null;
        outputMayBePending = false;
        streamEnded = false;
        endSignalled = false;
        tailFed = false;
        midMessage = false;
        messageHasData = false;
    }

    private void allocate() {
        if (inflater == null) {
            inflater = new Inflater(true);
            output = new byte[chunkSize];
            outputView = ByteBuffer.wrap(output).asReadOnlyBuffer();
        }
    }

    private void restartStream() {
        inflater.reset();
        inflater.setInput(current);
        streamEnded = false;
    }

    private ByteBuffer messageDone() {
        tailFed = false;
        endSignalled = false;
        midMessage = false;
        messageHasData = false;
        current = null;
        return emptyOutput();
    }

    private ByteBuffer emptyOutput() {
        if (outputView == null) {
            return ByteBuffer.allocate(0).asReadOnlyBuffer();
        }
        outputView.limit(0).position(0);
        return outputView;
    }

    private static RemoteProtocolError corrupt(String detail) {
        return new RemoteProtocolError(CloseCodes.INVALID_PAYLOAD,
                "permessage-deflate data is corrupt" + (detail == null ? "" : ": " + detail));
    }
}
