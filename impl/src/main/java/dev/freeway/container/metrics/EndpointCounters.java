package dev.freeway.container.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counts of one endpoint path (its template, such as {@code /rooms/{room}}), made once when the
 * endpoint is deployed and handed to each of its sessions, which count into it from whatever
 * thread they run on. Bytes are wire bytes, frame headers and control frames included; messages
 * are data messages, counted when their last frame has been received or handed to the engine.
 * What is container-wide (close codes, send timeouts) goes on to the container's
 * {@link WebSocketMetrics}.
 */
public final class EndpointCounters {
    private final String path;
    private final WebSocketMetrics container;
    private final AtomicLong openSessions = new AtomicLong();
    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();

    EndpointCounters(String path, WebSocketMetrics container) {
        this.path = path;
        this.container = container;
    }

    /** The endpoint's path template. */
    public String path() {
        return path;
    }

    /** A session of this endpoint opened. */
    public void sessionOpened() {
        openSessions.incrementAndGet();
    }

    /** A session of this endpoint closed; {@code code} is the close code its endpoint was told. */
    public void sessionClosed(int code) {
        openSessions.decrementAndGet();
        container.closed(code);
    }

    /** A whole data message arrived. */
    public void messageReceived() {
        messagesReceived.increment();
    }

    /** A whole data message went to the engine to be sent. */
    public void messageSent() {
        messagesSent.increment();
    }

    /** {@code bytes} came off the wire. */
    public void bytesReceived(long bytes) {
        bytesReceived.add(bytes);
    }

    /** {@code bytes} were written to the wire. */
    public void bytesSent(long bytes) {
        bytesSent.add(bytes);
    }

    /** A send of one of this endpoint's sessions timed out (the session then drops its connection). */
    public void sendTimedOut() {
        container.sendTimedOut();
    }

    public long openSessions() {
        return openSessions.get();
    }

    public long messagesReceived() {
        return messagesReceived.sum();
    }

    public long messagesSent() {
        return messagesSent.sum();
    }

    public long bytesReceived() {
        return bytesReceived.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }
}
