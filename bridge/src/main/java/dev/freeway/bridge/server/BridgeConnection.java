package dev.freeway.bridge.server;

import dev.freeway.api.CloseCodes;
import dev.freeway.api.FreewaySession;
import dev.freeway.bridge.StreamSubprotocol;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket bridged to one TCP connection.
 *
 * <p>Back-pressure, WebSocket to TCP: bytes from the WebSocket are written to the socket at once;
 * what the socket does not take is kept (one message part at most) and the session is paused, so
 * Freeway stops reading the WebSocket and the browser's TCP window closes; the selector writes
 * the rest when the socket has room and resumes the session. TCP to WebSocket: the selector reads
 * at most {@code bufferSize} bytes, stops reading and sends them as one message; only when that
 * send completed does it read again, so a slow WebSocket peer leaves the bytes in the TCP
 * service's socket. Each direction holds at most one buffer.
 *
 * <p>Threads: TCP reads, connects and queued writes run on the bridge's selector thread; the
 * WebSocket's data arrives on the container's thread and is written there directly when nothing
 * is queued. {@code lock} orders the writers.
 */
final class BridgeConnection {
    private static final System.Logger LOG = System.getLogger(BridgeConnection.class.getName());

    private enum State { RESOLVING, CONNECTING, OPEN, CLOSED }

    private final TcpBridge bridge;
    private final Session session;
    private final FreewaySession flow;
    private final BridgeTarget target;
    private final StreamSubprotocol framing;
    private final long idleNanos;
    private final Object lock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();

    private volatile State state = State.RESOLVING;
    private volatile long lastActivity = System.nanoTime();
    private volatile long connectDeadline;
    /** A WebSocket send is out: the idle clock stops (the session's send timeout covers a stuck peer). */
    private volatile boolean sending;
    /** When the bytes waiting for the socket last moved; 0 while none wait. */
    private volatile long pendingSince;

    // selector thread only
    private SocketChannel channel;
    private SelectionKey key;
    private ByteBuffer readBuffer;

    // under lock
    private ByteBuffer pending;
    /** Written under lock; read without it where a stale false only costs one more look. */
    private volatile boolean webSocketEnded;

    BridgeConnection(TcpBridge bridge, Session session, FreewaySession flow, BridgeTarget target,
            StreamSubprotocol framing, long idleMillis) {
        this.bridge = bridge;
        this.session = session;
        this.flow = flow;
        this.target = target;
        this.framing = framing;
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
    }

    /** Resolves the target (off the selector: a name lookup blocks) and starts connecting. */
    void start() {
        connectDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(bridge.settings().connectTimeoutMillis());
        bridge.reactor().started(this);
        bridge.reactor().chore(() -> {
            if (state == State.CLOSED) {
                return;
            }
            InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
            if (address.isUnresolved()) {
                fail(CloseReasons.BAD_GATEWAY, "unknown host " + target.host());
                return;
            }
            bridge.reactor().execute(() -> connect(address));
        });
    }

