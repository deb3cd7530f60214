package dev.freeway.servlet;

import dev.freeway.api.Freeway;
import dev.freeway.api.FreewaySession;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * "pause" pauses reading of this session; "resume-others", sent over another connection, resumes
 * every paused session of the endpoint. Binary messages are answered with their length and SHA-256,
 * taken part by part as they arrive (a partial handler: nothing buffered whole).
 */
@ServerEndpoint("/pause")
public class PausingEndpoint {
    @OnMessage
    public String text(String command, Session session) {
        if (command.equals("pause")) {
            Freeway.of(session).pause();
            return "paused";
        }
        if (command.equals("resume-others")) {
            int resumed = 0;
            for (Session other : session.getOpenSessions()) {
                FreewaySession freeway = Freeway.of(other);
                if (other != session && freeway.isPaused()) {
                    freeway.resume();
                    resumed++;
                }
            }
            return "resumed " + resumed;
        }
        return "unknown command " + command;
    }

    /** The running digest of the binary message under way: one endpoint instance per connection. */
    private final MessageDigest sha;
    private long length;

    public PausingEndpoint() throws NoSuchAlgorithmException {
        sha = MessageDigest.getInstance("SHA-256");
    }

    @OnMessage
    public void binary(ByteBuffer part, boolean last, Session session) throws IOException {
        length += part.remaining();
        sha.update(part);
        if (last) {
            session.getBasicRemote().sendText(length + " " + HexFormat.of().formatHex(sha.digest()));
            length = 0;
        }
    }
}
