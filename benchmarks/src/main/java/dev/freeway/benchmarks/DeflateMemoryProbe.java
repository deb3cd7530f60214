package dev.freeway.benchmarks;

import dev.freeway.engine.Connection;
import dev.freeway.engine.Data;
import dev.freeway.engine.DeflateSettings;
import dev.freeway.engine.EngineConfig;
import dev.freeway.engine.Event;
import dev.freeway.engine.ExtensionOffer;
import dev.freeway.engine.Role;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Memory per idle permessage-deflate connection, by window size: opens {@code connections} server
 * engine connections with the given agreement, passes one compressed text message through each in
 * both directions (so its compressor and decompressor exist, as on any connection that has
 * talked), keeps them all, and prints the heap (after full collections) and the native memory
 * they added, per connection. Native memory is the growth of the resident set, which unlike the
 * JVM's native memory tracking counts zlib's own allocations; run with
 * {@code -Xms1g -Xmx1g -XX:+AlwaysPreTouch} so the heap is resident from the start and does not
 * count twice. One window per JVM, so one run's native memory does not blur the next. zlib's
 * memory becomes resident only as it is touched: a 64 B message touches little of it, a 16 KiB
 * one of varied text most of it, as a connection that has talked for a while has.
 *
 * <p>{@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks.jar dev.freeway.benchmarks.DeflateMemoryProbe
 * BITS|none [connections] [messageBytes]}
 */
public final class DeflateMemoryProbe {

    private DeflateMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        String bits = args.length > 0 ? args[0] : "15";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        String message = varied(args.length > 2 ? Integer.parseInt(args[2]) : 64);
        List<ExtensionOffer> agreed = agreement(bits);
        DeflateSettings settings = DeflateSettings.defaults();
        EngineConfig config = EngineConfig.defaults();
        byte[] inbound = firstClientMessage(agreed, settings, config, message);

        long[] before = measure();
        List<Connection> kept = new ArrayList<>(n);
        long frameBytes = 0;
        for (int i = 0; i < n; i++) {
            Connection server = Connection.established(Role.SERVER, config, agreed, settings);
            server.receive(ByteBuffer.wrap(inbound.clone()));
            for (Event e = server.nextEvent(); e != null; e = server.nextEvent()) {
                // drained: the message was inflated
            }
            for (ByteBuffer b : server.send(Data.text(message, true))) {
                frameBytes += b.remaining();
            }
            kept.add(server);
        }
        long[] with = measure();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("window", bits);
        out.put("messageBytes", message.length());
        out.put("connections", n);
        out.put("frameBytes", frameBytes / n);
        out.put("heapPerConnKiB", String.format("%.1f", (with[0] - before[0]) / 1024.0 / n));
        out.put("nativePerConnKiB", String.format("%.1f", (with[1] - before[1]) / (double) n));
        System.out.println(out);
        if (kept.size() != n) {
            throw new AssertionError(); // keeps every connection reachable until measured
        }
    }

    /** Context takeover both ways (so both sides keep their state while idle), windows of {@code bits}. */
    private static List<ExtensionOffer> agreement(String bits) {
        if (bits.equals("none")) {
            return List.of();
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("server_max_window_bits", bits);
        params.put("client_max_window_bits", bits);
        return List.of(new ExtensionOffer("permessage-deflate", params));
    }

    /** A client's first compressed, masked text frame under {@code agreed}: valid on any fresh connection. */
    private static byte[] firstClientMessage(List<ExtensionOffer> agreed, DeflateSettings settings, EngineConfig config,
                                             String message) {
        Connection client = Connection.established(Role.CLIENT, config, agreed, settings);
        ByteBuffer[] frames = client.send(Data.text(message, true));
        int length = 0;
        for (ByteBuffer b : frames) {
            length += b.remaining();
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (ByteBuffer b : frames) {
            all.put(b);
        }
        return all.array();
    }

    /** {@code length} characters of JSON-like chat text: words and numbers drawn at random (seeded). */
    private static String varied(int length) {
        String[] words = {"user", "text", "hello", "idle", "connection", "window", "deflate", "message", "seq", "ada",
            "grace", "the", "of", "and", "frame", "server", "client", "\"", ":", ",", "{", "}"};
        java.util.Random random = new java.util.Random(42);
        StringBuilder sb = new StringBuilder(length + 16);
        while (sb.length() < length) {
            sb.append(random.nextInt(3) == 0 ? Integer.toString(random.nextInt(100_000)) : words[random.nextInt(words.length)]);
            sb.append(' ');
        }
        return sb.substring(0, length);
    }

    /** Heap used after full collections, in bytes, and the resident set, in KiB. */
    private static long[] measure() throws Exception {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long rss = -1;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[] {heap, rss};
    }
}
