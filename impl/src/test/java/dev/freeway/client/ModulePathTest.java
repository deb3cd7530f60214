package dev.freeway.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.modules.ModulePath;
import dev.freeway.modules.ModulePathProbe;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Freeway's module descriptor at work: a JVM with {@code dev.freeway.impl}, {@code dev.freeway.api}
 * and the Jakarta WebSocket API on the module path (the rest of this module's tests run on the
 * class path, as a web application runs Freeway) finds Freeway's client container as the
 * {@code ContainerProvider} the descriptor provides, sees the public packages exported and the
 * internal ones not, and echoes a message through Tomcat's WebSocket server.
 */
class ModulePathTest {

    @Test
    void theClientWorksFromTheModulePath() throws Exception {
        try (TomcatServer server = new TomcatServer()) {
            List<String> out = ModulePath.run(List.of(Path.of("target", "classes")),
                    Pattern.compile("/api/target/classes$|freeway-api-[^/]*\\.jar$|jakarta\\.websocket-(client-)?api-[^/]*\\.jar$"),
                    "dev.freeway.impl", ModulePathProbe.class, server.uri(ServerEndpoints.ECHO).toString());
            assertThat(out).containsExactly(
                    "container dev.freeway.client.FreewayClientContainer in module dev.freeway.impl",
                    "exported dev.freeway.client true",
                    "exported dev.freeway.engine true",
                    "exported dev.freeway.transport false",
                    "echo over the module path");
        }
    }
}
