package dev.freeway.distribution;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Jetty distribution: the unpacked {@code jetty-home} as {@code JETTY_HOME}, used read-only as
 * Jetty means it to be, and a {@code JETTY_BASE} that does not exist yet (the recipe makes it and
 * enables its modules). The port is given as Jetty's own {@code jetty.http.*} properties.
 */
final class JettyInstallation implements Installation {
    private final Path home;

    JettyInstallation(Path home) {
        this.home = home;
    }

    @Override
    public Map<String, String> prepare(Path runDirectory, int port) throws IOException {
        RunDirectory.empty(runDirectory);
        return Map.of("JETTY_HOME", home.toString(), "JETTY_BASE", runDirectory.resolve("jetty-base").toString());
    }

    @Override
    public String portArguments(int port) {
        return "jetty.http.host=127.0.0.1 jetty.http.port=" + port;
    }

    @Override
    public String startCommandPrefix() {
        return "java -jar $JETTY_HOME/start.jar";
    }
}
