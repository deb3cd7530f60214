package dev.freeway.bridge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's websockify as a separate process, bridging a loopback port to a TCP service. */
public final class Websockify implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private Websockify(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code websockify 127.0.0.1:PORT target} and waits until it listens. */
    public static Websockify start(String target) throws Exception {
        Peers.require(Peers.WEBSOCKIFY, "websockify");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path log = Files.createTempFile("websockify", ".log");
        Process p = new ProcessBuilder(List.of(Peers.WEBSOCKIFY.toString(), "127.0.0.1:" + port, target))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return new Websockify(p, port, log);
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("websockify did not start: " + Files.readString(log));
    }

    public URI ws() {
        return URI.create("ws://127.0.0.1:" + port + "/");
    }

    /** What websockify printed (for assertion messages). */
    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(log);
    }
}
