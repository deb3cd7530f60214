package dev.freeway.benchmarks.load;

import dev.freeway.benchmarks.load.client.EventLoop;
import dev.freeway.benchmarks.load.client.HashWorkload;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * One large binary message, sent as a single frame, into the SHA-256 endpoint of a server with
 * a 64 MiB heap: whether the right digest comes back, and how fast.
 */
final class HashRun {
    private static final int BLOCK = 1024 * 1024;
    private static final byte[] BLOCK_BYTES = block();
    /** SHA-256 of {@code BLOCK_BYTES} repeated, by number of blocks; computed once per run. */
    private static final Map<Long, String> DIGESTS = new java.util.concurrent.ConcurrentHashMap<>();

    private HashRun() {
    }

    static Result run(String name, ServerProcess server, Settings s, int round) throws Exception {
        long blocks = Math.max(1, s.hashBytes() / BLOCK);
        HashWorkload w = new HashWorkload(BLOCK_BYTES, blocks, DIGESTS.computeIfAbsent(blocks, HashRun::digest));
        try (EventLoop loop = Measured.client(server)) {
            loop.connect("/hash", false, w);
            long deadline = System.nanoTime() + (long) (s.hashTimeoutSeconds() * 1e9);
            while (w.elapsedNanos() == 0 && w.failure() == null && server.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Map<String, Double> m = new LinkedHashMap<>();
            if (w.elapsedNanos() == 0 || w.failure() != null) {
                String why = server.ranOutOfMemory() ? "the server ran out of memory (OutOfMemoryError)"
                        : w.failure() != null ? w.failure()
                        : !server.isAlive() ? server.death()
                        : "no digest within " + s.hashTimeoutSeconds() + " s";
                return Result.failed(name, server.kind(), round, why);
            }
            m.put("MBps", blocks * (double) BLOCK / (w.elapsedNanos() / 1e9) / 1e6);
            m.put("seconds", w.elapsedNanos() / 1e9);
            return new Result(name, server.kind(), round, m, null);
        }
    }

    private static byte[] block() {
        byte[] b = new byte[BLOCK];
        new Random(1).nextBytes(b);
        return b;
    }

    private static String digest(long blocks) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (long i = 0; i < blocks; i++) {
                sha.update(BLOCK_BYTES);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
