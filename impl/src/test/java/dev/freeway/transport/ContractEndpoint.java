package dev.freeway.transport;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The endpoint at the end of a transport under contract test: it hands each opened session to the
 * test and counts, per session, how often it heard of a close and of an error (each at most once).
 * One instance serves every connection, through its own configurator, so it needs nothing static
 * and works across the class loaders of a web application.
 */
public final class ContractEndpoint extends Endpoint {
    /** The path it is deployed at, on servers. */
    public static final String PATH = "/contract";

    private final BlockingQueue<Session> opened = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<String, AtomicInteger> closes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        opened.add(session);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        closes.computeIfAbsent(session.getId(), k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void onError(Session session, Throwable error) {
        errors.computeIfAbsent(session.getId(), k -> new AtomicInteger()).incrementAndGet();
    }

    /** The next session opened, waiting up to 10 s. */
    public Session nextSession() throws InterruptedException {
        Session s = opened.poll(10, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no session opened within 10 s");
        }
        return s;
    }

    public int closes(Session s) {
        AtomicInteger n = closes.get(s.getId());
        return n == null ? 0 : n.get();
    }

    public int errors(Session s) {
        AtomicInteger n = errors.get(s.getId());
        return n == null ? 0 : n.get();
    }

    /** A server configuration at {@link #PATH} whose every connection is served by this instance. */
    public ServerEndpointConfig serverConfig() {
        ContractEndpoint self = this;
        return ServerEndpointConfig.Builder.create(ContractEndpoint.class, PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(self);
                    }
                }).build();
    }
}
