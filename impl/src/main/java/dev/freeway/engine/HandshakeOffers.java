package dev.freeway.engine;

import static dev.freeway.engine.HandshakeErrors.printable;
import static dev.freeway.engine.HandshakeErrors.quote;
import static dev.freeway.engine.HandshakeErrors.reject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the server sides of both opening handshakes (RFC 6455 over HTTP/1.1, RFC 8441 over
 * HTTP/2) share: reading the version, the offered subprotocols and extensions from the request,
 * checking the server's choice against them, and writing the negotiated fields of the response.
 * Kept in one place so that negotiation behaves the same whichever HTTP version carries it.
 */
final class HandshakeOffers {
    private HandshakeOffers() {
    }

    /**
     * Refuses anything but exactly one {@code Sec-WebSocket-Version: 13} with {@code status},
     * naming the version spoken (RFC 6455 section 4.4); {@code extraHeaders} go with the refusal.
     */
    static void checkVersion(HttpHeaders headers, int status, String... extraHeaders) throws RemoteProtocolError {
        List<String> versions = headers.all("Sec-WebSocket-Version");
        if (versions.size() != 1 || !ServerHandshake.VERSION.equals(versions.get(0))) {
            String what = versions.isEmpty()
                    ? "the request has no Sec-WebSocket-Version header"
                    : "Sec-WebSocket-Version " + printable(String.join(", ", versions)) + " is not supported";
            String[] fields = new String[extraHeaders.length + 2];
            fields[0] = "Sec-WebSocket-Version";
            fields[1] = ServerHandshake.VERSION;
            System.arraycopy(extraHeaders, 0, fields, 2, extraHeaders.length);
            throw reject(status, what + "; this server speaks " + ServerHandshake.VERSION, fields);
        }
    }

    /** The offered subprotocols in the client's order; each a token, none twice. */
    static List<String> subprotocols(HttpHeaders headers) throws RemoteProtocolError {
        List<String> out = new ArrayList<>();
        for (String p : headers.tokens("Sec-WebSocket-Protocol")) {
            if (!ExtensionHeader.isToken(p)) {
                throw reject(400, "Sec-WebSocket-Protocol element " + quote(p) + " is not a token");
            }
            if (out.contains(p)) {
                throw reject(400, "Sec-WebSocket-Protocol offers " + quote(p) + " twice");
            }
            out.add(p);
        }
        return out;
    }

    /** The offered extensions, in order. */
    static List<ExtensionOffer> extensions(HttpHeaders headers) throws RemoteProtocolError {
        try {
            return ExtensionHeader.parseOffers(headers.all("Sec-WebSocket-Extensions"));
        } catch (IllegalArgumentException e) {
            throw reject(400, e.getMessage());
        }
    }

    /**
     * Checks that {@code accept} chooses only what {@code request} offered, accepts no extension
     * twice, and adds none of {@code ownFields} (lower case), which the handshake writes itself.
     */
    static void checkChoice(Request request, AcceptConnection accept, Set<String> ownFields) {
        String chosen = accept.subprotocol();
        if (chosen != null && !request.subprotocols().contains(chosen)) {
            throw new LocalProtocolError("subprotocol '" + chosen + "' was not offered by the client (offered: "
                    + request.subprotocols() + ")");
        }
        List<String> accepted = new ArrayList<>();
        for (ExtensionOffer e : accept.extensions()) {
            String name = e.name().toLowerCase(Locale.ROOT);
            if (request.extensions().stream().noneMatch(o -> o.name().equalsIgnoreCase(e.name()))) {
                throw new LocalProtocolError("extension '" + e.name() + "' was not offered by the client");
            }
            if (accepted.contains(name)) {
                throw new LocalProtocolError("extension '" + e.name() + "' is accepted twice");
            }
            accepted.add(name);
        }
        for (HttpHeaders.Field f : accept.headers().fields()) {
            if (ownFields.contains(f.name().toLowerCase(Locale.ROOT))) {
                throw new LocalProtocolError("header '" + f.name()
                        + "' is written by the handshake; it cannot be an extra header of AcceptConnection");
            }
        }
    }

    /**
     * Adds the chosen subprotocol and extensions, then {@code accept}'s own headers; call after
     * {@link #checkChoice}.
     */
    static HttpHeaders negotiated(HttpHeaders.Builder b, AcceptConnection accept) {
        if (accept.subprotocol() != null) {
            b.add("Sec-WebSocket-Protocol", accept.subprotocol());
        }
        if (!accept.extensions().isEmpty()) {
            b.add("Sec-WebSocket-Extensions", ExtensionOffer.toHeaderValue(accept.extensions()));
        }
        return b.addAll(accept.headers()).build();
    }
}
