package dev.freeway.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A server's console output (stdout and stderr), as the file the tests redirected it to. */
final class ServerLog {
    private final Path file;

    ServerLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Everything so far. */
    String text() {
        try {
            // The server is still writing: decode leniently, a line may be cut in the middle of a character.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code lines} lines with the file's name, for failure messages. */
    String tail(int lines) {
        List<String> all = text().lines().toList();
        return "last " + Math.min(lines, all.size()) + " lines of " + file + ":\n"
                + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /**
     * Freeway's warnings and errors: java.util.logging lines from a {@code dev.freeway} logger at
     * WARNING or SEVERE, in Tomcat's one-line format or the JDK's two-line one that Jetty prints.
     */
    List<String> freewayProblems() {
        List<String> lines = text().lines().toList();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.contains(" dev.freeway.")) {
                continue;
            }
            if (line.contains(" WARNING ") || line.contains(" SEVERE ")) {
                problems.add(line);
            } else if (i + 1 < lines.size() && isLevelLine(lines.get(i + 1))) {
                problems.add(line + " " + lines.get(i + 1));
            }
        }
        return problems;
    }

    /** The second line of the JDK's two-line format, at WARNING or SEVERE. */
    private static boolean isLevelLine(String line) {
        return line.startsWith("WARNING:") || line.startsWith("SEVERE:");
    }
}
