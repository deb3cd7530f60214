package dev.freeway.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.modules.ModulePath;
import dev.freeway.modules.ServletModulesProbe;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Freeway's Servlet and CDI module descriptors at work: with {@code dev.freeway.cdi} and what it
 * requires on the module path (Freeway's modules, the Jakarta WebSocket, Servlet and CDI APIs),
 * {@code ServiceLoader} finds the two {@code ServletContainerInitializer}s and the CDI extension
 * the descriptors provide, in their modules, and the Servlet module exports its public package
 * only (the rest of the tests run on the class path, as a web application runs Freeway).
 */
class ModulesTest {

    private static final Pattern MODULES = Pattern.compile(String.join("|",
            "/(api|impl|servlet-upgrade)/target/classes$",
            "freeway-(api|impl|servlet-upgrade)-[0-9][^/]*(?<!-tests)\\.jar$",
            "jakarta\\.websocket-(client-)?api-[^/]*\\.jar$",
            "jakarta\\.servlet-api-[^/]*\\.jar$",
            "jakarta\\.(enterprise\\.cdi-api|enterprise\\.lang-model|inject-api|interceptor-api|annotation-api)-[^/]*\\.jar$"));

    @Test
    void theModulesProvideTheirServices() throws Exception {
        List<String> out = ModulePath.run(List.of(Path.of("target", "classes")), MODULES, "dev.freeway.cdi",
                ServletModulesProbe.class);
        assertThat(out).containsExactly(
                "extension dev.freeway.cdi.FreewayCdiExtension in module dev.freeway.cdi",
                "initializer dev.freeway.cdi.FreewayCdiInitializer in module dev.freeway.cdi",
                "initializer dev.freeway.servlet.FreewayInitializer in module dev.freeway.servlet",
                "exported dev.freeway.servlet true",
                "exported dev.freeway.servlet.tomcat false",
                "exported dev.freeway.servlet.jetty false");
    }
}
