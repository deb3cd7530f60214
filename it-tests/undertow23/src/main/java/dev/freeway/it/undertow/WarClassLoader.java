package dev.freeway.it.undertow;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one exploded WAR: {@code WEB-INF/classes} and every {@code WEB-INF/lib} jar,
 * searched before the server's class path (as the Servlet specification asks of a web application,
 * 10.7.2), except for the classes the server provides to every application: the Java platform, the
 * Servlet and WebSocket APIs and Undertow with XNIO. So a WAR's own copy of a library (Weld, the CDI
 * API) is the one it uses, and its endpoint classes are its own even where the test class path has
 * them too.
 */
final class WarClassLoader extends URLClassLoader {

    /** Packages always loaded from the server, never from the WAR. */
    private static final List<String> SERVER_PACKAGES = List.of(
            "java.", "javax.", "jdk.", "sun.", "jakarta.servlet.", "jakarta.websocket.", "io.undertow.", "org.xnio.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    WarClassLoader(String name, URL[] urls, ClassLoader server) {
        super(name, urls, server);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (fromServer(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInWar) {
                    loaded = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = fromServer(name.replace('/', '.')) ? null : findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        // the WAR's first, so that its service providers win a ServiceLoader's first pick
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        Enumeration<URL> server = getParent().getResources(name);
        while (server.hasMoreElements()) {
            URL url = server.nextElement();
            if (!all.contains(url)) {
                all.add(url);
            }
        }
        return Collections.enumeration(all);
    }

    private static boolean fromServer(String name) {
        for (String prefix : SERVER_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
