package dev.freeway.engine;

import static dev.freeway.engine.HandshakeErrors.fail;
import static dev.freeway.engine.HandshakeErrors.quote;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * The client side of one WebSocket opening handshake attempt (RFC 6455 sections 4.1 and 4.2.2):
 * writes the request for a {@link Request} with a fresh random key, then checks the server's
 * response against it.
 *
 * <p>A response other than 101 is not an error here: it becomes a {@link RejectConnection} the
 * application may look at (a redirect, a 401 ...). A 101 that breaks the protocol is a
 * {@link RemoteProtocolError} with close code 1002 and a message that names the fault. Immutable
 * once built.
 */
public final class ClientHandshake {
    private static final int KEY_BYTES = 16;
    /** Fields the handshake writes itself; extra headers may not repeat or override them. */
    private static final Set<String> OWN_REQUEST_FIELDS = Set.of("host", "upgrade", "connection",
            "sec-websocket-key", "sec-websocket-version", "sec-websocket-protocol", "sec-websocket-extensions",
            "sec-websocket-accept", "content-length", "transfer-encoding");

    private final Request request;
    private final String key;
    private final HttpHeaders requestHeaders;

    /**
     * A handshake for {@code request} with a key from a new {@link SecureRandom}. A client that
     * opens many connections may prefer to share one generator through
     * {@link #ClientHandshake(Request, Random)}.
     */
    public ClientHandshake(Request request) {
        this(request, new SecureRandom());
    }

    /**
     * A handshake for {@code request} whose key comes from {@code random} (RFC 6455 asks for a
     * nonce that is unpredictable: use a {@link SecureRandom} outside tests). Reads the request's
     * host, target, subprotocols, extensions and headers (sent as extra fields).
     *
     * @throws IllegalArgumentException when the host is missing, the target is not visible ASCII,
     *                                  a subprotocol or extension name is not a token, a
     *                                  subprotocol is offered twice, or an extra header would
     *                                  repeat a field the handshake writes
     */
    public ClientHandshake(Request request, Random random) {
        this.request = Objects.requireNonNull(request, "request");
        Objects.requireNonNull(random, "random");
        checkRequest(request);
        byte[] nonce = new byte[KEY_BYTES];
        random.nextBytes(nonce);
        this.key = Base64.getEncoder().encodeToString(nonce);
        this.requestHeaders = buildHeaders(request, key);
    }

    /** The request this handshake was built from. */
    public Request request() {
        return request;
    }

    /** The {@code Sec-WebSocket-Key} sent: 16 random bytes, base64-encoded. */
    public String key() {
        return key;
    }

    /** The {@code Sec-WebSocket-Accept} value a server must answer with. */
    public String expectedAccept() {
        return ServerHandshake.acceptValue(key);
    }

    /** Every header field of the request, in the order sent, Host first. */
    public HttpHeaders requestHeaders() {
        return requestHeaders;
    }

    /** The whole request, {@code GET target HTTP/1.1} and its fields, as ISO-8859-1 bytes. */
    public byte[] requestBytes() {
        return HttpHeadWriter.write("GET " + request.target() + " HTTP/1.1", requestHeaders);
    }

    /**
     * Checks the server's response head.
     *
     * <p>For a status other than 101, returns a {@link RejectConnection} whose
     * {@link RejectConnection#hasBody() hasBody} follows RFC 9112 section 6.3: false for 204 and
     * 304 and for {@code Content-Length: 0}; true for a positive Content-Length, for any
     * Transfer-Encoding, and when neither is present (the body then runs to the end of the
     * connection and may turn out empty).
     *
     * @return an {@link AcceptConnection} (with the chosen subprotocol, the accepted extensions
     *         and every response field) or a {@link RejectConnection}
     * @throws RemoteProtocolError when a 101 breaks RFC 6455, or a rejection's Content-Length is
     *                             invalid
     * @throws LocalProtocolError  for an interim response (see {@link HttpResponseHead#isInterim()}),
     *                             which the caller must skip
     */
    public Event validate(HttpResponseHead response) throws RemoteProtocolError {
        if (response.isInterim()) {
            throw new LocalProtocolError("interim response " + response.status() + " must be skipped, not validated");
        }
        if (response.status() != 101) {
            return new RejectConnection(response.status(), response.headers(), hasBody(response));
        }
        HttpHeaders headers = response.headers();
        checkUpgrade(headers);
        checkAccept(headers);
        return new AcceptConnection(subprotocol(headers), extensions(headers), headers);
    }

    private static void checkRequest(Request request) {
        if (request.host() == null || request.host().isEmpty()) {
            throw new IllegalArgumentException("a client request needs a host");
        }
        String target = request.target();
        if (target.isEmpty() || !target.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException("request target '" + target
                    + "' must be non-empty visible ASCII (percent-encode the rest)");
        }
        List<String> seen = new ArrayList<>();
        for (String p : request.subprotocols()) {
            if (!ExtensionHeader.isToken(p)) {
                throw new IllegalArgumentException("subprotocol '" + p + "' is not a token");
            }
            if (seen.contains(p)) {
                throw new IllegalArgumentException("subprotocol '" + p + "' is offered twice");
            }
            seen.add(p);
        }
        for (ExtensionOffer e : request.extensions()) {
            if (!ExtensionHeader.isToken(e.name())) {
                throw new IllegalArgumentException("extension name '" + e.name() + "' is not a token");
            }
            // RFC 6455 section 9.1: even a quoted parameter value must be a token once unquoted.
            for (Map.Entry<String, String> p : e.parameters().entrySet()) {
                if (!ExtensionHeader.isToken(p.getKey()) || (p.getValue() != null && !ExtensionHeader.isToken(p.getValue()))) {
                    throw new IllegalArgumentException("extension '" + e.name() + "' parameter '" + p.getKey()
                            + "' must be a token with a token value");
                }
            }
        }
        for (HttpHeaders.Field f : request.headers().fields()) {
            if (OWN_REQUEST_FIELDS.contains(f.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header '" + f.name()
                        + "' is written by the handshake and cannot be overridden");
            }
        }
    }

