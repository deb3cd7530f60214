package dev.freeway.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Python's {@code websockets} library as an independent permessage-deflate peer, run from the
 * scripts in {@code interop/} (test resources) with Debian's {@code /usr/bin/python3}, which sees
 * the {@code python3-websockets} package. Without it a test is skipped with the install command;
 * under CI ({@code CI=true}), which is to install it, that is a failure.
 */
public final class PythonWebsockets implements AutoCloseable {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String[] SCRIPTS = {"deflate_capture.py", "deflate_client.py", "deflate_server.py"};
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\": (\"([^\"]*)\"|(\\d+))");

    private final Path directory;

    private PythonWebsockets(Path directory) {
        this.directory = directory;
    }

    /** The peer, its scripts copied out of the class path; skips (or fails under CI) without it. */
    public static PythonWebsockets require() throws IOException, InterruptedException {
        String missing = null;
        if (!Files.isExecutable(PYTHON)) {
            missing = PYTHON + " is missing";
        } else {
            Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import websockets").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                missing = "Python's websockets is not installed";
            }
        }
        if (missing != null) {
            String message = missing + ": apt-get install -y python3-websockets";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " (CI installs it, so this is a failure)");
            }
            Assumptions.abort(message);
        }
        Path dir = Files.createTempDirectory("freeway-python-interop");
        for (String script : SCRIPTS) {
            try (InputStream in = PythonWebsockets.class.getResourceAsStream("/interop/" + script)) {
                Files.copy(in, dir.resolve(script));
            }
        }
        return new PythonWebsockets(dir);
    }

    /** One report line of a script: the fields it printed as JSON. */
    public record Report(String extensions, String offered, int messages, byte[] stream) {
        static Report parse(String line) {
            String extensions = "";
            String offered = "";
            int messages = -1;
            byte[] stream = null;
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                switch (m.group(1)) {
                    case "extensions" -> extensions = m.group(3);
                    case "offered" -> offered = m.group(3);
                    case "messages" -> messages = Integer.parseInt(m.group(4));
                    case "stream" -> stream = java.util.HexFormat.of().parseHex(m.group(3));
                    default -> { }
                }
            }
            if (stream == null) {
                throw new AssertionError("not a report: " + line);
            }
            return new Report(extensions, offered, messages, stream);
        }
    }

    /**
     * Runs {@code deflate_client.py} against {@code url} with the offer's arguments (JSON), and
     * returns its report; fails with the script's output when it fails.
     */
    public Report client(String url, String offerJson) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(PYTHON.toString(), "deflate_client.py", url, offerJson);
        Process p = python(b).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the Python client did not finish: " + out + err);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("the Python client failed (" + p.exitValue() + "): " + out + err);
        }
        return Report.parse(out.strip());
    }

    /** In the scripts' folder, writing no byte code there (so {@link #close()} can delete it). */
    private ProcessBuilder python(ProcessBuilder b) {
        b.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        return b.directory(directory.toFile());
    }

    /** Starts {@code deflate_server.py} with the factory's arguments (JSON); close it when done. */
    public Server server(String factoryJson) throws IOException {
        ProcessBuilder b = new ProcessBuilder(PYTHON.toString(), "deflate_server.py", factoryJson);
        Process p = python(b).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null || !first.startsWith("port ")) {
            p.destroyForcibly();
            throw new AssertionError("the Python server did not start: " + first);
        }
        return new Server(p, out, Integer.parseInt(first.substring(5).strip()));
    }

    /** A running Python echo server. */
    public static final class Server implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final int port;

        Server(Process process, BufferedReader out, int port) {
            this.process = process;
            this.out = out;
            this.port = port;
        }

        public int port() {
            return port;
        }

        /** The report of the next connection to close (blocks until it has). */
        public Report nextReport() throws IOException {
            String line = out.readLine();
            if (line == null) {
                throw new AssertionError("the Python server ended without a report");
            }
            return Report.parse(line);
        }

        @Override
        public void close() throws InterruptedException, IOException {
            process.getOutputStream().close(); // its stop signal
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Override
    public void close() throws IOException {
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(directory)) {
            list.forEach(files::add);
        }
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
        Files.deleteIfExists(directory);
    }
}
