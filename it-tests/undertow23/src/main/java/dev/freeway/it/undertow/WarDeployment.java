package dev.freeway.it.undertow;

import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.FilterInfo;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import io.undertow.servlet.api.ServletInfo;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EventListener;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns an exploded WAR into an Undertow {@link DeploymentInfo}, doing what Undertow's Servlet
 * deployment leaves to the server around it: the descriptor's context parameters and listeners
 * ({@link WebXml}), the {@code @WebServlet}, {@code @WebFilter} and {@code @WebListener} classes,
 * and every {@code ServletContainerInitializer} the WAR's class loader finds in
 * {@code META-INF/services} (the WAR's own first), each given the classes its {@code @HandlesTypes}
 * names ({@link WarClasses}).
 */
final class WarDeployment {
    private WarDeployment() {
    }

    /**
     * The class loader of the WAR exploded in {@code war}: {@code WEB-INF/classes}, then each jar
     * (a jar exploded into a directory of its name is a directory entry).
     */
    static WarClassLoader classLoaderFor(Path war, String name, ClassLoader server) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(war.resolve("WEB-INF/classes").toUri().toURL());
            Path lib = war.resolve("WEB-INF/lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a class path entry under " + war, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + war, e);
        }
        return new WarClassLoader(name, urls.toArray(URL[]::new), server);
    }

    /** The deployment of the WAR exploded in {@code war}, its classes loaded by {@code loader}. */
    @SuppressWarnings("unchecked")
    static DeploymentInfo describe(Path war, ClassLoader loader) throws Exception {
        DeploymentInfo info = Servlets.deployment().setClassLoader(loader);
        WebXml descriptor = WebXml.read(war);
        descriptor.contextParams().forEach(info::addInitParameter);
        for (String listener : descriptor.listeners()) {
            info.addListener(Servlets.listener((Class<? extends EventListener>) loader.loadClass(listener)));
        }
        WarClasses classes = WarClasses.scan(war, loader);
        for (Class<?> listener : classes.annotatedWith(WebListener.class)) {
            info.addListener(Servlets.listener((Class<? extends EventListener>) listener));
        }
        for (Class<?> servlet : classes.annotatedWith(WebServlet.class)) {
            info.addServlet(servlet((Class<? extends Servlet>) servlet));
        }
        for (Class<?> filter : classes.annotatedWith(WebFilter.class)) {
            addFilter(info, (Class<? extends Filter>) filter);
        }
        // the WAR's class loader lists the WAR's providers first, then the server's
        for (ServiceLoader.Provider<ServletContainerInitializer> sci
                : ServiceLoader.load(ServletContainerInitializer.class, loader).stream().toList()) {
            Class<? extends ServletContainerInitializer> type = sci.type();
            HandlesTypes handles = type.getAnnotation(HandlesTypes.class);
            Set<Class<?>> handled = handles == null ? Set.of() : classes.handledBy(handles.value());
            info.addServletContainerInitializer(new ServletContainerInitializerInfo(type, handled));
        }
        return info;
    }

    private static ServletInfo servlet(Class<? extends Servlet> type) {
        WebServlet annotation = type.getAnnotation(WebServlet.class);
        String name = annotation.name().isEmpty() ? type.getName() : annotation.name();
        ServletInfo servlet = Servlets.servlet(name, type)
                .addMappings(annotation.urlPatterns().length > 0 ? annotation.urlPatterns() : annotation.value())
                .setAsyncSupported(annotation.asyncSupported())
                .setLoadOnStartup(annotation.loadOnStartup() >= 0 ? annotation.loadOnStartup() : null);
        for (WebInitParam param : annotation.initParams()) {
            servlet.addInitParam(param.name(), param.value());
        }
        return servlet;
    }

    private static void addFilter(DeploymentInfo info, Class<? extends Filter> type) {
        WebFilter annotation = type.getAnnotation(WebFilter.class);
        String name = annotation.filterName().isEmpty() ? type.getName() : annotation.filterName();
        FilterInfo filter = Servlets.filter(name, type).setAsyncSupported(annotation.asyncSupported());
        for (WebInitParam param : annotation.initParams()) {
            filter.addInitParam(param.name(), param.value());
        }
        info.addFilter(filter);
        String[] patterns = annotation.urlPatterns().length > 0 ? annotation.urlPatterns() : annotation.value();
        for (DispatcherType dispatcher : annotation.dispatcherTypes()) {
            for (String pattern : patterns) {
                info.addFilterUrlMapping(name, pattern, dispatcher);
            }
            for (String servlet : annotation.servletNames()) {
                info.addFilterServletNameMapping(name, servlet, dispatcher);
            }
        }
    }
}