    private static HttpHeaders buildHeaders(Request request, String key) {
        HttpHeaders.Builder b = HttpHeaders.builder()
                .add("Host", request.host())
                .add("Upgrade", "websocket")
                .add("Connection", "Upgrade")
                .add("Sec-WebSocket-Key", key)
                .add("Sec-WebSocket-Version", ServerHandshake.VERSION);
        if (!request.subprotocols().isEmpty()) {
            b.add("Sec-WebSocket-Protocol", String.join(", ", request.subprotocols()));
        }
        if (!request.extensions().isEmpty()) {
            b.add("Sec-WebSocket-Extensions", ExtensionOffer.toHeaderValue(request.extensions()));
        }
        return b.addAll(request.headers()).build();
    }

    private static boolean hasBody(HttpResponseHead response) throws RemoteProtocolError {
        int status = response.status();
        if (status == 204 || status == 304) {
            return false;
        }
        if (response.headers().contains("Transfer-Encoding")) {
            return true;
        }
        return contentLength(response) != 0;
    }

    /**
     * The response's Content-Length, or -1 when it has none. Repeated identical values are
     * allowed (RFC 9112 section 6.3); anything else cannot be framed and fails the handshake.
     */
    static long contentLength(HttpResponseHead response) throws RemoteProtocolError {
        HttpHeaders headers = response.headers();
        List<String> values = headers.all("Content-Length");
        if (values.isEmpty()) {
            return -1;
        }
        String first = null;
        for (String value : values) {
            for (String element : value.split(",", -1)) {
                String length = element.trim();
                boolean digits = !length.isEmpty() && length.chars().allMatch(c -> c >= '0' && c <= '9');
                if (!digits || (first != null && !length.equals(first))) {
                    throw invalidLength(response);
                }
                first = length;
            }
        }
        try {
            return Long.parseLong(first);
        } catch (NumberFormatException e) {
            throw invalidLength(response); // more digits than a long holds
        }
    }

    private static RemoteProtocolError invalidLength(HttpResponseHead response) {
        return fail("server's " + response.status() + " response has an invalid Content-Length "
                + quote(String.join(", ", response.headers().all("Content-Length"))));
    }

    private static void checkUpgrade(HttpHeaders headers) throws RemoteProtocolError {
        if (!headers.hasToken("Upgrade", "websocket")) {
            throw fail(headers.contains("Upgrade")
                    ? "server's Upgrade header " + quote(String.join(", ", headers.all("Upgrade"))) + " does not name websocket"
                    : "server's 101 response has no Upgrade header");
        }
        if (!headers.hasToken("Connection", "upgrade")) {
            throw fail(headers.contains("Connection")
                    ? "server's Connection header " + quote(String.join(", ", headers.all("Connection")))
                            + " does not include upgrade"
                    : "server's 101 response has no Connection header");
        }
    }

    private void checkAccept(HttpHeaders headers) throws RemoteProtocolError {
        List<String> accepts = headers.all("Sec-WebSocket-Accept");
        if (accepts.isEmpty()) {
            throw fail("server's 101 response has no Sec-WebSocket-Accept header");
        }
        if (accepts.size() > 1) {
            throw fail("server sent " + accepts.size() + " Sec-WebSocket-Accept headers; exactly one is allowed");
        }
        String expected = expectedAccept();
        if (!expected.equals(accepts.get(0))) {
            throw fail("server's Sec-WebSocket-Accept " + quote(accepts.get(0)) + " does not match the key; expected '"
                    + expected + "'");
        }
    }

    private String subprotocol(HttpHeaders headers) throws RemoteProtocolError {
        List<String> values = headers.all("Sec-WebSocket-Protocol");
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw fail("server sent " + values.size() + " Sec-WebSocket-Protocol headers; at most one is allowed");
        }
        String chosen = values.get(0);
        if (!ExtensionHeader.isToken(chosen)) {
            throw fail("server's Sec-WebSocket-Protocol " + quote(chosen) + " must name exactly one subprotocol");
        }
        if (!request.subprotocols().contains(chosen)) {
            throw fail("server chose subprotocol " + quote(chosen) + ", which the client did not offer (offered: "
                    + request.subprotocols() + ")");
        }
        return chosen;
    }

    private List<ExtensionOffer> extensions(HttpHeaders headers) throws RemoteProtocolError {
        List<ExtensionOffer> accepted;
        try {
            accepted = ExtensionHeader.parse(headers.all("Sec-WebSocket-Extensions"));
        } catch (IllegalArgumentException e) {
            throw fail("server's " + e.getMessage());
        }
        List<String> seen = new ArrayList<>();
        for (ExtensionOffer e : accepted) {
            String name = e.name().toLowerCase(Locale.ROOT);
            if (request.extensions().stream().noneMatch(o -> o.name().equalsIgnoreCase(e.name()))) {
                throw fail("server accepted extension " + quote(e.name()) + ", which the client did not offer");
            }
            if (seen.contains(name)) {
                throw fail("server accepted extension " + quote(e.name()) + " twice");
            }
            seen.add(name);
        }
        return accepted;
    }
}
