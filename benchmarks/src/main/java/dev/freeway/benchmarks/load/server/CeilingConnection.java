package dev.freeway.benchmarks.load.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One connection of {@link CeilingServer}: its request head until the upgrade, then a streaming
 * frame echo. A frame's header is collected byte by byte (it may be split across reads), its
 * unmasked header goes to the output at once, and every payload byte that arrives is unmasked
 * into the output (a long at a time) and written back in the same turn, except that the echo of
 * an unfinished frame under 128 KiB is held until more of it arrives (so a frame goes back in one
 * write); a 4 MiB frame never sits in memory. When the socket takes less than was produced, the rest waits in a buffer of
 * the connection's own and reading stops until it is written: the client's pace, not memory,
 * bounds the echo. A close frame is echoed, then the connection closed.
 */
final class CeilingConnection {
    private static final int MAX_HEAD = 8192;
    private static final int OP_CLOSE = 0x8;
    private static final int OP_PING = 0x9;
    private static final int OP_PONG = 0xA;

    private final SocketChannel channel;
    private final SelectionKey key;
    /** The request head until the 101 is sent, then {@code null}. */
    private ByteBuffer head = ByteBuffer.allocate(MAX_HEAD);
    private final byte[] header = new byte[14];
    private int headerHave;
    private int headerNeed = 2;
    private long payloadLeft;
    private boolean inPayload;
    /** The mask key turned so its most significant byte masks the next payload byte. */
    private int mask;
    /** The frame being echoed is a close frame. */
    private boolean closing;
    private boolean closeAfterWrite;
    /** Output the socket did not take yet; allocated the first time that happens, then kept. */
    private ByteBuffer pending;
    /** Echo of a frame's first part, kept until more of it arrives; allocated the first time, then kept. */
    private ByteBuffer held;
    /** Where in this read's output the unfinished frame's echo begins. */
    private int frameOut;

    CeilingConnection(SocketChannel channel, SelectionKey key) {
        this.channel = channel;
        this.key = key;
    }

    void onReadable(ByteBuffer in, ByteBuffer out, CeilingHandshake handshakes) throws IOException {
        in.clear();
        // One read per readiness: a second one to drain would mostly return nothing, a wasted
        // system call per 64 B message; a frame that arrives in pieces is held instead (below).
        if (channel.read(in) < 0) {
            close();
            return;
        }
        in.flip();
        out.clear();
        if (held != null && held.position() > 0) {
            held.flip();
            out.put(held);
            held.clear();
        }
        if (head != null && !readHead(in, out, handshakes)) {
            return;
        }
        frameOut = 0; // what was held is the start of the unfinished frame
        echo(in, out);
        int end = out.position();
        if (inPayload && !closeAfterWrite && end - frameOut < CeilingServer.HOLD) {
            // The echo of an unfinished frame, while short, waits for more of the frame, so a
            // frame that arrived in pieces goes back in one write, as a server that assembles
            // messages would send it (one write here, one read for the peer), while a large frame
            // still streams in writes of at least HOLD bytes and is never held whole. The frames
            // before it go now: holding them would delay finished echoes.
            if (held == null) {
                held = ByteBuffer.allocateDirect(CeilingServer.HOLD);
            }
            out.limit(end).position(frameOut);
            held.put(out);
            out.limit(frameOut).position(0);
            write(out);
            return;
        }
        out.flip();
        write(out);
    }

