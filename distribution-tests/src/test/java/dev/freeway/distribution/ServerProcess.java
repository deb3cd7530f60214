package dev.freeway.distribution;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A stand-alone server started by a README recipe run as a bash script, as a separate process with
 * its console output in a log file. Ready once its page answers 200; stopped with SIGTERM (Ctrl+C
 * for {@code catalina.sh run} and {@code start.jar}), then killed if it lingers, child processes
 * included.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** How long a server that already answers may take to answer 200. */
    private static final Duration AFTER_FIRST_ANSWER = Duration.ofSeconds(5);

    private final Process process;
    private final ServerLog log;

    /** Stops the server if the test JVM goes first (Ctrl+C on the build, a fork timeout). */
    private final Thread onExit;

    private ServerProcess(Process process, ServerLog log) {
        this.process = process;
        this.log = log;
        this.onExit = new Thread(this::stop, "stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** A port on 127.0.0.1 that nothing listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Runs {@code script} with bash in {@code directory}, with {@code environment} added to a
     * cleaned copy of this JVM's, and waits until {@code page} answers 200.
     *
     * @throws IllegalStateException with the log's tail if the server exits or is not ready in time
     */
    static ServerProcess start(String script, Map<String, String> environment, Path directory, Path logFile, URI page)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", script)).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(logFile.toFile());
        Map<String, String> env = builder.environment();
        // Settings a developer's shell may carry would change what the recipe does.
        env.keySet().removeIf(k -> k.startsWith("CATALINA_") || k.startsWith("JETTY_") || k.equals("JAVA_OPTS")
                || k.equals("JAVA_OPTIONS") || k.equals("JRE_HOME"));
        // The JDK running the tests runs the servers too, for `java` in the recipes and for catalina.sh.
        String javaHome = System.getProperty("java.home");
        env.put("JAVA_HOME", javaHome);
        env.put("PATH", Path.of(javaHome, "bin") + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        env.putAll(environment);
        ServerProcess server = new ServerProcess(builder.start(), new ServerLog(logFile));
        try {
            server.awaitPage(page);
            return server;
        } catch (Exception | AssertionError e) {
            server.close();
            throw new IllegalStateException("the server did not serve " + page + ": " + e.getMessage() + "\n"
                    + server.log.tail(80), e);
        }
    }

    private void awaitPage(URI page) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("it exited with status " + process.exitValue());
            }
            try {
                int status = http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
                if (lastStatus == -1) {
                    // Both containers open their port only once the WARs are deployed, so the first
                    // answer is nearly final: a 503 or 404 here means the application did not start.
                    long soon = System.nanoTime() + AFTER_FIRST_ANSWER.toNanos();
                    deadline = soon - deadline < 0 ? soon : deadline;
                }
                lastStatus = status;
            } catch (ConnectException | HttpTimeoutException stillStarting) {
                // Jetty binds its port early and answers once it has started: until then requests wait.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(lastStatus == -1 ? "not listening within " + START_TIMEOUT.toSeconds() + " s"
                : "it answers " + lastStatus + ", not 200: the application did not start");
    }

    ServerLog log() {
        return log;
    }

    /**
     * Sends SIGTERM, as Ctrl+C or a service manager does, and waits up to {@code limit} for the
     * server to exit.
     *
     * @return how long it took, or empty if it was still running at the limit
     */
    Optional<Duration> terminate(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the server too
        }
    }

    private void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
