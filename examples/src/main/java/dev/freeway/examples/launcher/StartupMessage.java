package dev.freeway.examples.launcher;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * What the launcher prints once the server is up: the container, the WebSocket implementation
 * the web application got, and the URLs to try. The first line is stable, for scripts and tests:
 * {@code Freeway demo on <container> at http[s]://<host>:<port><context>}.
 */
public final class StartupMessage {
    private StartupMessage() {
    }

    public static String of(LauncherOptions options, DemoServer server) {
        String host = options.host().equals("0.0.0.0") ? "localhost" : options.host();
        String context = options.contextPath().equals("/") ? "/" : options.contextPath() + "/";
        String secure = options.tls() ? "s" : "";
        String http = "http" + secure + "://" + host + ":" + server.port() + context;
        String ws = "ws" + secure + "://" + host + ":" + server.port() + context;
        String n = System.lineSeparator();
        return "Freeway demo on " + server.description() + " at " + http + n
                + "  WebSocket implementation: " + server.webSocketContainerClass() + n
                + "  page:  " + http + n
                + "  echo:  " + ws + "echo" + n
                + "  chat:  " + ws + "chat/{room}?name={you}" + n
                + "  bridge: " + ws + "bridge/echo  (subprotocol binary or base64; a TCP echo service behind it)" + n
                + "  hash:  " + ws + "hash/message  " + ws + "hash/frame  " + ws + "hash/stream" + n
                + "  try:   java -cp " + ownJar() + " dev.freeway.examples.HashClient --variant stream --url "
                + ws + "hash/stream --bytes 1g" + n
                + (options.tls() ? "  TLS:   a self-signed certificate made at start-up; browsers ask to accept it"
                        + " (for a ws" + secure + ": client, trust it or turn checking off)" + n : "")
                + "Stop with Ctrl+C." + n;
    }

    /** The jar the launcher runs from, as the user would type it. */
    private static String ownJar() {
        try {
            Path jar = Path.of(StartupMessage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path here = Path.of("").toAbsolutePath();
            return jar.startsWith(here) ? here.relativize(jar).toString() : jar.toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "freeway-demo.jar";
        }
    }
}
