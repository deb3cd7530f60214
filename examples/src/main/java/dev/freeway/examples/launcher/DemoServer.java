package dev.freeway.examples.launcher;

/** A started container serving the demo WAR. */
public interface DemoServer extends AutoCloseable {

    /** The port the container listens on (the one taken, when 0 was asked for). */
    int port();

    /** The container's name and version, for the start-up message. */
    String description();

    /**
     * The class of the object the web application registered under
     * {@code jakarta.websocket.server.ServerContainer}: Freeway's when its initializer ran.
     */
    String webSocketContainerClass();

    /** Stops the container and deletes what it unpacked. */
    @Override
    void close() throws Exception;

    /** Starts {@code options.container()} with {@code war} deployed. */
    static DemoServer start(LauncherOptions options, java.nio.file.Path war) throws Exception {
        return switch (options.container()) {
            case JETTY -> JettyDemoServer.start(options, war);
            case TOMCAT -> TomcatDemoServer.start(options, war);
        };
    }
}
