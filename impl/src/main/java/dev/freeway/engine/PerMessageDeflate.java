package dev.freeway.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Negotiation of permessage-deflate, RFC 7692 section 7.1: the server's choice among a client's
 * offers and the client's offer and check of the server's response.
 *
 * <p>What {@code java.util.zip} cannot do is declined rather than done wrong:
 * <ul>
 *   <li>{@link java.util.zip.Deflater} always compresses with a 32 KiB window (15 bits). A server
 *       therefore declines any offer with {@code server_max_window_bits} below 15, and a client
 *       fails the handshake when a response sets {@code client_max_window_bits} below 15 (which
 *       a conforming server can only do if the client offered that parameter; {@link #offer}
 *       never does).</li>
 *   <li>{@link java.util.zip.Inflater} inflates data compressed with any window, so the window
 *       the peer compresses with never needs limiting: a server accepts
 *       {@code client_max_window_bits} in an offer and leaves it out of its response (RFC 7692
 *       section 7.1.2.2 makes that a choice of the server), and a client accepts any
 *       {@code server_max_window_bits} of 8-15.</li>
 * </ul>
 *
 * <p>A repeated parameter must make a server decline the offer (RFC 7692 section 7.1);
 * {@link ExtensionOffer} cannot hold one, so {@link ExtensionHeader#parse} is where it is caught.
 */
public final class PerMessageDeflate {
    /** The extension token. */
    public static final String EXTENSION_NAME = "permessage-deflate";
    public static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";
    public static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";
    public static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";
    public static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";

    private static final int ABSENT = 0;

    private PerMessageDeflate() {
    }

    /**
     * What a server agreed to: the element to put in its {@code Sec-WebSocket-Extensions}
     * response and the parameters the connection then runs with.
     *
     * @param response   the response element, e.g. {@code permessage-deflate; client_no_context_takeover}
     * @param parameters the agreed parameters
     */
    public record Negotiated(ExtensionOffer response, DeflateParameters parameters) {
        public Negotiated {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(parameters, "parameters");
        }
    }

    /** Whether {@code extension} is a permessage-deflate element (offer or response). */
    public static boolean isPerMessageDeflate(ExtensionOffer extension) {
        return EXTENSION_NAME.equals(extension.name());
    }

    /**
     * Server side: accepts the first permessage-deflate offer in {@code offers} (the client's
     * order of preference) that is valid and that we can honour, declining the others. The
     * response carries {@code server_no_context_takeover} when the client asked for it or
     * {@link DeflateSettings#noContextTakeover()} is set; {@code client_no_context_takeover} when
     * the client offered it or {@link DeflateSettings#requestPeerNoContextTakeover()} is set
     * (RFC 7692 sections 7.1.1.1 and 7.1.1.2 allow both without an offer);
     * {@code server_max_window_bits=15} when the offer had {@code server_max_window_bits=15}; never
     * {@code client_max_window_bits}.
     *
     * @param offers   the client's {@code Sec-WebSocket-Extensions} elements, of any extension
     * @param settings what this server allows
     * @return the response and parameters, or empty when compression is disabled or no offer is
     *         acceptable (the connection then runs uncompressed)
     */
    public static Optional<Negotiated> negotiate(List<ExtensionOffer> offers, DeflateSettings settings) {
        Objects.requireNonNull(offers, "offers");
        if (!settings.enabled()) {
            return Optional.empty();
        }
        for (ExtensionOffer offer : offers) {
            if (isPerMessageDeflate(offer) && declineReason(offer) == null) {
                return Optional.of(respond(Parsed.of(offer, false), settings));
            }
        }
        return Optional.empty();
    }

    /**
     * Why a server declines {@code offer}, or {@code null} when it can accept it. The reason names
     * the parameter and the rule, for logs.
     */
    static String declineReason(ExtensionOffer offer) {
        if (!isPerMessageDeflate(offer)) {
            return "not " + EXTENSION_NAME;
        }
        Parsed parsed;
        try {
            parsed = Parsed.of(offer, false);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (parsed.serverMaxWindowBits != ABSENT && parsed.serverMaxWindowBits < DeflateParameters.MAX_WINDOW_BITS) {
            return SERVER_MAX_WINDOW_BITS + "=" + parsed.serverMaxWindowBits
                    + " cannot be honoured: java.util.zip compresses only with a 32 KiB window (15 bits)";
        }
        return null;
    }

    private static Negotiated respond(Parsed offer, DeflateSettings settings) {
        boolean serverNoContextTakeover = offer.serverNoContextTakeover || settings.noContextTakeover();
        boolean clientNoContextTakeover = offer.clientNoContextTakeover || settings.requestPeerNoContextTakeover();
        Map<String, String> params = new LinkedHashMap<>();
        if (serverNoContextTakeover) {
            params.put(SERVER_NO_CONTEXT_TAKEOVER, null);
        }
        if (clientNoContextTakeover) {
            params.put(CLIENT_NO_CONTEXT_TAKEOVER, null);
        }
        // Accepting server_max_window_bits obliges us to answer with it (RFC 7692 7.1.2.1).
        if (offer.serverMaxWindowBits != ABSENT) {
            params.put(SERVER_MAX_WINDOW_BITS, Integer.toString(DeflateParameters.MAX_WINDOW_BITS));
        }
        DeflateParameters agreed = new DeflateParameters(serverNoContextTakeover, clientNoContextTakeover,
                DeflateParameters.MAX_WINDOW_BITS, DeflateParameters.MAX_WINDOW_BITS);
        return new Negotiated(new ExtensionOffer(EXTENSION_NAME, params), agreed);
    }

    /**
     * Client side: the offer to send, or empty when compression is disabled. It never carries
     * {@code client_max_window_bits}, which would let the server ask for a window
     * {@link java.util.zip.Deflater} cannot use; it carries {@code client_no_context_takeover}
     * under {@link DeflateSettings#noContextTakeover()} and {@code server_no_context_takeover}
     * under {@link DeflateSettings#requestPeerNoContextTakeover()}.
     */
    public static Optional<ExtensionOffer> offer(DeflateSettings settings) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (settings.noContextTakeover()) {
            params.put(CLIENT_NO_CONTEXT_TAKEOVER, null);
        }
        if (settings.requestPeerNoContextTakeover()) {
            params.put(SERVER_NO_CONTEXT_TAKEOVER, null);
        }
        return Optional.of(new ExtensionOffer(EXTENSION_NAME, params));
    }

    /**
     * Client side: checks the server's permessage-deflate response against what we offered
     * (RFC 7692 section 7.1) and returns the parameters to run with.
     *
     * <p>The client compresses every message afresh when either the response or our own offer
     * has {@code client_no_context_takeover}: a compressor may always drop its context, and we
     * said we would. A response without {@code server_no_context_takeover} that we asked for is
     * accepted: the server then keeps its context and so does our decompressor.
     *
     * @param response the server's permessage-deflate element
     * @param offered  the permessage-deflate offer we sent
     * @throws IllegalArgumentException naming the parameter and the rule, when the response is not
     *                                  permessage-deflate, has an unknown parameter, a value where
     *                                  none is allowed or none where one is required, a window
     *                                  size that is not 8-15 or exceeds what we offered,
     *                                  {@code client_max_window_bits} we did not offer, or
     *                                  {@code client_max_window_bits} below 15; the connection
     *                                  must then fail
     */
    public static DeflateParameters accept(ExtensionOffer response, ExtensionOffer offered) {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(offered, "offered");
        if (!isPerMessageDeflate(response)) {
            throw new IllegalArgumentException("response '" + response.toHeaderValue() + "' is not " + EXTENSION_NAME);
        }
        Parsed ours = Parsed.of(offered, false);
        Parsed theirs = Parsed.of(response, true);
        String where = "response '" + response.toHeaderValue() + "': ";
        if (theirs.serverMaxWindowBits != ABSENT && ours.serverMaxWindowBits != ABSENT
                && theirs.serverMaxWindowBits > ours.serverMaxWindowBits) {
            throw new IllegalArgumentException(where + SERVER_MAX_WINDOW_BITS + "=" + theirs.serverMaxWindowBits
                    + " exceeds the offered " + ours.serverMaxWindowBits);
        }
        if (theirs.clientMaxWindowBits != ABSENT) {
            if (!ours.clientMaxWindowBitsOffered) {
                throw new IllegalArgumentException(where + CLIENT_MAX_WINDOW_BITS
                        + " was not offered (RFC 7692 section 7.1.2.2)");
            }
            if (ours.clientMaxWindowBits != ABSENT && theirs.clientMaxWindowBits > ours.clientMaxWindowBits) {
                throw new IllegalArgumentException(where + CLIENT_MAX_WINDOW_BITS + "=" + theirs.clientMaxWindowBits
                        + " exceeds the offered " + ours.clientMaxWindowBits);
            }
            if (theirs.clientMaxWindowBits < DeflateParameters.MAX_WINDOW_BITS) {
                throw new IllegalArgumentException(where + CLIENT_MAX_WINDOW_BITS + "=" + theirs.clientMaxWindowBits
                        + " cannot be honoured: java.util.zip compresses only with a 32 KiB window (15 bits)");
            }
        }
        return new DeflateParameters(
                theirs.serverNoContextTakeover,
                theirs.clientNoContextTakeover || ours.clientNoContextTakeover,
                orMax(theirs.serverMaxWindowBits),
                orMax(theirs.clientMaxWindowBits));
    }

    /**
     * The parameters a connection runs with once {@code response} was agreed, for a connection
     * whose handshake was done elsewhere (a server that sent {@link Negotiated#response()}, or a
     * client that already checked the response with {@link #accept}).
     *
     * @throws IllegalArgumentException when {@code response} is not a valid permessage-deflate
     *                                  response
     */
    public static DeflateParameters agreed(ExtensionOffer response) {
        if (!isPerMessageDeflate(response)) {
            throw new IllegalArgumentException("'" + response.toHeaderValue() + "' is not " + EXTENSION_NAME);
        }
        Parsed p = Parsed.of(response, true);
        return new DeflateParameters(p.serverNoContextTakeover, p.clientNoContextTakeover,
                orMax(p.serverMaxWindowBits), orMax(p.clientMaxWindowBits));
    }

    private static int orMax(int windowBits) {
        return windowBits == ABSENT ? DeflateParameters.MAX_WINDOW_BITS : windowBits;
    }

    /** The parameters of one element, syntax-checked; window bits are {@link #ABSENT} or 8-15. */
    private static final class Parsed {
        boolean serverNoContextTakeover;
        boolean clientNoContextTakeover;
        int serverMaxWindowBits = ABSENT;
        boolean clientMaxWindowBitsOffered;
        int clientMaxWindowBits = ABSENT;

        /**
         * @param response whether {@code e} is a server's response, where
         *                 {@code client_max_window_bits} needs a value; in an offer it may be bare
         */
        static Parsed of(ExtensionOffer e, boolean response) {
            Parsed p = new Parsed();
            for (Map.Entry<String, String> param : e.parameters().entrySet()) {
                String name = param.getKey();
                String value = param.getValue();
                switch (name) {
                    case SERVER_NO_CONTEXT_TAKEOVER -> p.serverNoContextTakeover = flag(e, name, value);
                    case CLIENT_NO_CONTEXT_TAKEOVER -> p.clientNoContextTakeover = flag(e, name, value);
                    case SERVER_MAX_WINDOW_BITS -> p.serverMaxWindowBits = windowBits(e, name, value);
                    case CLIENT_MAX_WINDOW_BITS -> {
                        p.clientMaxWindowBitsOffered = true;
                        if (value != null || response) {
                            p.clientMaxWindowBits = windowBits(e, name, value);
                        }
                    }
                    default -> throw invalid(e, "unknown parameter '" + name + "'");
                }
            }
            return p;
        }

        private static boolean flag(ExtensionOffer e, String name, String value) {
            if (value != null) {
                throw invalid(e, name + " takes no value, got '" + value + "'");
            }
            return true;
        }

        /** RFC 7692 section 7.1.2: a decimal integer 8-15 without leading zeros. */
        private static int windowBits(ExtensionOffer e, String name, String value) {
            if (value == null) {
                throw invalid(e, name + " needs a value");
            }
            int bits = switch (value) {
                case "8" -> 8;
                case "9" -> 9;
                case "10" -> 10;
                case "11" -> 11;
                case "12" -> 12;
                case "13" -> 13;
                case "14" -> 14;
                case "15" -> 15;
                default -> ABSENT;
            };
            if (bits == ABSENT) {
                throw invalid(e, name + "='" + value + "' is not a whole number 8-15 without leading zeros");
            }
            return bits;
        }

        private static IllegalArgumentException invalid(ExtensionOffer e, String what) {
            return new IllegalArgumentException("'" + e.toHeaderValue() + "': " + what);
        }
    }
}
