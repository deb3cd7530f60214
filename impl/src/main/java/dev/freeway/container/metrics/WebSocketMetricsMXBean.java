package dev.freeway.container.metrics;

import java.util.Map;

/**
 * A server container's meters as a JMX MXBean, registered in the platform MBean server as
 * {@code dev.freeway:type=WebSocket,context=<context path>} when Micrometer is not there to take
 * them. Maps by path or code are open-type tables of {@code key}/{@code value} rows, which every
 * JMX console shows.
 */
public interface WebSocketMetricsMXBean {
    /** Open sessions of every endpoint. */
    long getOpenSessions();

    /** Open sessions by endpoint path. */
    Map<String, Long> getOpenSessionsByPath();

    /** Opening handshakes answered with 101. */
    long getHandshakesAccepted();

    /** Opening handshakes refused (any status but 101). */
    long getHandshakesRefused();

    /** Opening handshakes by HTTP status. */
    Map<String, Long> getHandshakesByStatus();

    /** Data messages received, by endpoint path. */
    Map<String, Long> getMessagesReceived();

    /** Data messages sent, by endpoint path. */
    Map<String, Long> getMessagesSent();

    /** Wire bytes received, by endpoint path. */
    Map<String, Long> getBytesReceived();

    /** Wire bytes sent, by endpoint path. */
    Map<String, Long> getBytesSent();

    /** Closed sessions by the close code their endpoint was told. */
    Map<String, Long> getCloses();

    /** Sends that timed out (each drops its connection). */
    long getSendTimeouts();

    /** Bytes the open sessions hold for peers that have not read them yet. */
    long getQueuedOutboundBytes();

    /** Worker threads running a task. */
    int getWorkerThreadsActive();
}
