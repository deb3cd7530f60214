package dev.freeway.examples.launcher;

import java.util.Locale;

/** The embedded containers the launcher can start. */
public enum ContainerKind {
    JETTY, TOMCAT;

    /** {@code jetty} or {@code tomcat}, in any case. */
    public static ContainerKind parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--container must be jetty or tomcat, was '" + name + "'", e);
        }
    }
}
