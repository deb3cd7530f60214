package dev.freeway.it.lifecycle;

import dev.freeway.it.probe.SessionProbe;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.InputStream;

/**
 * Echoes text and reads binary messages as streams, reporting to the application's
 * {@link SessionProbe}: opened, closed with which code, how each stream ended, and errors.
 */
public class RecordingEndpoint extends Endpoint {

    private SessionProbe probe;

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        probe = SessionProbe.of(config);
        probe.opened(session);
        session.addMessageHandler(String.class, message -> {
            try {
                session.getBasicRemote().sendText(message);
            } catch (IOException e) {
                probe.event("echo failed: " + e);
            }
        });
        session.addMessageHandler(InputStream.class, in -> {
            long bytes = 0;
            try {
                byte[] buffer = new byte[4096];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes += n;
                }
                probe.event("stream ended after " + bytes + " bytes");
            } catch (IOException e) {
                probe.event("stream failed after " + bytes + " bytes: " + e.getClass().getSimpleName());
            }
        });
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        probe.closed(session, reason);
    }

    @Override
    public void onError(Session session, Throwable failure) {
        probe.event("onError " + failure.getClass().getSimpleName());
    }
}
