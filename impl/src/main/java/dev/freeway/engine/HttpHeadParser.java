package dev.freeway.engine;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Finds and parses one HTTP/1.x head (start line and header fields) in bytes fed in any split,
 * down to one byte at a time.
 *
 * <p>{@link #receive(ByteBuffer)} consumes exactly the bytes of the head, up to and including the
 * empty line that ends it, and leaves whatever follows in the buffer: a client may send frames
 * right behind its request and a server right behind its 101. The bytes consumed are copied, so
 * the caller may reuse its buffer between calls. The copy grows with the head and never beyond
 * the size limit; the limit is checked before a byte is taken, so an endless head costs at most
 * {@code maxHeadSize} bytes.
 *
 * <p>Line endings: CRLF, and also a bare LF, which RFC 9112 section 2.2 lets a recipient accept
 * (old clients and hand-written test peers send it; the head carries no body whose framing a
 * second parser could read differently). A CR not followed by LF is always an error. Empty lines
 * before the start line are skipped, as RFC 9112 asks of servers; they count toward the limit.
 *
 * <p>Errors: in a request, a head over the limit is rejected with 431 and malformed syntax with
 * 400 (see {@link RemoteProtocolError#rejection()}); in a response, both are protocol errors with
 * close code 1002. After an error the parser is spent. Not thread-safe; one per connection.
 *
 * @param <H> {@link HttpRequestHead} or {@link HttpResponseHead}
 */
public final class HttpHeadParser<H> {
    private static final int INITIAL_CAPACITY = 256;

    private final boolean request;
    private final int maxHeadSize;
    private final Decoder<H> decoder;

    private byte[] buf = new byte[0];
    private int size;
    private boolean pendingCr;
    private boolean lineHasContent;
    private boolean seenStartLine;
    private H head;
    private boolean failed;

    private HttpHeadParser(boolean request, int maxHeadSize, Decoder<H> decoder) {
        if (maxHeadSize <= 0) {
            throw new IllegalArgumentException("maxHeadSize must be positive, was " + maxHeadSize);
        }
        this.request = request;
        this.maxHeadSize = maxHeadSize;
        this.decoder = decoder;
    }

    /** A parser for a request head of at most {@code maxHeadSize} bytes (see {@link EngineConfig#maxHandshakeSize()}). */
    public static HttpHeadParser<HttpRequestHead> forRequest(int maxHeadSize) {
        return new HttpHeadParser<>(true, maxHeadSize, HttpHeadSyntax::parseRequest);
    }

    /** A parser for a response head of at most {@code maxHeadSize} bytes. */
    public static HttpHeadParser<HttpResponseHead> forResponse(int maxHeadSize) {
        return new HttpHeadParser<>(false, maxHeadSize, HttpHeadSyntax::parseResponse);
    }

    /**
     * Consumes head bytes from {@code in}, from its position, stopping right after the head.
     *
     * @return the head once complete (then again on every later call, consuming nothing), or
     *         {@code null} when more bytes are needed, in which case {@code in} was consumed
     *         entirely
     * @throws RemoteProtocolError when the head is too large or malformed
     * @throws LocalProtocolError  when called again after an error
     */
    public H receive(ByteBuffer in) throws RemoteProtocolError {
        if (head != null) {
            return head;
        }
        if (failed) {
            throw new LocalProtocolError("the HTTP head was rejected; this parser cannot continue");
        }
        int start = in.position();
        int end = in.limit();
        int i = start;
        boolean complete = false;
        try {
            while (i < end) {
                if (size + (i - start) >= maxHeadSize) {
                    throw tooLarge();
                }
                complete = scan(in.get(i), size + (i - start));
                i++;
                if (complete) {
                    break;
                }
            }
            append(in, start, i - start);
            in.position(i);
            if (complete) {
                head = decoder.decode(buf, size);
                buf = null; // an idle connection keeps no handshake bytes
            }
            return head;
        } catch (RemoteProtocolError e) {
            failed = true;
            buf = null;
            throw e;
        }
    }

    /** Whether the head has been received. */
    public boolean isComplete() {
        return head != null;
    }

    /** The bytes held so far; lets tests see that the copy never outgrows the limit. */
    int capacity() {
        return buf == null ? 0 : buf.length;
    }

    /** Advances the line state by one byte; true when that byte ends the head. */
    private boolean scan(byte b, int offset) throws RemoteProtocolError {
        if (pendingCr) {
            if (b != '\n') {
                throw malformed("bare CR (not followed by LF) at byte " + (offset - 1) + " of the HTTP head");
            }
            pendingCr = false;
            return endOfLine();
        }
        if (b == '\r') {
            pendingCr = true;
            return false;
        }
        if (b == '\n') {
            return endOfLine();
        }
        lineHasContent = true;
        return false;
    }

    private boolean endOfLine() {
        if (lineHasContent) {
            seenStartLine = true;
            lineHasContent = false;
            return false;
        }
        return seenStartLine; // an empty line ends the head, or is skipped before the start line
    }

    private void append(ByteBuffer in, int from, int length) {
        int needed = size + length;
        if (needed > buf.length) {
            int grown = Math.max(Math.max(INITIAL_CAPACITY, buf.length * 2), needed);
            buf = Arrays.copyOf(buf, Math.min(grown, maxHeadSize));
        }
        in.get(from, buf, size, length);
        size = needed;
    }

    private RemoteProtocolError tooLarge() {
        String message = (request ? "request" : "response") + " head is larger than " + maxHeadSize + " bytes";
        return request ? HandshakeErrors.reject(431, message) : HandshakeErrors.fail(message);
    }

    private RemoteProtocolError malformed(String message) {
        return request ? HandshakeErrors.reject(400, message) : HandshakeErrors.fail(message);
    }

    /** Turns the complete head into its record. */
    @FunctionalInterface
    private interface Decoder<H> {
        H decode(byte[] head, int length) throws RemoteProtocolError;
    }
}
