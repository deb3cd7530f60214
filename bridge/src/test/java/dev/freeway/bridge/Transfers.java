package dev.freeway.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * The two ends of a measured transfer: a TCP sink that hashes what it receives up to the peer's
 * end, a TCP source that sends a known count of seeded bytes and closes, and the same two on a
 * stream. The transfer size comes from {@code -Dbridge.transfer.mib} (32 by default, so the
 * build stays quick; 256 was run by hand, see the README).
 */
public final class Transfers {
    private static final int CHUNK = 64 * 1024;

    private Transfers() {
    }

    /** The bytes each direction of a transfer test moves. */
    public static long size() {
        return Long.getLong("bridge.transfer.mib", 32) * 1024 * 1024;
    }

    /** What a sink got: the byte count and their SHA-256. */
    public record Received(long bytes, String sha256) {
    }

    /** A TCP behaviour that reads to the end and completes {@code result}. */
    public static TcpService.Behaviour sink(CompletableFuture<Received> result) {
        return s -> {
            try (s) {
                result.complete(drain(s.getInputStream()));
            }
        };
    }

    /**
     * As {@link #sink}, but it closes after {@code bytes}, before the peer's end: websockify 0.10
     * drops what it still holds for the target once its client's close arrives, so a client
     * must wait for the target to have it all (this close) before closing.
     */
    public static TcpService.Behaviour sinkClosingAfter(long bytes, CompletableFuture<Received> result) {
        return s -> {
            try (s) {
                result.complete(drain(s.getInputStream(), bytes));
            }
        };
    }

    /** A TCP behaviour that sends {@code bytes} seeded with {@code seed}, then closes. */
    public static TcpService.Behaviour source(long bytes, long seed) {
        return s -> {
            try (Socket socket = s) {
                send(socket.getOutputStream(), bytes, seed);
                socket.shutdownOutput();
            }
        };
    }

    /**
     * As {@link #source}, but the socket stays open until the peer's end: websockify 0.10 drops
     * what it still holds for its client when the target closes first (its proxy loop reads the
     * target without bound and raises its close on the target's end with that queue unsent).
     */
    public static TcpService.Behaviour sourceWaitingForPeer(long bytes, long seed) {
        return s -> {
            try (Socket socket = s) {
                send(socket.getOutputStream(), bytes, seed);
                socket.getInputStream().transferTo(OutputStream.nullOutputStream());
            }
        };
    }

    /** Reads {@code in} to its end. */
    public static Received drain(InputStream in) throws IOException {
        return drain(in, Long.MAX_VALUE);
    }

    /** Reads {@code in} to its end or {@code limit} bytes, whichever comes first. */
    public static Received drain(InputStream in, long limit) throws IOException {
        MessageDigest sha = Digests.sha256();
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        for (int n; total < limit && (n = in.read(buffer, 0, (int) Math.min(CHUNK, limit - total))) >= 0; ) {
            sha.update(buffer, 0, n);
            total += n;
        }
        return new Received(total, Digests.hex(sha));
    }

    /** Writes {@code bytes} seeded bytes and returns their SHA-256. */
    public static String send(OutputStream out, long bytes, long seed) throws IOException {
        MessageDigest sha = Digests.sha256();
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[CHUNK];
        for (long left = bytes; left > 0; ) {
            int n = (int) Math.min(CHUNK, left);
            Digests.fill(random, chunk);
            out.write(chunk, 0, n);
            sha.update(chunk, 0, n);
            left -= n;
        }
        out.flush();
        return Digests.hex(sha);
    }

    /** The SHA-256 of what {@link #send} writes for {@code bytes} and {@code seed}. */
    public static String expected(long bytes, long seed) throws IOException {
        return send(OutputStream.nullOutputStream(), bytes, seed);
    }
}
