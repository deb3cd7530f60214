package dev.freeway.container.session;

import dev.freeway.api.CloseCodes;
import dev.freeway.api.FrameHandler;
import dev.freeway.api.FreewaySession;
import dev.freeway.api.StreamingHandler;
import dev.freeway.api.StreamingSender;
import dev.freeway.container.ContainerDefaults;
import dev.freeway.container.ProtocolException;
import dev.freeway.container.Transport;
import dev.freeway.container.annotated.AnnotatedEndpoint;
import dev.freeway.container.codec.Codecs;
import dev.freeway.container.endpoint.FactoryEndpoint;
import dev.freeway.container.endpoint.SessionInterceptor;
import dev.freeway.container.endpoint.SessionInterceptors;
import dev.freeway.container.message.MessageHandlers;
import dev.freeway.container.metrics.EndpointCounters;
import dev.freeway.container.metrics.WebSocketMetrics;
import dev.freeway.container.runtime.ContainerResources;
import dev.freeway.container.runtime.SessionSettings;
import dev.freeway.container.runtime.SessionSweeper;
import dev.freeway.container.send.Outbound;
import dev.freeway.container.send.SessionClosedException;
import dev.freeway.engine.Close;
import dev.freeway.engine.Connection;
import dev.freeway.engine.EngineStreamingSender;
import dev.freeway.engine.Ping;
import dev.freeway.engine.Pong;
import dev.freeway.engine.RemoteProtocolError;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Jakarta WebSocket session over one engine connection and one transport, for either role.
 *
 * <p>The session owns the lifecycle: it calls {@code onOpen} before reading, and {@code onClose}
 * exactly once, whatever ends it (a close handshake either way, a protocol error, an idle
 * timeout, a vanished peer). Reading is in {@link Inbound}, sending in {@link Outbound}; this
 * class is the API surface and the glue.
 */
public final class WsSession implements Session, FreewaySession, SessionSweeper.Sweepable {
    private static final System.Logger LOG = System.getLogger(WsSession.class.getName());

    private final SessionContext context;
    private final Endpoint endpoint;
    private final boolean endpointHandlesErrors;
    private final Connection engine;
    private final boolean deflateAgreed;
    private final Transport transport;
    private final SessionSettings settings;
    private final Codecs codecs;
    private final MessageHandlers handlers;
    private final Inbound inbound;
    private final Outbound outbound;
    private final BasicRemote basic;
    private final AsyncRemote async;
    private final Map<String, Object> userProperties;
    private final List<Runnable> closeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final SessionInterceptor interceptor;
    private final Runnable releaseEndpoint;
    private final EndpointCounters counters;

    private volatile StreamingHandler streamingHandler;
    private volatile FrameHandler frameHandler;
    private volatile boolean explicitPings;
    private volatile long lastActivity = System.nanoTime();
    private final Heartbeat heartbeat;

