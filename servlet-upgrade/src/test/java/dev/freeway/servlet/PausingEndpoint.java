package dev.freeway.servlet;

import dev.freeway.api.Freeway;
import dev.freeway.api.FreewaySession;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * "pause" pauses reading of this session; "resume-others", sent over another connection, resumes
 * every paused session of the endpoint. Binary messages are streamed through an InputStream and
 * answered with their length and SHA-256.
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

    @OnMessage
    public String binary(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] chunk = new byte[8192];
        long length = 0;
        for (int n; (n = in.read(chunk)) != -1; ) {
            sha.update(chunk, 0, n);
            length += n;
        }
        return length + " " + HexFormat.of().formatHex(sha.digest());
    }
}
