package dev.freeway.examples.it;

import dev.freeway.examples.launcher.ContainerKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar freeway-demo.jar --container KIND --port 0} as a separate process, as a user
 * starts it; ready once it has printed its first line with the port it took.
 */
final class DemoProcess implements AutoCloseable {
    private static final Pattern FIRST_LINE = Pattern.compile("Freeway demo on (.+) at (https?://\\S+)");

    private final Process process;
    private final URI http;
    private final String banner;

    private DemoProcess(Process process, URI http, String banner) {
        this.process = process;
        this.http = http;
        this.banner = banner;
    }

    /** Starts the launcher with {@code jvmOptions} (such as {@code -Xmx64m}) and waits until it serves. */
    static DemoProcess start(ContainerKind kind, String... jvmOptions) throws Exception {
        return start(kind, List.of(), jvmOptions);
    }

    /** As {@link #start(ContainerKind, String...)}, with more launcher options ({@code --http2}). */
    static DemoProcess start(ContainerKind kind, List<String> launcherOptions, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Artifacts.java().toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", Artifacts.demoJar().toString(), "--container", kind.name().toLowerCase(Locale.ROOT),
                "--port", "0"));
        command.addAll(launcherOptions);
        Path log = Artifacts.logDirectory().resolve("demo-" + kind.name().toLowerCase(Locale.ROOT) + "-"
                + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        CompletableFuture<String> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> readBanner(p, started), "demo-stdout-" + p.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            String banner = started.get(60, TimeUnit.SECONDS);
            Matcher m = FIRST_LINE.matcher(banner);
            if (!m.find()) {
                throw new IllegalStateException("unexpected start-up message: " + banner);
            }
            return new DemoProcess(p, URI.create(m.group(2)), banner);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("the demo on " + kind + " did not start; its log: " + log, e);
        }
    }

    /** Collects the start-up message up to its last line, then keeps draining stdout. */
    private static void readBanner(Process p, CompletableFuture<String> started) {
        StringBuilder banner = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!started.isDone()) {
                    banner.append(line).append('\n');
                    if (line.startsWith("Stop with")) {
                        started.complete(banner.toString());
                    }
                }
            }
            started.completeExceptionally(new IllegalStateException("the launcher exited: " + banner));
        } catch (IOException e) {
            started.completeExceptionally(e);
        }
    }

    /** The page's URL, ending in {@code /}. */
    URI http() {
        return http;
    }

    /** The WebSocket URL of {@code path} (no leading slash) under the context root: wss: with --tls. */
    URI ws(String path) {
        return URI.create("ws" + http.toString().substring("http".length()) + path);
    }

    String banner() {
        return banner;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Sends SIGTERM, as a service manager or Ctrl-C does, and waits up to {@code limit} for the
     * process to exit.
     *
     * @return how long it took to exit, or empty if it was still running at the limit
     */
    java.util.Optional<java.time.Duration> terminate(java.time.Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(java.time.Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: the launcher's shutdown hook stops the container and cleans up
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
