package dev.freeway.engine;

import static dev.freeway.engine.HandshakeErrors.printable;
import static dev.freeway.engine.HandshakeErrors.quote;
import static dev.freeway.engine.HandshakeErrors.reject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The server side of the WebSocket opening handshake (RFC 6455 section 4.2): checks a request,
 * and writes the 101 that accepts it or the HTTP response that refuses it.
 *
 * <p>Every refusal is a {@link RemoteProtocolError} whose {@link RemoteProtocolError#rejection()
 * rejection} carries the status (400, 405 or 426) and whose message says exactly what was wrong;
 * the message is meant to be sent as the plain-text body (see {@link #rejectResponse(RemoteProtocolError)}).
 * Origin and authentication are policy, left to the caller.
 */
public final class ServerHandshake {
    /** The only protocol version this engine speaks. */
    public static final String VERSION = "13";

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int KEY_BYTES = 16;
    /** Fields the 101 writes itself; letting AcceptConnection.headers() repeat them would be ambiguous. */
    private static final Set<String> OWN_RESPONSE_FIELDS = Set.of("upgrade", "connection", "sec-websocket-accept",
            "sec-websocket-protocol", "sec-websocket-extensions", "content-length", "transfer-encoding");
    /** Fields a rejection's framing depends on; this class writes them. */
    private static final Set<String> FRAMING_FIELDS = Set.of("connection", "content-length", "transfer-encoding");

    private ServerHandshake() {
    }

    /**
     * Checks a request head received and parsed by {@link HttpHeadParser}.
     *
     * @return the request, with its subprotocols and extension offers
     * @throws RemoteProtocolError with the rejection to send when it is not a valid handshake
     */
    public static Request validate(HttpRequestHead head) throws RemoteProtocolError {
        return validate(head.method(), head.target(), head.version(), head.headers());
    }

    /**
     * Checks a request from parts parsed elsewhere (by a Servlet container, say). {@code version}
     * is the protocol as on the request line ({@code HTTP/1.1}).
     */
    public static Request validate(String method, String target, String version, HttpHeaders headers)
            throws RemoteProtocolError {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        if (!"GET".equals(method)) {
            throw reject(405, "method " + printable(method) + " is not allowed; a WebSocket handshake must be a GET",
                    "Allow", "GET");
        }
        if (!isHttp11OrLater(version)) {
            throw reject(400, printable(version) + " cannot upgrade to WebSocket; HTTP/1.1 or later is required");
        }
        String host = exactlyOne(headers, "Host");
        checkNoBody(headers);
        checkUpgrade(headers);
        HandshakeOffers.checkVersion(headers, 426, "Upgrade", "websocket");
        checkKey(headers);
        return new Request(host, target, headers, HandshakeOffers.subprotocols(headers),
                HandshakeOffers.extensions(headers));
    }

    /**
     * The {@code Sec-WebSocket-Accept} value for {@code key}: base64 of the SHA-1 of the key and
     * the RFC 6455 GUID.
     */
    public static String acceptValue(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
    }

    /**
     * The header fields of the 101 that accepts {@code request} (for transports that write the
     * status themselves, such as a Servlet upgrade): Upgrade, Connection, Sec-WebSocket-Accept,
     * Sec-WebSocket-Protocol and Sec-WebSocket-Extensions when chosen, then
     * {@code accept.headers()}.
     *
     * @throws LocalProtocolError when {@code accept} chooses a subprotocol or an extension the
     *                            client did not offer, accepts an extension twice, or its headers
     *                            repeat a field the handshake writes
     */
    public static HttpHeaders acceptHeaders(Request request, AcceptConnection accept) {
        String key = request.headers().first("Sec-WebSocket-Key");
        if (key == null) {
            throw new LocalProtocolError("the request has no Sec-WebSocket-Key; accept only a validated request");
        }
        HandshakeOffers.checkChoice(request, accept, OWN_RESPONSE_FIELDS);
        return HandshakeOffers.negotiated(HttpHeaders.builder()
                .add("Upgrade", "websocket")
                .add("Connection", "Upgrade")
                .add("Sec-WebSocket-Accept", acceptValue(key)), accept);
    }

    /** The whole 101 response that accepts {@code request}, as bytes; see {@link #acceptHeaders}. */
    public static byte[] acceptResponse(Request request, AcceptConnection accept) {
        return HttpHeadWriter.write(statusLine(101), acceptHeaders(request, accept));
    }

    /**
     * The response that refuses a handshake, as bytes, always with {@code Connection: close}.
     * With a {@code body}, the body follows the head and Content-Length gives its size. Without
     * one, a rejection that {@link RejectConnection#hasBody() has a body} gets no Content-Length:
     * the caller writes the body after the head and then closes the connection, which ends it.
     * Connection, Content-Length and Transfer-Encoding fields in the rejection are replaced,
     * since the framing is decided here. When the rejection has an Upgrade field (as a 426 must,
     * RFC 9110 section 15.5.22), Connection also lists {@code Upgrade}.
     *
     * @param body the whole body, or {@code null}
     * @throws LocalProtocolError when the status is 1xx, or a body is given for a rejection
     *                            without one or for a 204/304
     */
    public static byte[] rejectResponse(RejectConnection rejection, byte[] body) {
        int status = rejection.status();
        if (status < 200) {
            throw new LocalProtocolError("status " + status + " cannot refuse a handshake; use 2xx to 5xx");
        }
        boolean noBodyAllowed = status == 204 || status == 304;
        boolean hasBody = body != null && body.length > 0;
        if (hasBody && (!rejection.hasBody() || noBodyAllowed)) {
            throw new LocalProtocolError("a body was given for a " + status + " rejection that has none");
        }
        HttpHeaders.Builder b = HttpHeaders.builder();
        for (HttpHeaders.Field f : rejection.headers().fields()) {
            if (!FRAMING_FIELDS.contains(f.name().toLowerCase(Locale.ROOT))) {
                b.add(f.name(), f.value());
            }
        }
        if (body != null || (!rejection.hasBody() && !noBodyAllowed)) {
            b.add("Content-Length", Integer.toString(body == null ? 0 : body.length));
        }
        b.add("Connection", rejection.headers().contains("Upgrade") ? "Upgrade, close" : "close");
        byte[] head = HttpHeadWriter.write(statusLine(status), b.build());
        if (!hasBody) {
            return head;
        }
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /**
     * The response for a handshake this class refused: its rejection with the message as a UTF-8
     * body.
     *
     * @throws IllegalArgumentException when {@code error} is not a refused server handshake
     */
    public static byte[] rejectResponse(RemoteProtocolError error) {
        if (error.rejection() == null) {
            throw new IllegalArgumentException("the error has no rejection: " + error.getMessage());
        }
        return rejectResponse(error.rejection(), error.rejectionBody().getBytes(StandardCharsets.UTF_8));
    }

    private static String statusLine(int status) {
        return "HTTP/1.1 " + status + " " + HttpStatus.reason(status);
    }

    /** {@code HTTP/1.1}, {@code HTTP/1.2}, {@code HTTP/2.0} ...; HTTP/1.0 has no Upgrade. */
    private static boolean isHttp11OrLater(String version) {
        if (version == null || !version.startsWith("HTTP/")) {
            return false;
        }
        int dot = version.indexOf('.', 5);
        if (dot < 0 || !isNumber(version.substring(5, dot)) || !isNumber(version.substring(dot + 1))) {
            return false;
        }
        int major = Integer.parseInt(version.substring(5, dot));
        int minor = Integer.parseInt(version.substring(dot + 1));
        return major > 1 || (major == 1 && minor >= 1);
    }

    /** One to three ASCII digits: versions are single digits, and this keeps parseInt in range. */
    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() <= 3 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String exactlyOne(HttpHeaders headers, String name) throws RemoteProtocolError {
        List<String> values = headers.all(name);
        if (values.isEmpty()) {
            throw reject(400, "the request has no " + name + " header");
        }
        if (values.size() > 1) {
            throw reject(400, "the request has " + values.size() + " " + name + " headers; exactly one is allowed");
        }
        return values.get(0);
    }

    /** The bytes after the head are frames; a body would be read as frames, so refuse it. */
    private static void checkNoBody(HttpHeaders headers) throws RemoteProtocolError {
        if (headers.contains("Transfer-Encoding")) {
            throw reject(400, "a WebSocket handshake request must not have a body (Transfer-Encoding: "
                    + quote(headers.first("Transfer-Encoding")) + ")");
        }
        for (String length : headers.tokens("Content-Length")) {
            if (!length.chars().allMatch(c -> c == '0')) {
                throw reject(400, "a WebSocket handshake request must not have a body (Content-Length: "
                        + quote(length) + ")");
            }
        }
    }

    private static void checkUpgrade(HttpHeaders headers) throws RemoteProtocolError {
        if (!headers.hasToken("Upgrade", "websocket")) {
            throw reject(400, headers.contains("Upgrade")
                    ? "the Upgrade header " + quote(String.join(", ", headers.all("Upgrade"))) + " does not name websocket"
                    : "the request has no Upgrade header; a WebSocket handshake needs 'Upgrade: websocket'");
        }
        if (!headers.hasToken("Connection", "upgrade")) {
            throw reject(400, headers.contains("Connection")
                    ? "the Connection header " + quote(String.join(", ", headers.all("Connection")))
                            + " does not include upgrade"
                    : "the request has no Connection header; a WebSocket handshake needs 'Connection: Upgrade'");
        }
    }

    private static void checkKey(HttpHeaders headers) throws RemoteProtocolError {
        String key = exactlyOne(headers, "Sec-WebSocket-Key");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            throw reject(400, "Sec-WebSocket-Key " + quote(key) + " is not valid base64");
        }
        if (decoded.length != KEY_BYTES) {
            throw reject(400, "Sec-WebSocket-Key " + quote(key) + " decodes to " + decoded.length
                    + " bytes; it must be " + KEY_BYTES);
        }
        // Java's decoder accepts missing padding and stray low bits; a key is always the canonical form.
        if (!Base64.getEncoder().encodeToString(decoded).equals(key)) {
            throw reject(400, "Sec-WebSocket-Key " + quote(key) + " is not in canonical base64 (24 characters, '==' padding)");
        }
    }
}
