package dev.freeway.benchmarks.load.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;

/**
 * One client connection of the {@link EventLoop}: the handshake, an outbound queue written with
 * gathering writes, the frame scanner, and a ring of send times for latency.
 */
public final class LoadConnection implements FrameScanner.Listener {
    private static final int GATHER = 64;
    private static final int LOW_WATER = 4;

    private final SocketChannel channel;
    private final Workload workload;
    private final boolean offerDeflate;
    private SelectionKey key;
    private final ArrayDeque<ByteBuffer> outbound = new ArrayDeque<>();
    private final ByteBuffer[] gather = new ByteBuffer[GATHER];
    private StringBuilder head = new StringBuilder();
    private boolean deflateAgreed;
    private String closeReason;
    private final FrameScanner scanner = new FrameScanner();
    private long[] sentAt = new long[4];
    private int sentHead;
    private int sentCount;
    private boolean closed;
    private Runnable drained;
    private boolean refilling;

    LoadConnection(SocketChannel channel, Workload workload, boolean offerDeflate) {
        this.channel = channel;
        this.workload = workload;
        this.offerDeflate = offerDeflate;
    }

    void registered(SelectionKey key) {
        this.key = key;
    }

    /** The connect finished: send the handshake request. */
    void connected(String host, String path) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + (offerDeflate ? "Sec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover\r\n" : "")
                // Jetty 12.1.12 drops the first client bytes after a body-less upgrade without it.
                + "Content-Length: 0\r\n"
                + "\r\n";
        send(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Whether the server agreed to permessage-deflate. */
    public boolean deflateAgreed() {
        return deflateAgreed;
    }

    public boolean isOpen() {
        return head == null && !closed;
    }

    /** Queues {@code frame} (its remaining bytes; the buffer is not changed) and writes what it can. */
    public void send(ByteBuffer frame) {
        outbound.add(frame.duplicate());
        flush();
    }

    /** Queues {@code frame} and notes the time, for {@link #takeSendTime()} when its answer comes. */
    public void sendTimed(ByteBuffer frame, long now) {
        if (sentCount == sentAt.length) {
            long[] bigger = new long[sentAt.length * 2];
            for (int i = 0; i < sentCount; i++) {
                bigger[i] = sentAt[(sentHead + i) % sentAt.length];
            }
            sentAt = bigger;
            sentHead = 0;
        }
        sentAt[(sentHead + sentCount) % sentAt.length] = now;
        sentCount++;
        send(frame);
    }

    /** The send time of the oldest message not answered yet. */
    public long takeSendTime() {
        long t = sentAt[sentHead];
        sentHead = (sentHead + 1) % sentAt.length;
        sentCount--;
        return t;
    }

    void flush() {
        if (closed) {
            return;
        }
        try {
            while (!outbound.isEmpty()) {
                int n = 0;
                for (ByteBuffer b : outbound) {
                    gather[n++] = b;
                    if (n == GATHER) {
                        break;
                    }
                }
                channel.write(gather, 0, n);
                // The last buffer offered not written whole: the socket is full.
                boolean full = gather[n - 1].hasRemaining();
                Arrays.fill(gather, 0, n, null);
                while (!outbound.isEmpty() && !outbound.peek().hasRemaining()) {
                    outbound.poll();
                }
                topUp();
                if (full) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
            }
            key.interestOps(SelectionKey.OP_READ);
        } catch (IOException e) {
            fail("write failed: " + e);
        }
    }

    /** Asks {@code refill} for more whenever fewer than a few buffers wait to go out. */
    public void onDrained(Runnable refill) {
        this.drained = refill;
    }

    /** Buffers waiting to go out. */
    public int queued() {
        return outbound.size();
    }

    private void topUp() {
        if (drained != null && !refilling && outbound.size() < LOW_WATER) {
            refilling = true;
            try {
                drained.run();
            } finally {
                refilling = false;
            }
        }
    }

    /** Bytes arrived. */
    void received(ByteBuffer data) {
        if (head != null) {
            while (data.hasRemaining() && head != null) {
                head.append((char) (data.get() & 0xff));
                if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                    String response = head.toString();
                    head = null;
                    if (!response.startsWith("HTTP/1.1 101")) {
                        fail("handshake refused: " + response.lines().findFirst().orElse(""));
                        return;
                    }
                    deflateAgreed = response.toLowerCase(Locale.ROOT).contains("permessage-deflate");
                    workload.onOpen(this);
                }
            }
        }
        if (!closed) {
            scanner.scan(data, this);
        }
    }

    /** The server ended its stream. */
    void ended() {
        if (!closed) {
            fail("the server ended the connection" + (head != null ? " during the handshake" : ""));
        }
    }

    @Override
    public void onMessage(long payloadBytes, String text) {
        workload.onMessage(this, payloadBytes, text);
    }

    @Override
    public void onCloseFrame(String why) {
        closeReason = why;
        workload.onCloseFrame(this);
    }

    /** The status and reason of the server's close frame, once one came; else {@code null}. */
    public String closeReason() {
        return closeReason;
    }

    void fail(String reason) {
        if (!closed) {
            close();
            workload.onFailure(this, reason);
        }
    }

    /** Closes the socket (no close handshake). */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        outbound.clear();
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all that was asked
        }
    }
}
