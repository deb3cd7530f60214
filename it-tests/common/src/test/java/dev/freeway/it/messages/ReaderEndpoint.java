package dev.freeway.it.messages;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** Reads text messages through a {@link Reader} and answers with their size and SHA-256. */
@ServerEndpoint("/reader")
public class ReaderEndpoint {

    @OnMessage
    public String read(Reader reader) throws IOException {
        Digest digest = new Digest();
        long chars = 0;
        char[] buffer = new char[777]; // an odd size, so reads do not line up with frames
        StringBuilder pending = new StringBuilder();
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            chars += n;
            pending.append(buffer, 0, n);
            // digest whole code points only: keep a trailing high surrogate for the next round
            int keep = pending.length() > 0 && Character.isHighSurrogate(pending.charAt(pending.length() - 1)) ? 1 : 0;
            byte[] utf8 = pending.substring(0, pending.length() - keep).getBytes(StandardCharsets.UTF_8);
            digest.update(utf8, 0, utf8.length);
            pending.delete(0, pending.length() - keep);
        }
        return "chars=" + chars + ";sha256=" + digest.hex();
    }
}
