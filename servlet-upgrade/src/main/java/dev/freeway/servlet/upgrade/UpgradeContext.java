package dev.freeway.servlet.upgrade;

import dev.freeway.container.FreewayServerContainer;
import dev.freeway.container.Transport;
import dev.freeway.container.server.PreparedSession;
import dev.freeway.container.session.WsSession;

import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Everything an upgraded connection needs to open its WebSocket session, whichever way the
 * container hands the connection over (see {@link ConnectionUpgrade}).
 */
public record UpgradeContext(FreewayServerContainer container, ReadArrayPool pool, PreparedSession prepared, boolean secure,
                      InetSocketAddress remote, InetSocketAddress local) {
    private static final System.Logger LOG = System.getLogger(UpgradeContext.class.getName());

    public Executor executor() {
        return container.executor();
    }

    /**
     * Opens the session over {@code transport} on the executor, never on the calling (container)
     * thread: Tomcat lets an upgraded connection write only once its set-up call has returned, so
     * a blocking send in {@code @OnOpen} would otherwise wait for itself.
     *
     * @param abort drops the connection if the session cannot be opened
     */
    public void openLater(Transport transport, Runnable abort) {
        openLater(transport, abort, session -> { });
    }

    /** As {@link #openLater(Transport, Runnable)}, and tells {@code opened} the session once it is open. */
    public void openLater(Transport transport, Runnable abort, Consumer<WsSession> opened) {
        executor().execute(() -> {
            try {
                WsSession session = container.open(prepared, transport, null);
                LOG.log(System.Logger.Level.TRACE, "session {0} opened", session.getId());
                opened.accept(session);
            } catch (Exception | LinkageError e) {
                failed(e, abort);
            }
        });
    }

    /** The connection could not become a session: releases the endpoint and drops the connection. */
    public void failed(Throwable e, Runnable abort) {
        prepared.discard(); // once only: open may have released it already
        LOG.log(System.Logger.Level.ERROR, "could not open the WebSocket session for "
                + prepared.accepted().endpointConfig().getEndpointClass().getName(), e);
        try {
            abort.run();
        } catch (RuntimeException closing) {
            e.addSuppressed(closing);
        }
    }
}
