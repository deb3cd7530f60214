package dev.freeway.it.undertow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every class of an exploded WAR ({@code WEB-INF/classes} and the {@code WEB-INF/lib} jars), loaded
 * through the WAR's class loader without being initialized: what a Servlet container scans for
 * {@code @WebServlet}, {@code @WebFilter} and {@code @WebListener}, and for the classes an
 * initializer's {@code @HandlesTypes} asks for (Servlet 6.0, 8.1 and 8.2.4). Undertow's Servlet
 * deployment scans nothing itself; a container built on it (WildFly) does this scan, with an
 * annotation index rather than by loading.
 *
 * <p>A class that cannot be loaded (it needs an optional library the WAR does not carry) is passed
 * over, as a container's scan passes over what it cannot resolve.
 */
final class WarClasses {
    private final List<Class<?>> classes;

    private WarClasses(List<Class<?>> classes) {
        this.classes = classes;
    }

    /** Scans the WAR exploded in {@code war}, loading its classes with {@code loader}. */
    static WarClasses scan(Path war, ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        Path classesDir = war.resolve("WEB-INF/classes");
        Path lib = war.resolve("WEB-INF/lib");
        try {
            if (Files.isDirectory(classesDir)) {
                names.addAll(classNamesUnder(classesDir));
            }
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).sorted().toList()) {
                        // an exploded WAR may hold a library jar exploded too (ShrinkWrap's exporter does)
                        names.addAll(Files.isDirectory(jar) ? classNamesUnder(jar) : classNamesIn(jar));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + war, e);
        }
        List<Class<?>> loaded = new ArrayList<>();
        for (String name : names) {
            try {
                loaded.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError unresolvable) {
                // an optional dependency the WAR lacks: nothing a container could deploy either
            }
        }
        return new WarClasses(List.copyOf(loaded));
    }

    /** The classes annotated with {@code annotation} (on the class itself). */
    List<Class<?>> annotatedWith(Class<? extends Annotation> annotation) {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> type : classes) {
            if (annotatedWith(type, annotation)) {
                found.add(type);
            }
        }
        return found;
    }

    /**
     * The classes an initializer's {@code @HandlesTypes} names: those that extend or implement one of
     * {@code handled}, or carry one of them as an annotation (on the class, a method or a field), the
     * handled types themselves left out.
     */
    Set<Class<?>> handledBy(Class<?>[] handled) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            for (Class<?> wanted : handled) {
                if (type != wanted && matches(type, wanted)) {
                    found.add(type);
                    break;
                }
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Class<?> type, Class<?> wanted) {
        try {
            if (!wanted.isAnnotation()) {
                return wanted.isAssignableFrom(type);
            }
            Class<? extends Annotation> annotation = (Class<? extends Annotation>) wanted;
            if (annotatedWith(type, annotation)) {
                return true;
            }
            for (var method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(annotation)) {
                    return true;
                }
            }
            for (var field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(annotation)) {
                    return true;
                }
            }
            return false;
        } catch (LinkageError unresolvable) {
            return false;
        }
    }

    private static boolean annotatedWith(Class<?> type, Class<? extends Annotation> annotation) {
        try {
            return type.isAnnotationPresent(annotation);
        } catch (LinkageError | RuntimeException unresolvable) { // an annotation the WAR cannot load
            return false;
        }
    }

    private static List<String> classNamesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".class") && !f.startsWith("META-INF/"))
                    .map(WarClasses::className)
                    .toList();
        }
    }

    private static List<String> classNamesIn(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.endsWith(".class") && !entry.startsWith("META-INF/")) {
                    names.add(className(entry));
                }
            }
        }
        return names;
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
