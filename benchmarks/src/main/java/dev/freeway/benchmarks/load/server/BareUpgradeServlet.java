package dev.freeway.benchmarks.load.server;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The ceiling: answers a WebSocket handshake with 101 and then echoes every byte as it came,
 * without any framing ({@link BareEchoHandler}). A client sees its own masked frames come back.
 * Nothing WebSocket-like can be faster on the same container's upgrade.
 */
public final class BareUpgradeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        String key = req.getHeader("Sec-WebSocket-Key");
        if (key == null || !"websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "not a WebSocket handshake");
            return;
        }
        resp.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        resp.setHeader("Upgrade", "websocket");
        resp.setHeader("Connection", "Upgrade");
        resp.setHeader("Sec-WebSocket-Accept", accept(key));
        req.upgrade(BareEchoHandler.class);
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key.trim() + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
