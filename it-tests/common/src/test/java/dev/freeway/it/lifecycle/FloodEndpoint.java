package dev.freeway.it.lifecycle;


import dev.freeway.it.probe.SessionProbe;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends binary messages as fast as it may once told to ({@code blocking} or {@code async}), to a
 * client that does not read, and reports to the {@link SessionProbe} how the sending ended. The
 * floods are bounded ({@link #MAX_MESSAGES}) so that a server that never pushes back cannot run
 * forever; they run on a thread of their own, as an application's producer would.
 */
public class FloodEndpoint extends Endpoint {

    static final int MESSAGE_SIZE = 64 * 1024;
    /** 128 MiB at most, far beyond any socket buffer: the flood must fail long before. */
    static final int MAX_MESSAGES = 2048;

    private SessionProbe probe;

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        probe = SessionProbe.of(config);
        probe.opened(session);
        session.addMessageHandler(String.class, new MessageHandler.Whole<String>() {
            @Override
            public void onMessage(String how) {
                Runnable flood = "blocking".equals(how) ? () -> floodBlocking(session) : () -> floodAsync(session);
                Thread producer = new Thread(flood, "flood-" + how + "-" + session.getId());
                producer.setDaemon(true);
                producer.start();
            }
        });
    }

    private void floodBlocking(Session session) {
        ByteBuffer message = ByteBuffer.wrap(new byte[MESSAGE_SIZE]);
        long start = System.nanoTime();
        for (int i = 0; i < MAX_MESSAGES; i++) {
            long sendStart = System.nanoTime();
            try {
                session.getBasicRemote().sendBinary(message.duplicate());
            } catch (IOException | RuntimeException e) {
                probe.event("blocking send failed after " + i + " messages; the failing send took "
                        + millisSince(sendStart) + " ms; " + e.getClass().getSimpleName() + ": " + e.getMessage());
                return;
            }
        }
        probe.event("blocking flood never failed in " + millisSince(start) + " ms");
    }

    private void floodAsync(Session session) {
        ByteBuffer message = ByteBuffer.wrap(new byte[MESSAGE_SIZE]);
        AtomicBoolean failed = new AtomicBoolean();
        AtomicBoolean refused = new AtomicBoolean();
        // the first failure of each kind: a refusal at once, a timeout later, perhaps others
        Set<String> kinds = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < MAX_MESSAGES && !failed.get() && session.isOpen(); i++) {
            int index = i;
            long sendStart = System.nanoTime();
            refused.set(false);
            session.getAsyncRemote().sendBinary(message.duplicate(), result -> {
                if (result.isOK()) {
                    return;
                }
                Throwable e = result.getException();
                if (e.getClass().getSimpleName().equals("OutboundFullException")) { // Freeway's refusal
                    refused.set(true);
                } else {
                    failed.set(true);
                }
                if (kinds.add(e.getClass().getSimpleName())) {
                    probe.event("async send " + index + " failed after " + millisSince(sendStart) + " ms; "
                            + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            });
            if (refused.get() || !kinds.isEmpty()) {
                // A producer that keeps trying: the sends in flight may still drain into socket
                // buffers, so only a send that waits past the timeout proves the peer is gone. The
                // refusal reaches the handler on the executor, maybe after the next sends: once any
                // failure was heard, every attempt waits a little, or the attempts run out in
                // milliseconds, before a send has had the time to time out.
                pause();
            }
        }
        if (kinds.isEmpty()) {
            probe.event("async flood never failed");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        probe.closed(session, reason);
    }

    @Override
    public void onError(Session session, Throwable failure) {
        probe.event("onError " + failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
}
