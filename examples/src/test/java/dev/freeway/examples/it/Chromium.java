package dev.freeway.examples.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium showing one page, with its DevTools endpoint open on a free port.
 */
final class Chromium implements AutoCloseable {
    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Pattern TARGET = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern DEBUGGER_URL = Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"([^\"]+)\"");

    private final Process process;
    private final Path profile;
    private final URI browser;

    private Chromium(Process process, Path profile, URI browser) {
        this.process = process;
        this.profile = profile;
        this.browser = browser;
    }

    static Chromium open(URI page) throws Exception {
        return open(page, List.of());
    }

    /** As {@link #open(URI)}, with more command-line switches ({@code --ignore-certificate-errors}). */
    static Chromium open(URI page, List<String> switches) throws Exception {
        Path profile = Files.createTempDirectory("freeway-chromium");
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--remote-debugging-port=0"));
        command.addAll(switches);
        command.add(page.toString());
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> readDevToolsUrl(p, listening), "chromium-stderr-" + p.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            return new Chromium(p, profile, listening.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            destroyTree(p);
            throw e;
        }
    }

    private static void readDevToolsUrl(Process p, CompletableFuture<URI> listening) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(URI.create(m.group(1)));
                }
            }
            listening.completeExceptionally(new IllegalStateException("chromium exited without a DevTools endpoint"));
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
    }

    /** The DevTools WebSocket of the (first) page, to evaluate script in it. */
    URI pageDebuggerUrl() throws Exception {
        URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
        String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(list).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher target = TARGET.matcher(json);
        while (target.find()) {
            String t = target.group();
            Matcher url = DEBUGGER_URL.matcher(t);
            if (t.matches("(?s).*\"type\"\\s*:\\s*\"page\".*") && url.find()) {
                return URI.create(url.group(1));
            }
        }
        throw new IllegalStateException("no page target in " + json);
    }

    @Override
    public void close() throws IOException {
        destroyTree(process);
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** Chromium runs helper processes (renderer, zygote): they go with it. */
    private static void destroyTree(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (p.waitFor(10, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        p.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
