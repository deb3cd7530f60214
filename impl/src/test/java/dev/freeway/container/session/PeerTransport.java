package dev.freeway.container.session;

import dev.freeway.container.Transport;
import dev.freeway.container.TransportListener;
import dev.freeway.container.WriteCallback;
import dev.freeway.engine.Close;
import dev.freeway.engine.Connection;
import dev.freeway.engine.Data;
import dev.freeway.engine.EngineConfig;
import dev.freeway.engine.Event;
import dev.freeway.engine.ExtensionOffer;
import dev.freeway.engine.FrameBegin;
import dev.freeway.engine.Ping;
import dev.freeway.engine.Pong;
import dev.freeway.engine.RemoteProtocolError;
import dev.freeway.engine.Role;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-memory transport with a real engine at the far end: the test plays the peer through a
 * client {@link Connection}, sending events whose bytes the session reads, and reading back, as
 * events, the bytes the session wrote. Input is delivered on its own thread, one buffer per
 * demand, as a socket transport would.
 *
 * <p>The peer can stop reading ({@link #stopReading()}): writes then stay pending, like a full
 * TCP window, until {@link #startReading()}.
 */
public final class PeerTransport implements Transport {
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "peer-transport");
        t.setDaemon(true);
        return t;
    });
    private final Connection peer;
    private final Object lock = new Object();
    private final ArrayDeque<ByteBuffer> incoming = new ArrayDeque<>();
    private boolean demanded;
    private boolean inputEnded;
    private boolean endDelivered;
    private TransportListener listener;

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final List<Object[]> stalled = new ArrayList<>();
    private boolean peerReading = true;
    private java.io.IOException broken;
    volatile boolean closed;
    public volatile boolean aborted;
    volatile int demands;

    public PeerTransport(List<ExtensionOffer> extensions) {
        this(Connection.established(Role.CLIENT, PEER_CONFIG, extensions), extensions);
    }

    /** A transport whose far end is {@code peer}, an open client connection (after a real handshake). */
    public PeerTransport(Connection peer, List<ExtensionOffer> extensions) {
        this.extensions = extensions;
        this.peer = peer;
    }

    /** The peer answers nothing by itself, so tests see exactly what the session does. */
    public static final EngineConfig PEER_CONFIG = EngineConfig.builder().autoPong(false).autoCloseReply(false).build();

    public PeerTransport() {
        this(List.of());
    }

    // ---- the peer's side, for tests

    /** The peer sends {@code event}; its bytes reach the session in one buffer per frame. */
    public void send(Event event) {
        ByteBuffer[] bytes;
        synchronized (peer) {
            bytes = peer.send(event);
        }
        byte[] all = join(bytes);
        feed(all);
    }

    /** Raw bytes from the peer, in one buffer. */
    void feed(byte[] bytes) {
        synchronized (lock) {
            incoming.add(ByteBuffer.wrap(bytes));
        }
        pump();
    }

    /** A frame as a client writes it (masked), built by hand: for bytes the engine would refuse to send. */
    void feedFrame(boolean fin, int opcode, byte[] payload) {
        byte[] mask = {1, 2, 3, 4};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        out.write(0x80 | payload.length); // tests use short payloads only
        out.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i & 3]);
        }
        feed(out.toByteArray());
    }

    /** The peer's stream ends (it vanished or closed the TCP connection). */
    void endInput() {
        synchronized (lock) {
            inputEnded = true;
        }
        pump();
    }

    void stopReading() {
        synchronized (lock) {
            peerReading = false;
        }
    }

    void startReading() {
        synchronized (lock) {
            peerReading = true;
        }
        for (Object[] w : takeStalled()) {
            accept((ByteBuffer[]) w[0], (WriteCallback) w[1]);
        }
    }

    /** The writes waiting for the peer to read, taken out, in order. */
    private List<Object[]> takeStalled() {
        synchronized (lock) {
            List<Object[]> taken = new ArrayList<>(stalled);
            stalled.clear();
            return taken;
        }
    }

    private void failStalled(java.io.IOException cause) {
        for (Object[] w : takeStalled()) {
            ((WriteCallback) w[1]).completed(cause);
        }
    }

    /**
     * The connection breaks: the writes waiting for the peer and every later one fail with
     * {@code cause}, and the session is not told yet, as a container's transport tells it on
     * another thread, later ({@link #reportFailure}).
     */
    void breakConnection(java.io.IOException cause) {
        synchronized (lock) {
            broken = cause;
        }
        failStalled(cause);
    }

    /** The transport's report of the failure reaches the session. */
    void reportFailure(Throwable cause) {
        listener.onError(cause);
    }

    /** Everything the session wrote so far, as the peer's events (data merged per frame). */
    public List<String> peerSaw() {
        byte[] bytes;
        synchronized (written) {
            bytes = written.toByteArray();
        }
        Connection reader = Connection.established(Role.CLIENT, EngineConfig.defaults(), extensionsOf());
        List<String> out = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        reader.receive(ByteBuffer.wrap(bytes));
        try {
            for (Event e; (e = reader.nextEvent()) != null; ) {
                if (e instanceof Data) {
                    Data d = (Data) e;
                    data.append(hex(d.payload()));
                    if (d.messageFinished()) {
                        out.add((d.text() ? "text " : "binary ") + data);
                        data.setLength(0);
                    }
                } else if (e instanceof Close) {
                    Close c = (Close) e;
                    out.add("close " + c.code() + (c.reason().isEmpty() ? "" : " " + c.reason()));
                } else if (e instanceof Ping) {
                    out.add("ping " + hex(((Ping) e).payload()));
                } else if (e instanceof Pong) {
                    out.add("pong " + hex(((Pong) e).payload()));
                } else if (!(e instanceof FrameBegin)) {
                    out.add(e.toString());
                }
            }
        } catch (RemoteProtocolError err) {
            out.add("peer error " + err.closeCode() + " " + err.getMessage());
        }
        return out;
    }

    /** The frames the session wrote, one line per frame header. */
    List<String> peerFrames() {
        byte[] bytes;
        synchronized (written) {
            bytes = written.toByteArray();
        }
        Connection reader = Connection.established(Role.CLIENT, EngineConfig.defaults(), extensionsOf());
        reader.receive(ByteBuffer.wrap(bytes));
        List<String> out = new ArrayList<>();
        try {
            for (Event e; (e = reader.nextEvent()) != null; ) {
                if (e instanceof FrameBegin) {
                    FrameBegin f = (FrameBegin) e;
                    out.add(dev.freeway.api.Opcode.name(f.opcode()) + (f.fin() ? " fin" : ""));
                }
            }
        } catch (RemoteProtocolError err) {
            out.add("peer error " + err.getMessage());
        }
        return out;
    }

    public long writtenBytes() {
        synchronized (written) {
            return written.size();
        }
    }

    private final List<ExtensionOffer> extensions;

    private List<ExtensionOffer> extensionsOf() {
        return extensions;
    }

    public static String hex(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return HexFormat.of().formatHex(a);
    }

    public static String hex(String utf8) {
        return HexFormat.of().formatHex(utf8.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    // ---- Transport

    @Override
    public void start(TransportListener listener) {
        this.listener = listener;
    }

    @Override
    public void demand() {
        demands++;
        synchronized (lock) {
            demanded = true;
        }
        pump();
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback done) {
        synchronized (lock) {
            if (broken != null) {
                done.completed(broken);
                return;
            }
            if (closed || aborted) {
                done.completed(new java.io.IOException("transport closed"));
                return;
            }
            if (!peerReading) {
                stalled.add(new Object[] {copy(buffers), done});
                return;
            }
        }
        accept(buffers, done);
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void abort() {
        aborted = true;
        failStalled(new java.io.IOException("transport aborted"));
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return null;
    }

    @Override
    public InetSocketAddress localAddress() {
        return null;
    }

    public void shutdown() {
        reader.shutdownNow();
    }

    /** The test is over once the reader is shut down; a session still draining may demand once more. */
    private void executeUnlessShutDown(Runnable task) {
        try {
            reader.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            if (!reader.isShutdown()) {
                throw e;
            }
        }
    }

    private void accept(ByteBuffer[] buffers, WriteCallback done) {
        synchronized (written) {
            for (ByteBuffer b : buffers) {
                byte[] a = new byte[b.remaining()];
                b.duplicate().get(a);
                written.writeBytes(a);
            }
        }
        done.completed(null);
    }

    private void pump() {
        executeUnlessShutDown(() -> {
            ByteBuffer next = null;
            boolean end = false;
            synchronized (lock) {
                if (!demanded || listener == null) {
                    return;
                }
                if (!incoming.isEmpty()) {
                    next = incoming.poll();
                    demanded = false;
                } else if (inputEnded && !endDelivered) {
                    endDelivered = true;
                    demanded = false;
                    end = true;
                }
            }
            if (next != null) {
                listener.onData(next);
            } else if (end) {
                listener.onEnd();
            }
        });
    }

    private static ByteBuffer[] copy(ByteBuffer[] buffers) {
        ByteBuffer[] out = new ByteBuffer[buffers.length];
        for (int i = 0; i < buffers.length; i++) {
            out[i] = ByteBuffer.allocate(buffers[i].remaining()).put(buffers[i].duplicate()).flip();
        }
        return out;
    }

    private static byte[] join(ByteBuffer[] buffers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer b : buffers) {
            byte[] a = new byte[b.remaining()];
            b.duplicate().get(a);
            out.writeBytes(a);
        }
        return out.toByteArray();
    }
}