    void onWritable() throws IOException {
        channel.write(pending);
        if (!pending.hasRemaining()) {
            if (closeAfterWrite) {
                close();
                return;
            }
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Collects the request head; once whole, puts the answer in {@code out}. Whether frames may follow. */
    private boolean readHead(ByteBuffer in, ByteBuffer out, CeilingHandshake handshakes) throws IOException {
        while (in.hasRemaining()) {
            if (!head.hasRemaining()) {
                close(); // a head this long is no handshake of ours
                return false;
            }
            head.put(in.get());
            int n = head.position();
            if (n >= 4 && head.get(n - 4) == '\r' && head.get(n - 3) == '\n' && head.get(n - 2) == '\r' && head.get(n - 1) == '\n') {
                ByteBuffer answer = handshakes.answer(new String(head.array(), 0, n - 4, StandardCharsets.US_ASCII));
                head = null;
                out.put(answer);
                if (CeilingHandshake.refused(answer)) {
                    closeAfterWrite = true;
                    out.flip();
                    write(out);
                    return false;
                }
                return true;
            }
        }
        return false;
    }

    /** Echoes every frame byte in {@code in} into {@code out}. */
    private void echo(ByteBuffer in, ByteBuffer out) {
        while (in.hasRemaining() && !closeAfterWrite) {
            if (!inPayload) {
                if (!readHeader(in, out)) {
                    return;
                }
                continue;
            }
            int chunk = (int) Math.min(payloadLeft, in.remaining());
            unmask(in, out, chunk);
            payloadLeft -= chunk;
            inPayload = payloadLeft > 0;
            closeAfterWrite = closing && !inPayload; // the close frame's status code is echoed, then the end
        }
    }

    /** Takes header bytes; when the header is whole, writes the unmasked one. Whether it is whole. */
    private boolean readHeader(ByteBuffer in, ByteBuffer out) {
        while (headerHave < headerNeed) {
            if (!in.hasRemaining()) {
                return false;
            }
            header[headerHave++] = in.get();
            if (headerHave == 2) {
                int len7 = header[1] & 0x7f;
                headerNeed = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + 4;
            }
        }
        int b0 = header[0] & 0xff;
        if ((header[1] & 0x80) == 0) {
            throw new IllegalStateException("an unmasked client frame"); // closes the connection
        }
        int len7 = header[1] & 0x7f;
        int at = 2;
        long length = len7;
        if (len7 == 126) {
            length = ((header[2] & 0xffL) << 8) | (header[3] & 0xffL);
            at = 4;
        } else if (len7 == 127) {
            length = 0;
            for (int i = 2; i < 10; i++) {
                length = (length << 8) | (header[i] & 0xffL);
            }
            at = 10;
        }
        mask = ((header[at] & 0xff) << 24) | ((header[at + 1] & 0xff) << 16) | ((header[at + 2] & 0xff) << 8)
                | (header[at + 3] & 0xff);
        int opcode = b0 & 0x0f;
        if (opcode == OP_PING) {
            b0 = (b0 & 0xf0) | OP_PONG;
        }
        frameOut = out.position();
        out.put((byte) b0);
        if (length < 126) {
            out.put((byte) length);
        } else if (length < 65536) {
            out.put((byte) 126).putShort((short) length);
        } else {
            out.put((byte) 127).putLong(length);
        }
        headerHave = 0;
        headerNeed = 2;
        payloadLeft = length;
        inPayload = length > 0;
        closing = opcode == OP_CLOSE;
        closeAfterWrite = closing && !inPayload;
        return true;
    }

    /** Unmasks {@code n} bytes of {@code in} into {@code out}: a long at a time, then the tail. */
    private void unmask(ByteBuffer in, ByteBuffer out, int n) {
        int from = in.position();
        int to = out.position();
        long wide = ((long) mask << 32) | (mask & 0xffffffffL);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            out.putLong(to + i, in.getLong(from + i) ^ wide);
        }
        for (; i < n; i++) {
            out.put(to + i, (byte) (in.get(from + i) ^ (mask >>> (24 - 8 * (i & 3)))));
        }
        in.position(from + n);
        out.position(to + n);
        mask = Integer.rotateLeft(mask, 8 * (n & 3)); // the next byte's key byte to the top
    }

    private void write(ByteBuffer out) throws IOException {
        if (out.hasRemaining()) {
            channel.write(out);
        }
        if (!out.hasRemaining()) {
            if (closeAfterWrite) {
                close();
            }
            return;
        }
        if (pending == null) {
            pending = ByteBuffer.allocateDirect(CeilingServer.OUTPUT_SIZE);
        }
        pending.clear();
        pending.put(out).flip();
        key.interestOps(SelectionKey.OP_WRITE);
    }
}
