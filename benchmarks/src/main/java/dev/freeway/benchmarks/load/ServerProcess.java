package dev.freeway.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One server under test, running in its own JVM; its output goes to a log file. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final ServerKind kind;
    private final Process process;
    private final Path log;
    private final int port;
    private final int statusPort;

    private ServerProcess(ServerKind kind, Process process, Path log, int[] ports) {
        this.kind = kind;
        this.process = process;
        this.log = log;
        this.port = ports[0];
        this.statusPort = ports.length > 1 ? ports[1] : ports[0];
    }

    /** Starts {@code kind} with {@code jvmFlags} and waits until it listens. */
    static ServerProcess start(ServerKind kind, List<String> jvmFlags, List<Path> classpath, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath.stream().filter(kind::wants).map(Path::toString).toList()));
        command.add("dev.freeway.benchmarks.load.server.ServerMain");
        command.add(kind.launcher());
        command.add("0");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new ServerProcess(kind, p, log, awaitReady(p, log));
    }

    /**
     * Copies the server's output to the log until it prints {@code READY <port>}, and on in the
     * background; {@code UNSERVABLE <why>} becomes an {@link IOException} saying why. Returns the
     * WebSocket port and, when the server prints one, the port of its {@code /status}.
     */
    private static int[] awaitReady(Process p, Path log) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        var writer = Files.newBufferedWriter(log);
        String line;
        while ((line = out.readLine()) != null) {
            writer.write(line);
            writer.newLine();
            if (line.startsWith("UNSERVABLE ")) {
                writer.close();
                p.destroyForcibly();
                throw new IOException(line.substring("UNSERVABLE ".length()));
            }
            if (line.startsWith("READY ")) {
                writer.flush();
                Thread copier = new Thread(() -> copyRest(out, writer), "server-log");
                copier.setDaemon(true);
                copier.start();
                String[] ports = line.substring(6).trim().split(" ");
                int[] parsed = new int[ports.length];
                for (int i = 0; i < ports.length; i++) {
                    parsed[i] = Integer.parseInt(ports[i]);
                }
                return parsed;
            }
        }
        writer.close();
        p.destroyForcibly();
        throw new IOException("the server exited before it listened; see " + log);
    }

    private static void copyRest(BufferedReader out, java.io.BufferedWriter writer) {
        try (writer) {
            String line;
            while ((line = out.readLine()) != null) {
                writer.write(line);
                writer.newLine();
                writer.flush();
            }
        } catch (IOException e) {
            // the server is gone
        }
    }

    ServerKind kind() {
        return kind;
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Why the server is no longer usable, from its log, or {@code null} while it is. */
    String death() {
        if (process.isAlive()) {
            return null;
        }
        try {
            boolean oom = Files.readString(log).contains("OutOfMemoryError");
            return "the server JVM exited (" + (oom ? "OutOfMemoryError" : "exit " + process.exitValue()) + ")";
        } catch (IOException e) {
            return "the server JVM exited";
        }
    }

    /** Whether the server logged an {@code OutOfMemoryError}. */
    boolean ranOutOfMemory() {
        try {
            return Files.readString(log).contains("OutOfMemoryError");
        } catch (IOException e) {
            return false;
        }
    }

    /** CPU seconds the server JVM has used, user and system. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3, utime 14 and stime 15 of the whole line
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The server's own status: heap in use after full collections, and live threads. */
    Status status() throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + statusPort + "/status").toURL().openConnection();
        c.setConnectTimeout(10_000);
        c.setReadTimeout(60_000);
        try (InputStream in = c.getInputStream()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            long heap = 0;
            int threads = 0;
            long freewaySessions = -1;
            for (String part : body.split(" ")) {
                String[] kv = part.split("=");
                if (kv[0].equals("heapUsed")) {
                    heap = Long.parseLong(kv[1]);
                } else if (kv[0].equals("threads")) {
                    threads = Integer.parseInt(kv[1]);
                } else if (kv[0].equals("freewaySessions")) {
                    freewaySessions = Long.parseLong(kv[1]);
                }
            }
            return new Status(heap, threads, freewaySessions);
        } finally {
            c.disconnect();
        }
    }

    /** Native memory committed, in KiB, from {@code jcmd VM.native_memory summary}; -1 if unavailable. */
    long nativeCommittedKiB() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "VM.native_memory", "summary").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            Matcher m = NMT_TOTAL.matcher(out);
            return m.find() ? Long.parseLong(m.group(2)) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Heap after full collections and threads, as the server reports them, and the open sessions
     * Freeway's meters count (-1 on the servers without Freeway).
     */
    record Status(long heapUsed, int threads, long freewaySessions) {
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
