package dev.freeway.container.server;

import dev.freeway.engine.ExtensionHeader;
import dev.freeway.engine.ExtensionOffer;
import dev.freeway.engine.HttpHeaders;
import dev.freeway.engine.Request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The handshake response around {@code modifyHandshake}: filled with what the negotiation
 * decided before the call (the javadoc of {@code modifyHandshake}: the container "has ...
 * filled out the negotiated subprotocols and extensions"), read back after it.
 *
 * <p>Reading back, the configurator's changes count where the engine can honour them: it may
 * remove or replace the subprotocol (with one the client offered), remove extensions, and add any
 * other header. It may not alter {@code Sec-WebSocket-Accept}, add or change extensions (Freeway
 * runs only what it negotiated), or set the framing fields {@code Upgrade}, {@code Connection},
 * {@code Content-Length} and {@code Transfer-Encoding} to anything but what the handshake writes
 * anyway. Each of those is a programming error reported with what was set.
 */
final class NegotiatedResponse {
    static final String ACCEPT = "Sec-WebSocket-Accept";
    static final String PROTOCOL = "Sec-WebSocket-Protocol";
    static final String EXTENSIONS = "Sec-WebSocket-Extensions";
    private static final Set<String> FRAMING = Set.of("upgrade", "connection", "content-length", "transfer-encoding");

    private NegotiatedResponse() {
    }

    /**
     * What the configurator left: the subprotocol ({@code null} for none), the extensions, and
     * the extra header fields.
     */
    record Result(String subprotocol, List<ExtensionOffer> extensions, HttpHeaders extraHeaders) {
    }

    /** A response holding the negotiated fields; values are mutable lists, as a configurator may add to them. */
    static FreewayHandshakeResponse prefilled(String acceptValue, String subprotocol, List<ExtensionOffer> extensions) {
        FreewayHandshakeResponse response = new FreewayHandshakeResponse();
        Map<String, List<String>> h = response.getHeaders();
        if (acceptValue != null) {
            h.put(ACCEPT, new ArrayList<>(List.of(acceptValue)));
        }
        if (subprotocol != null) {
            h.put(PROTOCOL, new ArrayList<>(List.of(subprotocol)));
        }
        if (!extensions.isEmpty()) {
            h.put(EXTENSIONS, new ArrayList<>(List.of(ExtensionOffer.toHeaderValue(extensions))));
        }
        return response;
    }

    /**
     * Reads the response back after {@code modifyHandshake}.
     *
     * @throws IllegalStateException saying which header was set to what, and why that cannot be
     */
    static Result read(FreewayHandshakeResponse response, Request request, String acceptValue,
                       List<ExtensionOffer> agreed) {
        String subprotocol = null;
        List<ExtensionOffer> extensions = List.of();
        HttpHeaders.Builder extra = HttpHeaders.builder();
        for (Map.Entry<String, List<String>> e : response.getHeaders().entrySet()) {
            String name = e.getKey();
            List<String> values = e.getValue() == null ? List.of() : e.getValue();
            switch (name.toLowerCase(Locale.ROOT)) {
                case "sec-websocket-accept" -> checkAccept(values, acceptValue);
                case "sec-websocket-protocol" -> subprotocol = subprotocol(values, request);
                case "sec-websocket-extensions" -> extensions = extensions(values, agreed);
                default -> {
                    if (FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
                        checkFraming(name, values);
                    } else {
                        addExtra(extra, name, values);
                    }
                }
            }
        }
        return new Result(subprotocol, extensions, extra.build());
    }

    private static void checkAccept(List<String> values, String acceptValue) {
        if (!values.isEmpty() && (acceptValue == null || !values.equals(List.of(acceptValue)))) {
            throw new IllegalStateException("it set " + ACCEPT + " to " + values
                    + ", but the handshake computes that header from Sec-WebSocket-Key; leave it as it is");
        }
    }

    private static String subprotocol(List<String> values, Request request) {
        List<String> named = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.trim().isEmpty()) {
                named.add(v.trim());
            }
        }
        if (named.isEmpty()) {
            return null;
        }
        if (named.size() > 1 || named.get(0).indexOf(',') >= 0) {
            throw new IllegalStateException("it set " + PROTOCOL + " to " + named + ", but a server chooses exactly one "
                    + "subprotocol (RFC 6455 section 4.2.2)");
        }
        String chosen = named.get(0);
        if (!request.subprotocols().contains(chosen)) {
            throw new IllegalStateException("it set " + PROTOCOL + " to '" + chosen + "', which the client did not offer "
                    + "(offered: " + request.subprotocols() + ")");
        }
        return chosen;
    }

    private static List<ExtensionOffer> extensions(List<String> values, List<ExtensionOffer> agreed) {
        List<String> present = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.trim().isEmpty()) {
                present.add(v);
            }
        }
        if (present.isEmpty()) {
            return List.of();
        }
        List<ExtensionOffer> parsed;
        try {
            parsed = ExtensionHeader.parse(present);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("it set " + EXTENSIONS + " to " + present + ", which is not valid: "
                    + e.getMessage());
        }
        List<ExtensionOffer> kept = new ArrayList<>();
        for (ExtensionOffer e : parsed) {
            if (!agreed.contains(e) || kept.contains(e)) {
                throw new IllegalStateException("it set " + EXTENSIONS + " to " + present + ", but Freeway runs only "
                        + "the extensions it negotiated ('" + ExtensionOffer.toHeaderValue(agreed)
                        + "'); a configurator may remove them, not add or change them");
            }
            kept.add(e);
        }
        return List.copyOf(kept);
    }

    /** Tolerates only what the handshake writes anyway, so that a harmless duplicate is no error. */
    private static void checkFraming(String name, List<String> values) {
        for (String v : values) {
            boolean harmless = v != null && (name.equalsIgnoreCase("Upgrade") && v.trim().equalsIgnoreCase("websocket")
                    || name.equalsIgnoreCase("Connection") && v.trim().equalsIgnoreCase("upgrade"));
            if (!harmless) {
                throw new IllegalStateException("it set '" + name + ": " + v
                        + "', a header the WebSocket handshake writes itself; remove it");
            }
        }
    }

    private static void addExtra(HttpHeaders.Builder extra, String name, List<String> values) {
        for (String v : values) {
            try {
                extra.add(name, v);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("it set an invalid header: " + e.getMessage());
            }
        }
    }
}
