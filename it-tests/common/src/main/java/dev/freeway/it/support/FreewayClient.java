package dev.freeway.it.support;

import jakarta.websocket.WebSocketContainer;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Freeway's own client container ({@code dev.freeway.client.FreewayClientContainer}), loaded from
 * the Freeway jars of this build in a class loader of its own.
 *
 * <p>Why not simply on the test class path: the embedded containers share the test JVM's class
 * path, and Freeway's jars must stay off it (see it-tests/pom.xml); there they would also answer
 * the WebSocket API's {@code ServiceLoader} lookups for every web application. In a child loader,
 * Freeway's classes are seen by the test only, through the {@code jakarta.websocket} API that the
 * test class path provides.
 */
public final class FreewayClient {

    private static final String CONTAINER_CLASS = "dev.freeway.client.FreewayClientContainer";
    /** The modules the client needs; servlet-upgrade stays out. */
    private static final List<String> MODULES = List.of("api", "impl");

    private FreewayClient() {
    }

    /**
     * Creates a client container; close it (it is {@link AutoCloseable}) to stop its threads.
     *
     * @return a new container with Freeway's defaults
     */
    public static WebSocketContainer newContainer() {
        Map<String, Path> modules = FreewayLibraries.modules();
        List<URL> urls = new ArrayList<>();
        for (String module : MODULES) {
            Path location = modules.get(module);
            if (location == null) {
                throw new IllegalStateException("the build passed no " + FreewayLibraries.PROPERTY_PREFIX + module);
            }
            try {
                urls.add(location.toUri().toURL()); // a directory's URI ends with '/', as URLClassLoader needs
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
        URLClassLoader loader = new URLClassLoader("freeway-client", urls.toArray(URL[]::new),
                FreewayClient.class.getClassLoader());
        try {
            return (WebSocketContainer) loader.loadClass(CONTAINER_CLASS).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + CONTAINER_CLASS + " from " + urls, e);
        }
    }

    /**
     * Closes a container made by {@link #newContainer()}.
     *
     * @param container the container
     */
    public static void close(WebSocketContainer container) throws Exception {
        if (container instanceof AutoCloseable) {
            ((AutoCloseable) container).close();
        }
    }
}
