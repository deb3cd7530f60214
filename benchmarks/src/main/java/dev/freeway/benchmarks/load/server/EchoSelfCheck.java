package dev.freeway.benchmarks.load.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One echo through a freshly started server, before it reports ready: the WebSocket handshake
 * (as the load generator sends it, with {@code Content-Length: 0}) and one short masked text
 * frame at {@code /echo}, whose echo must come back. For the peers whose servlet integration
 * may not work on a container, so a broken one is reported with its cause, not measured as zero.
 */
final class EchoSelfCheck {
    private static final int TIMEOUT_MILLIS = 5000;
    private static final byte[] MASK = {0x11, 0x22, 0x33, 0x44};
    private static final byte[] PAYLOAD = "self-check".getBytes(StandardCharsets.US_ASCII);

    private EchoSelfCheck() {
    }

    /** Throws {@link Unservable} naming the symptom and the first exception logged, unless the echo comes back. */
    static void require(String server, int port, FirstLoggedFailure log) throws Unservable {
        String symptom;
        log.watch();
        try {
            symptom = echo(port);
        } catch (IOException e) {
            symptom = "the self-check's connection failed: " + e;
        }
        if (symptom == null) {
            return;
        }
        String cause = log.describe();
        throw new Unservable(server + ": " + symptom + (cause == null ? "; nothing was logged" : "; logged: " + cause));
    }

    /** {@code null} when the echo came back, else what went wrong. */
    private static String echo(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            s.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("GET /echo HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head;
            try {
                head = readHead(in);
            } catch (SocketTimeoutException e) {
                return "the handshake got no answer within " + TIMEOUT_MILLIS / 1000 + " s";
            }
            if (!head.startsWith("HTTP/1.1 101")) {
                return "the handshake was answered '" + head.lines().findFirst().orElse("") + "'";
            }
            out.write(maskedText());
            out.flush();
            byte[] expected = new byte[2 + PAYLOAD.length];
            expected[0] = (byte) 0x81;
            expected[1] = (byte) PAYLOAD.length;
            System.arraycopy(PAYLOAD, 0, expected, 2, PAYLOAD.length);
            byte[] got = in.readNBytes(expected.length);
            if (!Arrays.equals(got, expected)) {
                return "after the 101 the echo of a " + PAYLOAD.length + "-byte text frame did not come back (got "
                        + got.length + " bytes" + (got.length > 0 ? ", first 0x" + Integer.toHexString(got[0] & 0xff) : "") + ")";
            }
            return null;
        } catch (SocketTimeoutException e) {
            return "after the 101 no echo of a " + PAYLOAD.length + "-byte text frame came back within "
                    + TIMEOUT_MILLIS / 1000 + " s";
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
            head.append((char) b);
        }
        return head.toString();
    }

    private static byte[] maskedText() {
        byte[] f = new byte[6 + PAYLOAD.length];
        f[0] = (byte) 0x81;
        f[1] = (byte) (0x80 | PAYLOAD.length);
        System.arraycopy(MASK, 0, f, 2, 4);
        for (int i = 0; i < PAYLOAD.length; i++) {
            f[6 + i] = (byte) (PAYLOAD[i] ^ MASK[i % 4]);
        }
        return f;
    }
}
