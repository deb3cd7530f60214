package dev.freeway.it.messages;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.InputStream;

/** Reads binary messages through an {@link InputStream} and answers with their size and SHA-256. */
@ServerEndpoint("/stream")
public class InputStreamEndpoint {

    @OnMessage
    public String read(InputStream in) throws IOException {
        Digest digest = new Digest();
        long bytes = 0;
        byte[] buffer = new byte[5000];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            bytes += n;
            digest.update(buffer, 0, n);
        }
        return "bytes=" + bytes + ";sha256=" + digest.hex();
    }
}
