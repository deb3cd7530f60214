package dev.freeway.servlet;

import dev.freeway.api.Freeway;
import dev.freeway.container.FreewayServerContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Freeway's classes copied into a web application's {@code WEB-INF/classes}, as a WAR carries them. */
public final class WebAppClasses {
    private WebAppClasses() {
    }

    /** Copies Freeway's modules, and the given classes of these tests, into {@code webApp}'s WEB-INF/classes. */
    public static void populate(Path webApp, Class<?>... testClasses) throws IOException, URISyntaxException {
        Path classes = webApp.resolve("WEB-INF/classes");
        for (Class<?> freewayModule : List.of(FreewayInitializer.class, FreewayServerContainer.class, Freeway.class)) {
            copyTree(codeSource(freewayModule), classes);
        }
        for (Class<?> type : testClasses) {
            Path file = Path.of(type.getName().replace('.', '/') + ".class");
            Files.copy(codeSource(type).resolve(file), classes.resolve(file));
        }
    }

    /**
     * A web application at {@code /app} over {@code webApp}, failing its start on errors; Tomcat's
     * WebSocket jar, on this class path for other tests, is kept out of its initializers.
     */
    public static org.eclipse.jetty.ee11.webapp.WebAppContext context(Path webApp) {
        org.eclipse.jetty.ee11.webapp.WebAppContext context = new org.eclipse.jetty.ee11.webapp.WebAppContext(webApp.toString(), "/app");
        context.setAttribute(org.eclipse.jetty.ee11.annotations.AnnotationConfiguration.SERVLET_CONTAINER_INITIALIZER_EXCLUSION_PATTERN,
                "org\\.apache\\..*");
        context.setThrowUnavailableOnStartupException(true);
        return context;
    }

    /** Where a class was loaded from: a directory of classes or a jar. */
    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Copies a directory of classes, or a jar's entries, into {@code target}. */
    private static void copyTree(Path source, Path target) throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                files.filter(Files::isRegularFile).forEach(f -> copy(f, target.resolve(source.relativize(f).toString())));
            }
        } else {
            try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(source)) {
                copyTree(jar.getPath("/"), target);
            }
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
