package dev.freeway.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a TCP port that is free right now, for containers that must be told their port before they
 * bind. Tests on a shared machine must never rely on a fixed port such as 8080.
 */
public final class FreePort {

    private FreePort() {
    }

    /**
     * Returns a port on which nothing listens at the moment of the call.
     *
     * @param bindAddress the address the container will bind to
     * @return a free port number
     */
    public static int pick(String bindAddress) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(bindAddress))) {
            // reuse-address lets the container bind the port at once even if it lingers in TIME_WAIT
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + bindAddress, e);
        }
    }
}
