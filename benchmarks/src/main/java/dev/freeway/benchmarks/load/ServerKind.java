package dev.freeway.benchmarks.load;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The servers under test, the launcher each runs, and which jars its JVM gets. */
public enum ServerKind {
    FREEWAY_TOMCAT("freeway-tomcat", "Freeway on Tomcat 11", Role.FREEWAY, "FreewayOnTomcat",
            EnumSet.of(JarFamily.TOMCAT, JarFamily.FREEWAY)),
    TOMCAT("tomcat", "Tomcat 11 WebSocket", Role.PEER, "TomcatWebSocket",
            EnumSet.of(JarFamily.TOMCAT, JarFamily.TOMCAT_WEBSOCKET)),
    FREEWAY_JETTY("freeway-jetty", "Freeway on Jetty 12.1", Role.FREEWAY, "FreewayOnJetty",
            EnumSet.of(JarFamily.JETTY, JarFamily.SERVLET_API, JarFamily.FREEWAY)),
    JETTY("jetty", "Jetty 12.1 WebSocket", Role.PEER, "JettyWebSocket",
            EnumSet.of(JarFamily.JETTY, JarFamily.SERVLET_API, JarFamily.JETTY_WEBSOCKET)),
    NETTY("netty", "Netty 4.2 (epoll)", Role.PEER, "NettyWebSocket", EnumSet.of(JarFamily.NETTY)),
    UNDERTOW("undertow", "Undertow 2.3 WebSocket", Role.PEER, "UndertowWebSocket",
            EnumSet.of(JarFamily.UNDERTOW, JarFamily.SERVLET_API)),
    TYRUS_GRIZZLY("tyrus-grizzly", "Tyrus 2.2 on Grizzly", Role.PEER, "TyrusOnGrizzly",
            EnumSet.of(JarFamily.TYRUS, JarFamily.TYRUS_GRIZZLY)),
    TYRUS_TOMCAT("tyrus-tomcat", "Tyrus 2.2 on Tomcat 11", Role.PEER, "TyrusOnTomcat",
            EnumSet.of(JarFamily.TOMCAT, JarFamily.TYRUS, JarFamily.TYRUS_SERVLET)),
    TYRUS_JETTY("tyrus-jetty", "Tyrus 2.2 on Jetty 12.1", Role.PEER, "TyrusOnJetty",
            EnumSet.of(JarFamily.JETTY, JarFamily.SERVLET_API, JarFamily.TYRUS, JarFamily.TYRUS_SERVLET,
                    JarFamily.JETTY_LOGGING)),
    CEILING("ceiling", "ceiling: selector threads, frame echo", Role.CEILING, "CeilingServer",
            EnumSet.noneOf(JarFamily.class));

    /** What a server is in the comparison. */
    public enum Role { FREEWAY, PEER, CEILING }

    private final String id;
    private final String label;
    private final Role role;
    private final String launcher;
    private final Set<JarFamily> families;

    ServerKind(String id, String label, Role role, String launcher, Set<JarFamily> families) {
        this.id = id;
        this.label = label;
        this.role = role;
        this.launcher = "dev.freeway.benchmarks.load.server." + launcher;
        this.families = families;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public Role role() {
        return role;
    }

    /** The {@link dev.freeway.benchmarks.load.server.ServerLauncher} class this server's JVM runs. */
    public String launcher() {
        return launcher;
    }

    /** Whether this server's JVM gets {@code jar}: jars of no family go to every server. */
    public boolean wants(Path jar) {
        JarFamily family = JarFamily.of(jar.getFileName().toString());
        return family == null || families.contains(family);
    }

    /** By {@link #id()}. */
    public static ServerKind byId(String id) {
        for (ServerKind k : values()) {
            if (k.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("no server '" + id + "'; known: " + ids());
    }

    /** Every server's id, comma-separated, in the order of the enum (the default run's order). */
    public static String ids() {
        StringBuilder ids = new StringBuilder();
        for (ServerKind k : values()) {
            ids.append(ids.length() == 0 ? "" : ",").append(k.id);
        }
        return ids.toString();
    }

    /** Groups of jars that only some servers may see. */
    enum JarFamily {
        TOMCAT, TOMCAT_WEBSOCKET, JETTY, JETTY_WEBSOCKET, JETTY_LOGGING, TYRUS, TYRUS_SERVLET, TYRUS_GRIZZLY,
        NETTY, UNDERTOW, FREEWAY, SERVLET_API, JMH;

        static JarFamily of(String jar) {
            if (jar.startsWith("tomcat-embed-websocket")) {
                return TOMCAT_WEBSOCKET;
            }
            if (jar.startsWith("tomcat-")) {
                return TOMCAT;
            }
            if (jar.startsWith("jetty-slf4j-impl")) {
                // Only Tyrus's Jetty gets a logger: its self-check names the exception Jetty logs.
                return JETTY_LOGGING;
            }
            if (jar.startsWith("jetty-")) {
                return jar.contains("websocket") ? JETTY_WEBSOCKET : JETTY;
            }
            if (jar.startsWith("tyrus-container-servlet")) {
                return TYRUS_SERVLET;
            }
            if (jar.startsWith("tyrus-container-grizzly") || jar.startsWith("grizzly-")) {
                // Tyrus's ServerContainerFactory would find the Grizzly container in the servlet JVMs
                return TYRUS_GRIZZLY;
            }
            if (jar.startsWith("netty-")) {
                return NETTY;
            }
            if (jar.startsWith("undertow-") || jar.startsWith("xnio-") || jar.startsWith("jboss-threads")
                    || jar.startsWith("wildfly-") || jar.startsWith("smallrye-common")) {
                // XNIO's providers are found through ServiceLoader: only Undertow's JVM gets them
                return UNDERTOW;
            }
            if (jar.startsWith("tyrus-") || jar.startsWith("jakarta.xml.bind")
                    || jar.startsWith("jakarta.activation")) {
                return TYRUS;
            }
            if (jar.startsWith("freeway-")) {
                return FREEWAY;
            }
            if (jar.startsWith("jakarta.servlet-api")) {
                return SERVLET_API; // Tomcat carries the Servlet API itself
            }
            if (jar.startsWith("jmh-") || jar.startsWith("jopt-") || jar.startsWith("commons-math3")) {
                return JMH;
            }
            return null;
        }
    }
}
