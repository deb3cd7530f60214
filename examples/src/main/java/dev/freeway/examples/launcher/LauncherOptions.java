package dev.freeway.examples.launcher;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the launcher was asked for.
 *
 * @param container   which container to start
 * @param host        the address to listen on
 * @param port        the port to listen on; 0 for any free port (the one taken is printed)
 * @param contextPath where the WAR is deployed: {@code /} or {@code /name}
 * @param war         a WAR to deploy instead of the demo WAR inside the launcher's jar
 * @param http2       serve HTTP/2 beside HTTP/1.1 on the port: h2c, or h2 by ALPN with {@code tls}
 * @param tls         serve HTTPS on the port, with a self-signed certificate made at start-up
 */
public record LauncherOptions(ContainerKind container, String host, int port, String contextPath, Optional<Path> war,
                              boolean http2, boolean tls) {

    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar freeway-demo.jar [--container jetty|tomcat] [--port N] [--host ADDRESS]",
            "                                  [--context-path /PATH] [--war FILE] [--http2] [--tls]",
            "  --container     jetty (12.1, the default) or tomcat (11)",
            "  --port          port to listen on (default 8080; 0 for any free port)",
            "  --host          address to listen on (default localhost; 0.0.0.0 for every interface)",
            "  --context-path  where the WAR is deployed (default /)",
            "  --war           deploy this WAR instead of the demo WAR built into the jar",
            "  --http2         also serve cleartext HTTP/2 (h2c); on Jetty, WebSockets then open over HTTP/2",
            "                  streams too (RFC 8441), on Tomcat they stay on HTTP/1.1; with --tls, h2 by ALPN",
            "  --tls           HTTPS and wss: on the port, with a self-signed certificate made at start-up",
            "                  (for localhost; browsers ask to accept it)");

    public LauncherOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0 to 65535, was " + port);
        }
        if (!contextPath.startsWith("/") || (contextPath.length() > 1 && contextPath.endsWith("/"))) {
            throw new IllegalArgumentException("--context-path must be / or /name, was '" + contextPath + "'");
        }
    }

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException with a message for the user when an argument is wrong
     */
    public static LauncherOptions parse(String... args) {
        ContainerKind container = ContainerKind.JETTY;
        String host = "localhost";
        int port = 8080;
        String contextPath = "/";
        Optional<Path> war = Optional.empty();
        boolean http2 = false;
        boolean tls = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--container" -> container = ContainerKind.parse(value(args, ++i, arg));
                case "--host" -> host = value(args, ++i, arg);
                case "--port" -> port = number(value(args, ++i, arg), arg);
                case "--context-path" -> contextPath = value(args, ++i, arg);
                case "--war" -> war = Optional.of(Path.of(value(args, ++i, arg)));
                case "--http2" -> http2 = true;
                case "--tls" -> tls = true;
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new LauncherOptions(container, host, port, contextPath, war, http2, tls);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, was '" + value + "'", e);
        }
    }
}
