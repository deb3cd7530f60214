package dev.freeway.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Tomcat distribution: a fresh copy of the unpacked {@code apache-tomcat-*} as
 * {@code CATALINA_HOME} (the recipe copies the WAR into its {@code webapps/}), with Tomcat's own
 * WebSocket implementation in {@code lib/} as shipped, its HTTP connector
 * moved from 8080 to a free port on 127.0.0.1 and its shutdown port turned off (the tests stop
 * Tomcat with a signal, as Ctrl+C does to {@code catalina.sh run}).
 */
final class TomcatInstallation implements Installation {
    private final Path unpacked;

    TomcatInstallation(Path unpacked) {
        this.unpacked = unpacked;
    }

    @Override
    public Map<String, String> prepare(Path runDirectory, int port) throws IOException {
        RunDirectory.empty(runDirectory);
        Path home = runDirectory.resolve("catalina-home");
        RunDirectory.copy(unpacked, home);
        if (!Files.isRegularFile(home.resolve("lib/tomcat-websocket.jar"))) {
            // The WAR's context.xml (containerSciFilter) is what keeps Tomcat's own WebSocket out; a
            // distribution without it would prove nothing about that.
            throw new IllegalStateException(unpacked + " has no lib/tomcat-websocket.jar: not the distribution users get");
        }
        try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
            scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
        }
        Path serverXml = home.resolve("conf/server.xml");
        String xml = Files.readString(serverXml, StandardCharsets.UTF_8);
        // The active HTTP connector (server.xml also has a commented-out one on 8080) and the shutdown port.
        xml = replaceOnce(xml, "<Connector port=\"8080\"",
                "<Connector port=\"" + port + "\" address=\"127.0.0.1\"", serverXml);
        xml = replaceOnce(xml, "<Server port=\"8005\"", "<Server port=\"-1\"", serverXml);
        Files.writeString(serverXml, xml, StandardCharsets.UTF_8);
        return Map.of("CATALINA_HOME", home.toString());
    }

    private static String replaceOnce(String xml, String from, String to, Path file) {
        int at = xml.indexOf(from);
        if (at < 0 || xml.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException(file + " should have " + from + " exactly once, as Tomcat ships it");
        }
        return xml.replace(from, to);
    }

    @Override
    public String portArguments(int port) {
        return ""; // server.xml has it
    }

    @Override
    public String startCommandPrefix() {
        return "$CATALINA_HOME/bin/catalina.sh run";
    }
}
