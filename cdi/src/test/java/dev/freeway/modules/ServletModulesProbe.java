package dev.freeway.modules;

import dev.freeway.servlet.FreewayInitializer;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.servlet.ServletContainerInitializer;

import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Run by {@code ModulesTest} with Freeway's Servlet and CDI modules on the module path and this
 * class on the class path: prints the {@code ServletContainerInitializer}s and CDI extensions
 * the modules provide, with the module each comes from, and what the Servlet module exports.
 */
public final class ServletModulesProbe {

    private ServletModulesProbe() {
    }

    /** Prints one fact a line, sorted within each kind. */
    public static void main(String[] args) {
        TreeSet<String> lines = new TreeSet<>();
        for (ServletContainerInitializer sci : ServiceLoader.load(ServletContainerInitializer.class)) {
            lines.add("initializer " + sci.getClass().getName() + " in module " + sci.getClass().getModule().getName());
        }
        for (Extension extension : ServiceLoader.load(Extension.class)) {
            lines.add("extension " + extension.getClass().getName() + " in module "
                    + extension.getClass().getModule().getName());
        }
        lines.forEach(System.out::println);
        Module servlet = FreewayInitializer.class.getModule();
        for (String pkg : new String[] {"dev.freeway.servlet", "dev.freeway.servlet.tomcat", "dev.freeway.servlet.jetty"}) {
            System.out.println("exported " + pkg + " " + servlet.isExported(pkg));
        }
    }
}