    private void connect(InetSocketAddress address) {
        if (state == State.CLOSED) {
            return;
        }
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            int socketBuffer = bridge.settings().socketBufferSize();
            if (socketBuffer > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, socketBuffer);
                channel.setOption(StandardSocketOptions.SO_SNDBUF, socketBuffer);
            }
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            state = State.CONNECTING;
            key = channel.register(bridge.reactor().selector(), 0, this);
            if (channel.connect(address)) {
                connected();
            } else {
                key.interestOps(SelectionKey.OP_CONNECT);
            }
        } catch (IOException e) {
            fail(CloseReasons.BAD_GATEWAY, "connect to " + target + " failed: " + e.getMessage());
        }
    }

    /** Selector thread: the socket is ready for what we asked. */
    void onReady(SelectionKey ready) {
        try {
            if (ready.isValid() && ready.isConnectable()) {
                try {
                    channel.finishConnect();
                } catch (IOException e) {
                    fail(CloseReasons.BAD_GATEWAY, "connect to " + target + " failed: " + e.getMessage());
                    return;
                }
                connected();
            }
            if (ready.isValid() && ready.isWritable()) {
                flushPending();
            }
            if (ready.isValid() && ready.isReadable()) {
                readTcp();
            }
        } catch (IOException e) {
            fail(CloseReasons.BAD_GATEWAY, "the connection to " + target + " failed: " + e.getMessage());
        }
    }

    private void connected() throws IOException {
        LOG.log(System.Logger.Level.DEBUG, "session {0} bridged to {1}", session.getId(), target);
        readBuffer = ByteBuffer.allocate(bridge.settings().bufferSize());
        lastActivity = System.nanoTime();
        if (pendingSince != 0) {
            pendingSince = lastActivity; // the write clock starts with the connection
        }
        state = State.OPEN;
        key.interestOps(SelectionKey.OP_READ);
        flushPending();
    }

    // ---- WebSocket to TCP

    /** Container thread: bytes from the WebSocket (a message or a part of one). */
    void fromWebSocket(ByteBuffer data) {
        synchronized (lock) {
            if (state == State.CLOSED || webSocketEnded) {
                return;
            }
            try {
                if (state == State.OPEN && pending == null) {
                    while (data.hasRemaining() && channel.write(data) > 0) {
                        lastActivity = System.nanoTime();
                    }
                }
            } catch (IOException e) {
                failLater("writing to " + target + " failed: " + e.getMessage());
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
            // The socket is full (or not connected yet): keep this part and read no more.
            if (pending == null) {
                pendingSince = System.nanoTime();
            }
            pending = append(pending, data);
            bridge.buffered(data.remaining());
            flow.pause();
        }
        bridge.reactor().execute(this::wantWrite);
    }

    private static ByteBuffer append(ByteBuffer held, ByteBuffer more) {
        if (held == null) {
            ByteBuffer copy = ByteBuffer.allocate(more.remaining());
            copy.put(more.duplicate()).flip();
            return copy;
        }
        ByteBuffer joined = ByteBuffer.allocate(held.remaining() + more.remaining());
        joined.put(held).put(more.duplicate()).flip();
        return joined;
    }

    private void wantWrite() {
        if (state == State.OPEN && key.isValid()) {
            key.interestOpsOr(SelectionKey.OP_WRITE);
        }
    }

    /** Selector thread: writes what waits; once it is out, reading the WebSocket resumes. */
    private void flushPending() throws IOException {
        boolean resume = false;
        boolean end = false;
        synchronized (lock) {
            if (pending != null) {
                int before = pending.remaining();
                while (pending.hasRemaining() && channel.write(pending) > 0) {
                    lastActivity = System.nanoTime();
                }
                bridge.buffered(pending.remaining() - before);
                if (pending.remaining() < before) {
                    pendingSince = System.nanoTime();
                }
                if (pending.hasRemaining()) {
                    key.interestOpsOr(SelectionKey.OP_WRITE);
                    return;
                }
                pending = null;
                pendingSince = 0;
                resume = !webSocketEnded;
            }
            end = webSocketEnded;
            key.interestOpsAnd(~SelectionKey.OP_WRITE);
        }
        if (end) {
            closeTcp();
        } else if (resume) {
            flow.resume();
        }
    }

    // ---- TCP to WebSocket

    private void readTcp() throws IOException {
        if (webSocketEnded) {
            // Nobody to send to; the socket stays open only to take what waits for it.
            key.interestOpsAnd(~SelectionKey.OP_READ);
            return;
        }
        int n = channel.read(readBuffer);
        if (n < 0) {
            // websockify's convention: the target's end closes the WebSocket normally.
            fail(CloseCodes.NORMAL_CLOSURE, "Target closed");
            return;
        }
        if (n == 0) {
            return;
        }
        lastActivity = System.nanoTime();
        key.interestOpsAnd(~SelectionKey.OP_READ);
        readBuffer.flip();
        int size = readBuffer.remaining();
        bridge.buffered(size);
        sending = true;
        if (framing == StreamSubprotocol.BASE64) {
            String text = StandardCharsets.US_ASCII.decode(Base64.getEncoder().encode(readBuffer)).toString();
            session.getAsyncRemote().sendText(text, result -> sent(result, size));
        } else {
            session.getAsyncRemote().sendBinary(readBuffer, result -> sent(result, size));
        }
    }

    /** Container's executor: the bytes reached the WebSocket's outbound; read the next ones. */
    private void sent(SendResult result, int size) {
        bridge.buffered(-size);
        sending = false;
        if (!result.isOK()) {
            LOG.log(System.Logger.Level.DEBUG, "session " + session.getId() + ": a send failed", result.getException());
            bridge.reactor().execute(this::closeTcp);
            return;
        }
        bridge.reactor().execute(() -> {
            if (state == State.OPEN && key.isValid() && !webSocketEnded) {
                readBuffer.clear();
                key.interestOpsOr(SelectionKey.OP_READ);
            }
        });
    }

    // ---- ends

    /**
     * Container thread: the WebSocket is closed; the socket goes once what waits for it is
     * written (after the connect, if the bytes came while it was under way).
     */
    void webSocketEnded() {
        boolean now;
        synchronized (lock) {
            webSocketEnded = true;
            now = pending == null;
        }
        if (now) {
            bridge.reactor().execute(this::closeTcp);
        }
    }

    /** Selector thread: deadlines (the connect timeout counts the name lookup too). */
    void sweep(long now) {
        State s = state;
        if ((s == State.RESOLVING || s == State.CONNECTING) && now - connectDeadline > 0) {
            fail(CloseReasons.BAD_GATEWAY, "connect to " + target + " timed out after "
                    + bridge.settings().connectTimeoutMillis() + " ms");
        } else if (s == State.OPEN && writeStalled(now)) {
            fail(CloseReasons.BAD_GATEWAY, target + " took nothing for " + bridge.settings().writeTimeoutMillis() + " ms");
        } else if (s == State.OPEN && idleNanos > 0 && !sending && now - lastActivity > idleNanos) {
            fail(CloseCodes.GOING_AWAY, "idle timeout: no traffic for " + TimeUnit.NANOSECONDS.toMillis(idleNanos) + " ms");
        }
    }

    private boolean writeStalled(long now) {
        long since = pendingSince;
        long timeout = bridge.settings().writeTimeoutMillis();
        return since != 0 && timeout > 0 && now - since > TimeUnit.MILLISECONDS.toNanos(timeout);
    }

    private void failLater(String phrase) {
        bridge.reactor().execute(() -> fail(CloseReasons.BAD_GATEWAY, phrase));
    }

    /** Closes both sides, the WebSocket with {@code code} and {@code phrase}. */
    private void fail(int code, String phrase) {
        closeTcp();
        CloseReason reason = CloseReasons.of(code, phrase);
        bridge.reactor().chore(() -> {
            try {
                if (session.isOpen()) {
                    session.close(reason);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing session " + session.getId(), e);
            }
        });
    }

    /** Closes the socket (any thread but usually the selector's); the first call counts. */
    void closeTcp() {
        state = State.CLOSED;
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (lock) {
            if (pending != null) {
                bridge.buffered(-pending.remaining());
                pending = null;
            }
        }
        if (key != null) {
            key.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the socket to " + target, e);
            }
        }
        bridge.reactor().ended(this);
        bridge.released();
    }

    /** The bridge is shutting down. */
    void shutdown() {
        fail(CloseCodes.GOING_AWAY, "the bridge is shutting down");
    }
}
