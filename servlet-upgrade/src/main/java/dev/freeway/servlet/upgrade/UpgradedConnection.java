package dev.freeway.servlet.upgrade;

import dev.freeway.container.Transport;
import dev.freeway.container.WriteCallback;
import dev.freeway.transport.WriteQueue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;

/**
 * What the container-native transports (Tomcat, Jetty, Undertow) share: a connection taken over at
 * the upgrade, whose addresses and security come from its {@link UpgradeContext}, whose writes go
 * through the one {@link WriteQueue}, and whose session work runs on the container's executor.
 * Each transport keeps only how it reads, how its writes start and how it ends the connection.
 */
public interface UpgradedConnection extends Transport {

    /** Where the connection came from: its handshake's addresses, security and executor. */
    UpgradeContext context();

    /** The connection's outbound queue. */
    WriteQueue writes();

    @Override
    default void write(ByteBuffer[] buffers, WriteCallback done) {
        writes().write(buffers, done);
    }

    @Override
    default boolean isSecure() {
        return context().secure();
    }

    @Override
    default InetSocketAddress remoteAddress() {
        return context().remote();
    }

    @Override
    default InetSocketAddress localAddress() {
        return context().local();
    }

    /**
     * Runs session work on the executor. If it takes no more work (the application is stopping,
     * or the pool's queue is full), the connection cannot go on and is dropped.
     */
    default void later(Runnable work) {
        try {
            context().executor().execute(work);
        } catch (RejectedExecutionException e) {
            System.getLogger(UpgradedConnection.class.getName()).log(System.Logger.Level.DEBUG,
                    "the executor refused work; dropping the connection", e);
            abort();
        }
    }
}
