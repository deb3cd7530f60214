package dev.freeway.bridge.server;

import dev.freeway.bridge.Peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs ws-stream-client.js on Node with Debian's {@code ws} library, and reads its one-line result. */
final class NodeWsClient {
    private static final Pattern RESULT = Pattern.compile(
            "\\{\"protocol\":\"([^\"]*)\",\"bytes\":(\\d+),\"sha256\":\"([0-9a-f]+)\",\"code\":(\\d+),\"reason\":\"([^\"]*)\"}");

    /** What the client moved and how the connection ended. */
    record Result(String protocol, long bytes, String sha256, int code, String reason) {
    }

    private NodeWsClient() {
    }

    static Result run(URI uri, String mode, long bytes, String framing) throws Exception {
        Peers.require(Peers.NODE, "nodejs");
        Peers.require(Peers.NODE_MODULES.resolve("ws"), "node-ws");
        Path script = Files.createTempFile("ws-stream-client", ".js");
        try (InputStream in = NodeWsClient.class.getResourceAsStream("ws-stream-client.js")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(Peers.NODE.toString(), script.toString(), uri.toString(), mode,
                Long.toString(bytes), framing)).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", Peers.NODE_MODULES.toString());
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                throw new IOException("node did not finish: " + out);
            }
            Matcher m = RESULT.matcher(out);
            if (!m.find()) {
                throw new IOException("node exited with " + p.exitValue() + ": " + out);
            }
            return new Result(m.group(1), Long.parseLong(m.group(2)), m.group(3), Integer.parseInt(m.group(4)), m.group(5));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(script);
        }
    }
}