    /** Set once we have sent a close frame (or decided to drop the connection). */
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile CloseReason localReason;
    private volatile long closeDeadline;
    /** Set once the connection is over and everything is released. */
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Set once the endpoint has been told of the close (which may come before {@link #closed}). */
    private final AtomicBoolean endpointClosed = new AtomicBoolean();
    /**
     * Set once {@code onClose} has returned: to other threads {@link #isOpen()} turns false only
     * then, as in Tomcat and Tyrus, so whoever sees a closed session finds its {@code onClose} done
     * (TCK session close5Test and close11Test poll {@code isOpen()}, then look for what
     * {@code onClose} did).
     */
    private volatile boolean endpointToldOfClose;
    /** The thread telling the endpoint of the close: to its {@code onError} and {@code onClose}, the session is closed. */
    private volatile Thread tellingOfClose;

    private WsSession(SessionContext context, Endpoint endpoint, boolean endpointHandlesErrors, Connection engine,
                      boolean deflateAgreed, Transport transport, SessionSettings settings, Codecs codecs,
                      SessionInterceptor interceptor, Runnable releaseEndpoint, EndpointCounters counters) {
        this.context = context;
        this.counters = counters;
        this.interceptor = interceptor;
        this.releaseEndpoint = releaseEndpoint;
        this.endpoint = endpoint;
        this.endpointHandlesErrors = endpointHandlesErrors;
        this.engine = engine;
        this.deflateAgreed = deflateAgreed;
        this.transport = transport;
        this.settings = settings;
        this.codecs = codecs;
        this.handlers = new MessageHandlers(codecs);
        ReentrantLock engineLock = new ReentrantLock();
        this.inbound = new Inbound(this, engine, engineLock, transport);
        this.outbound = new Outbound(engine, engineLock, transport, settings, counters, this::onTransportError);
        this.basic = new BasicRemote(this);
        this.async = new AsyncRemote(this);
        this.heartbeat = new Heartbeat(settings.pingIntervalMillis(), settings.pongTimeoutMillis(), System.nanoTime());
        // Per connection, the map the configurator's modifyHandshake saw (spec 3.1.5); a plain
        // config's map is shared by all its sessions, so it is copied. HashMap: values may be null.
        Map<String, Object> props = context.config().getUserProperties();
        this.userProperties = Collections.synchronizedMap(context.config() instanceof ConnectionEndpointConfig
                ? props : new java.util.HashMap<>(props));
        userProperties.put(FreewaySession.USER_PROPERTY, this);
    }

    /**
     * Opens a session: registers it, calls the endpoint's {@code onOpen}, then starts reading. The
     * session counts into counters of its own, which nobody reads: for sessions outside a server
     * container (the client's, tests').
     *
     * @param engine        an open engine connection of the right role
     * @param deflateAgreed whether permessage-deflate was agreed (RSV1 then marks compressed messages)
     * @throws DeploymentException when the endpoint's decoders or encoders cannot be created; the
     *                             caller then closes the connection (1011) and nothing was opened
     */
    public static WsSession open(SessionContext context, Endpoint endpoint, Connection engine, boolean deflateAgreed,
                                 Transport transport, ContainerDefaults defaults, ContainerResources resources)
            throws DeploymentException {
        EndpointCounters unread = new WebSocketMetrics(() -> 0, () -> 0).endpoint("");
        return open(context, endpoint, engine, deflateAgreed, transport, defaults, resources, SessionInterceptor.NONE, null,
                unread);
    }

    /**
     * As {@link #open(SessionContext, Endpoint, Connection, boolean, Transport, ContainerDefaults,
     * ContainerResources)}, with {@code interceptor} told of the session's life and wrapped around
     * its callbacks, {@code releaseEndpoint} (if not {@code null}) run after {@code onClose},
     * inside the interceptor, before it is told of the close, and the session's traffic, life and
     * close code counted into {@code counters}.
     */
    public static WsSession open(SessionContext context, Endpoint endpoint, Connection engine, boolean deflateAgreed,
                                 Transport transport, ContainerDefaults defaults, ContainerResources resources,
                                 SessionInterceptor interceptor, Runnable releaseEndpoint, EndpointCounters counters)
            throws DeploymentException {
        if (engine.config().autoPong()) {
            throw new IllegalArgumentException("the session answers pings itself: give it an engine with autoPong off");
        }
        Codecs codecs = endpoint instanceof AnnotatedEndpoint
                ? Codecs.create(context.config(), ((AnnotatedEndpoint) endpoint).model().codecTypes())
                : Codecs.create(context.config());
        WsSession s = new WsSession(context, endpoint, handlesErrors(endpoint), engine, deflateAgreed, transport,
                new SessionSettings(defaults, resources), codecs, interceptor, releaseEndpoint, counters);
        context.peers().add(s);
        counters.sessionOpened();
        resources.sweeper().add(s);
        transport.start(s.inbound);
        SessionInterceptors.opened(interceptor, s);
        try {
            s.callback(() -> endpoint.onOpen(s, context.config()));
        } catch (VirtualMachineError fatal) {
            throw fatal; // out of memory or stack: nothing here can recover
        } catch (Throwable t) {
            s.handlerFailed(t);
        }
        if (!s.closed.get()) {
            s.inbound.drain(); // nothing to take yet: asks the transport for the first buffer
        }
        return s;
    }

    private static boolean handlesErrors(Endpoint endpoint) {
        if (endpoint instanceof AnnotatedEndpoint) {
            return ((AnnotatedEndpoint) endpoint).handlesErrors();
        }
        if (endpoint instanceof FactoryEndpoint) {
            return ((FactoryEndpoint) endpoint).handlesErrors();
        }
        try {
            return endpoint.getClass().getMethod("onError", Session.class, Throwable.class).getDeclaringClass() != Endpoint.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    // ---- what the inbound and outbound sides ask of the session

    SessionSettings settings() {
        return settings;
    }

    Codecs codecs() {
        return codecs;
    }

    MessageHandlers handlers() {
        return handlers;
    }

    Inbound inbound() {
        return inbound;
    }

    Outbound outbound() {
        return outbound;
    }

    EndpointCounters counters() {
        return counters;
    }

    StreamingHandler streamingHandler() {
        return streamingHandler;
    }

    FrameHandler frameHandler() {
        return frameHandler;
    }

    boolean explicitPings() {
        return explicitPings;
    }

    boolean deflateAgreed() {
        return deflateAgreed;
    }

    boolean isClosing() {
        return closing.get();
    }

    /** Traffic from the peer (not the answers to heartbeats): the idle timeout starts again. */
    void touch() {
        lastActivity = System.nanoTime();
    }

    /** Bytes came from the peer: it is alive. */
    void heard() {
        heartbeat.heard(System.nanoTime());
    }

    /**
     * Makes one call into application code (an endpoint or handler method, with its decoding) for
     * this session, through the session's interceptor.
     */
    void callback(SessionInterceptor.Callback call) throws Exception {
        if (interceptor == SessionInterceptor.NONE) {
            call.run();
        } else {
            interceptor.around(this, call);
        }
    }

    /** Runs {@code listener} once the session has closed (after {@code onClose}). */
    public void onClosed(Runnable listener) {
        closeListeners.add(listener);
    }

    @Override
    public long bufferedAmount() {
        return outbound.buffered();
    }

    /** Answers a ping; a failure here only means the connection is going away. */
    void sendPongQuietly(ByteBuffer payload) {
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload.duplicate()).flip();
        outbound.sendAsync(new Pong(copy), error -> {
            if (error != null) {
                LOG.log(System.Logger.Level.DEBUG, "pong not sent", error);
            }
        });
    }

    /** The peer's close frame (or the end of its stream, as 1006). */
    void onRemoteClose(Close close) {
        inbound.stop();
        outbound.flushOwed(); // the engine's reply to the close frame
        transport.close();
        // When we started the close, our reason is what the endpoint is told, however the peer ended.
        CloseReason reason = localReason != null ? localReason : reasonOf(close.code(), close.reason());
        finish(reason, null);
    }

    /** The peer broke the protocol: the engine's close frame goes out, then the connection. */
    void onProtocolError(RemoteProtocolError error) {
        closing.set(true);
        outbound.flushOwed();
        transport.close();
        finish(reasonOf(error.closeCode(), error.getMessage()), new ProtocolException(error.closeCode(), error.getMessage(), error));
    }

    void onTransportError(Throwable error) {
        closing.set(true);
        transport.abort();
        finish(reasonOf(CloseCodes.CLOSED_ABNORMALLY, "the connection failed: " + error), error);
    }

    /**
     * Starts closing because of something we detected (a message too big, data we cannot take,
     * an idle timeout, an unhandled error): sends the close frame without waiting.
     */
    void closeForError(int code, String reason) {
        startClose(reasonOf(code, reason), false);
    }

    /** An endpoint or handler threw, or a decoder failed. */
    void handlerFailed(Throwable failure) {
        Throwable t = AnnotatedEndpoint.unwrap(failure);
        boolean peers = PeerFailures.isPeerCaused(t);
        if (endpointClosed.get()) {
            if (peers) {
                LOG.log(System.Logger.Level.DEBUG, "error after session {0} closed: {1}", getId(), PeerFailures.describe(t));
            } else {
                LOG.log(System.Logger.Level.WARNING, "error after the session closed", t);
            }
            return;
        }
        if (endpointHandlesErrors) {
            try {
                callback(() -> endpoint.onError(this, t));
            } catch (VirtualMachineError fatal) {
                throw fatal; // out of memory or stack: nothing here can recover
            } catch (Throwable again) {
                LOG.log(System.Logger.Level.ERROR, "onError of " + endpoint.getClass().getName() + " threw", again);
            }
            return;
        }
        if (peers && outbound.hasFailed()) {
            // The handler failed because the connection did (its send failed with it): no close
            // frame can go out, and the session ends as a dropped connection (1006), as it does
            // when the transport's own report of the failure, which may come on another thread
            // just after this, gets there first; a 1011 would blame the application.
            onTransportError(t);
            return;
        }
        if (peers) {
            // One line, no trace: a peer that stops reading or resets would otherwise fill the log
            // with Freeway's own send path, once for every such peer.
            LOG.log(System.Logger.Level.INFO, "session " + getId() + " of " + endpoint.getClass().getName()
                    + " failed because of its peer and has no error handler; closing it: " + PeerFailures.describe(t));
        } else {
            LOG.log(System.Logger.Level.ERROR, "session " + getId() + " of " + endpoint.getClass().getName()
                    + " failed and has no error handler; closing it", t);
        }
        int code = t instanceof DecodeException ? CloseCodes.UNSUPPORTED_DATA : CloseCodes.INTERNAL_ERROR;
        closeForError(code, t.getClass().getSimpleName() + ": " + t.getMessage());
    }

    @Override
    public void sweep(long nowNanos) {
        if (closed.get()) {
            return;
        }
        long deadline = closeDeadline;
        if (deadline != 0 && nowNanos - deadline > 0) {
            drop();
            return;
        }
        long idle = settings.maxIdleTimeoutMillis();
        if (idle > 0 && !closing.get() && nowNanos - lastActivity > TimeUnit.MILLISECONDS.toNanos(idle)
                && outbound.inFlight() == 0) {
            // On the executor: the close calls onClose, which must not hold up the one timer.
            settings.executor().execute(() -> closeIdle(idle));
            return;
        }
        if (closing.get()) {
            return;
        }
        if (!inbound.awaitingBytes()) {
            // Not reading (paused by the application, say, as a bridge to a slow service is): the
            // peer's pongs wait in the socket, so its silence proves nothing; a dead peer that we
            // send to is still found by the send timeout.
            heartbeat.heard(nowNanos);
        }
        switch (heartbeat.check(nowNanos)) {
            case PING -> offTimer(this::sendHeartbeat);
            case DEAD -> offTimer(this::closeDead);
            default -> { }
        }
    }

    @Override
    public void goAway(CloseReason reason) {
        startClose(reason, false);
    }

    @Override
    public void drop() {
        if (closed.get()) {
            return;
        }
        transport.abort();
        inbound.stop();
        CloseReason reason = localReason; // null only when the peer's close was being answered
        finish(reason != null ? reason : reasonOf(CloseCodes.CLOSED_ABNORMALLY, "the container went away"), null);
    }

    /** Session work from the sweep goes to the executor; if it is full, the next sweep looks again. */
    private void offTimer(Runnable work) {
        try {
            settings.executor().execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "the executor is full; heartbeat work for session {0} waits", getId());
        }
    }

    /** Never waits: queued behind a message in progress, or refused when the peer is far behind. */
    private void sendHeartbeat() {
        outbound.sendAsync(new Ping(Heartbeat.pingPayload()), error -> {
            if (error != null) {
                LOG.log(System.Logger.Level.DEBUG, "heartbeat ping not sent: {0}", error.toString());
            }
        });
    }

    /**
     * The peer did not answer a ping in time: it is gone (or cut off) without a close. As for the
     * idle timeout, our endpoint hears 1006, since the local container ended the session (spec
     * 2.1.5), and the peer, should it still read, is told 1001 (going away: RFC 6455 7.4.1's code
     * for an endpoint that leaves, where 1011 would claim an error of ours). The connection then
     * goes once that frame is written, or at the close timeout.
     */
    private void closeDead() {
        String why = "no answer to a ping within " + heartbeat.timeoutMillis() + " ms";
        startClose(reasonOf(CloseCodes.GOING_AWAY, why), reasonOf(CloseCodes.CLOSED_ABNORMALLY, why), false);
        transport.close();
    }

    /**
     * The peer is told 1001 (going away), while our endpoint hears 1006: the close was the local
     * container's decision, and spec 2.1.5 (WSC-2.1.5-1) wants 1006 for it, as Tomcat reports
     * (TCK spec.application.closing connectionHasBeenClosedWithStatus1006AfterTimeoutTest).
     */
    private void closeIdle(long idleMillis) {
        String why = "idle timeout: no traffic for " + idleMillis + " ms";
        startClose(reasonOf(CloseCodes.GOING_AWAY, why), reasonOf(CloseCodes.CLOSED_ABNORMALLY, why), false);
    }

    private void startClose(CloseReason reason, boolean blocking) {
        startClose(reason, reason, blocking);
    }

    /**
     * @param sent  what the close frame says
     * @param local what our endpoint's onClose hears
     */
    private void startClose(CloseReason sent, CloseReason local, boolean blocking) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        CloseReason reason = local;
        localReason = reason;
        closeDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.closeTimeoutMillis());
        Close frame = new Close(sent.getCloseCode().getCode(), sent.getReasonPhrase());
        try {
            if (blocking) {
                outbound.sendBlocking(frame, false);
            } else {
                outbound.sendAsync(frame, error -> {
                    if (error != null) {
                        transport.abort();
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "close frame not sent", e);
            transport.abort();
            inbound.stop();
            finish(reason, null);
            return;
        }
        // As in Tomcat and Tyrus, the endpoint hears of a close it started once the close frame
        // is out, not when the peer answers: a caller of close() finds onClose done when it
        // returns (TCK session close3Test). The connection stays up to read the peer's reply,
        // or until the close timeout; what else the peer sends meanwhile is dropped.
        endpointClosed(reason, null);
    }

    /** The session is over: everything released, {@code onError} (if a cause) and {@code onClose} called once. */
    private void finish(CloseReason reason, Throwable cause) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.set(true);
        settings.resources().sweeper().remove(this);
        outbound.fail(new SessionClosedException("the session is closed (" + reason.getCloseCode().getCode() + " "
                + reason.getReasonPhrase() + ")"));
        endpointClosed(reason, cause);
        codecs.close();
        engine.release();
    }

    /**
     * Tells the endpoint (and whoever listens) that the session is over, once: {@code onError}
     * if there is a cause, {@code onClose}, the endpoint's release. Either when the connection
     * ended, or earlier, when we sent the close frame of a close we started.
     */
    private void endpointClosed(CloseReason reason, Throwable cause) {
        if (!endpointClosed.compareAndSet(false, true)) {
            return;
        }
        tellingOfClose = Thread.currentThread();
        context.peers().remove(this);
        // Where the session leaves the open ones, with the code its endpoint is told next.
        counters.sessionClosed(reason.getCloseCode().getCode());
        if (cause != null && endpointHandlesErrors) {
            try {
                callback(() -> endpoint.onError(this, cause));
            } catch (VirtualMachineError fatal) {
                throw fatal; // out of memory or stack: nothing here can recover
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.ERROR, "onError of " + endpoint.getClass().getName() + " threw", t);
            }
        }
        try {
            callback(() -> endpoint.onClose(this, reason));
        } catch (Exception e) {
            // an application exception goes to the endpoint's onError, as from any other callback
            // (TCK spec.servercontainer.addendpoint and ee.jakarta.websocket.session close12Test)
            if (!endpointHandlesErrors || !onCloseFailed(e)) {
                LOG.log(System.Logger.Level.ERROR, "onClose of " + endpoint.getClass().getName() + " threw", e);
            }
        } finally {
            endpointToldOfClose = true;
            tellingOfClose = null;
        }
        if (releaseEndpoint != null) {
            try {
                callback(releaseEndpoint::run);
            } catch (VirtualMachineError fatal) {
                throw fatal; // out of memory or stack: nothing here can recover
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.ERROR, "releasing the endpoint instance of session " + getId() + " failed", t);
            }
        }
        SessionInterceptors.closed(interceptor, this, reason);
        for (Runnable r : closeListeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a close listener failed", e);
            }
        }
    }

    /** Hands onClose's exception to onError; false when onError threw in turn. */
    private boolean onCloseFailed(Exception failure) {
        Throwable cause = AnnotatedEndpoint.unwrap(failure);
        try {
            callback(() -> endpoint.onError(this, cause));
            return true;
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "onError of " + endpoint.getClass().getName() + " threw", e);
            return false;
        }
    }

    static CloseReason reasonOf(int code, String phrase) {
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), Close.fitReason(phrase));
    }

    // ---- jakarta.websocket.Session

    @Override
    public WebSocketContainer getContainer() {
        return context.container();
    }

    @Override
    public void addMessageHandler(MessageHandler handler) {
        handlers.add(handler);
    }

    @Override
    public <T> void addMessageHandler(Class<T> type, MessageHandler.Whole<T> handler) {
        handlers.add(type, handler, false);
    }

    @Override
    public <T> void addMessageHandler(Class<T> type, MessageHandler.Partial<T> handler) {
        handlers.add(type, handler, true);
    }

    @Override
    public Set<MessageHandler> getMessageHandlers() {
        return Collections.unmodifiableSet(handlers.all());
    }

    @Override
    public void removeMessageHandler(MessageHandler handler) {
        handlers.remove(handler);
    }

    @Override
    public String getProtocolVersion() {
        return "13";
    }

    @Override
    public String getNegotiatedSubprotocol() {
        return context.subprotocol();
    }

    @Override
    public List<Extension> getNegotiatedExtensions() {
        return context.extensions();
    }

    @Override
    public boolean isSecure() {
        return context.secure();
    }

    @Override
    public boolean isOpen() {
        return !endpointToldOfClose && tellingOfClose != Thread.currentThread();
    }

    @Override
    public long getMaxIdleTimeout() {
        return settings.maxIdleTimeoutMillis();
    }

    @Override
    public void setMaxIdleTimeout(long milliseconds) {
        settings.maxIdleTimeoutMillis(milliseconds);
    }

    @Override
    public void setMaxBinaryMessageBufferSize(int length) {
        settings.maxBinaryMessageBufferSize(length);
    }

    @Override
    public int getMaxBinaryMessageBufferSize() {
        return settings.maxBinaryMessageBufferSize();
    }

    @Override
    public void setMaxTextMessageBufferSize(int length) {
        settings.maxTextMessageBufferSize(length);
    }

    @Override
    public int getMaxTextMessageBufferSize() {
        return settings.maxTextMessageBufferSize();
    }

    @Override
    public RemoteEndpoint.Async getAsyncRemote() {
        return async;
    }

    @Override
    public RemoteEndpoint.Basic getBasicRemote() {
        return basic;
    }

    @Override
    public String getId() {
        return context.id();
    }

    @Override
    public void close() throws IOException {
        close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
    }

    /**
     * Sends the close frame (waiting for it to be written) and calls {@code onClose}; the peer's
     * reply (or the close timeout) then ends the connection.
     */
    @Override
    public void close(CloseReason reason) throws IOException {
        startClose(reason, true);
    }

    @Override
    public URI getRequestURI() {
        return context.requestUri();
    }

    @Override
    public Map<String, List<String>> getRequestParameterMap() {
        return context.requestParameters();
    }

    @Override
    public String getQueryString() {
        return context.queryString();
    }

    @Override
    public Map<String, String> getPathParameters() {
        return context.pathParameters();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return userProperties;
    }

    @Override
    public Principal getUserPrincipal() {
        return context.userPrincipal();
    }

    @Override
    public Set<Session> getOpenSessions() {
        return Collections.unmodifiableSet(new java.util.HashSet<>(context.peers()));
    }

    // ---- dev.freeway.api.FreewaySession

    @Override
    public void setStreamingHandler(StreamingHandler handler) {
        this.streamingHandler = handler;
    }

    @Override
    public void setFrameHandler(FrameHandler handler) {
        this.frameHandler = handler;
    }

    @Override
    public StreamingSender sender() {
        return new EngineStreamingSender((event, continues) -> outbound.sendBlocking(event, continues));
    }

    @Override
    public void setExplicitPings(boolean explicit) {
        this.explicitPings = explicit;
    }

    @Override
    public void pause() {
        inbound.suspend(Inbound.USER);
    }

    @Override
    public void resume() {
        inbound.resume(Inbound.USER);
    }

    @Override
    public boolean isPaused() {
        return inbound.isHeld(Inbound.USER);
    }

    @Override
    public String toString() {
        return "WsSession[" + context.id() + " " + context.requestUri() + "]";
    }
}
