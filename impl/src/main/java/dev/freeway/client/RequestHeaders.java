package dev.freeway.client;

import dev.freeway.engine.ExtensionHeader;
import dev.freeway.engine.ExtensionOffer;
import dev.freeway.engine.HttpHeaders;
import dev.freeway.engine.Request;
import jakarta.websocket.DeploymentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The handshake request's headers as {@code ClientEndpointConfig.Configurator.beforeRequest}
 * sees and changes them, and the engine {@link Request} made from what it left.
 *
 * <p>The map starts with the fields the handshake will send (Host, Upgrade, Connection,
 * Sec-WebSocket-Version, and the offered Sec-WebSocket-Protocol and Sec-WebSocket-Extensions);
 * {@code Sec-WebSocket-Key} is not there, as the engine makes a fresh one. Afterwards, changed
 * subprotocol and extension headers change the offer; Host, Upgrade, Connection and the version
 * are the handshake's own and changes to them are ignored; every other field is sent as given.
 */
final class RequestHeaders {
    private static final System.Logger LOG = System.getLogger(RequestHeaders.class.getName());
    private static final String PROTOCOL = "Sec-WebSocket-Protocol";
    private static final String EXTENSIONS = "Sec-WebSocket-Extensions";
    /** Fields written by the engine, never taken from the map. */
    private static final Set<String> OWN = Set.of("host", "upgrade", "connection", "sec-websocket-key",
            "sec-websocket-version", "sec-websocket-accept", "content-length", "transfer-encoding");

    private RequestHeaders() {
    }

    /** A mutable, case-insensitive map of what the handshake would send. */
    static Map<String, List<String>> initial(ClientUri uri, List<String> subprotocols, List<ExtensionOffer> offers) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.put("Host", new ArrayList<>(List.of(uri.hostHeader())));
        h.put("Upgrade", new ArrayList<>(List.of("websocket")));
        h.put("Connection", new ArrayList<>(List.of("Upgrade")));
        h.put("Sec-WebSocket-Version", new ArrayList<>(List.of("13")));
        if (!subprotocols.isEmpty()) {
            h.put(PROTOCOL, new ArrayList<>(List.of(String.join(", ", subprotocols))));
        }
        if (!offers.isEmpty()) {
            h.put(EXTENSIONS, new ArrayList<>(List.of(ExtensionOffer.toHeaderValue(offers))));
        }
        return h;
    }

    /**
     * The request to send after the configurator had its say.
     *
     * @throws DeploymentException when a header the configurator left cannot be sent
     */
    static Request toRequest(ClientUri uri, Map<String, List<String>> headers) throws DeploymentException {
        List<String> subprotocols = new ArrayList<>();
        List<String> extensionValues = new ArrayList<>();
        HttpHeaders.Builder extra = HttpHeaders.builder();
        try {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                String name = e.getKey();
                List<String> values = e.getValue() == null ? List.of() : e.getValue();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.equals("sec-websocket-protocol")) {
                    for (String v : values) {
                        for (String p : v.split(",")) {
                            if (!p.isBlank()) {
                                subprotocols.add(p.trim());
                            }
                        }
                    }
                } else if (lower.equals("sec-websocket-extensions")) {
                    extensionValues.addAll(values);
                } else if (OWN.contains(lower)) {
                    LOG.log(System.Logger.Level.DEBUG, "header {0} is written by the handshake; the configurator's value is ignored",
                            name);
                } else {
                    for (String v : values) {
                        extra.add(name, v);
                    }
                }
            }
            List<ExtensionOffer> extensions = ExtensionHeader.parse(extensionValues);
            return new Request(uri.hostHeader(), uri.target(), extra.build(), subprotocols, extensions);
        } catch (IllegalArgumentException e) {
            throw new DeploymentException("the handshake request cannot be sent: " + e.getMessage(), e);
        }
    }
}
