package dev.freeway.it.proof;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * On undeploy, says goodbye on every open {@link EchoHandler} connection (as Freeway closes its
 * sessions with 1001) and writes a marker file, whose path the test put in {@link #MARKER_RESOURCE},
 * so that the test can tell the application was really stopped.
 */
@WebListener
public class ShutdownListener implements ServletContextListener {

    /** The WAR resource that holds the path of the marker file. */
    static final String MARKER_RESOURCE = "/WEB-INF/shutdown-marker";

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        EchoHandler.closeAll();
        try (InputStream marker = event.getServletContext().getResourceAsStream(MARKER_RESOURCE)) {
            if (marker != null) {
                Path path = Path.of(new String(marker.readAllBytes(), StandardCharsets.UTF_8).trim());
                Files.writeString(path, "context destroyed\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
