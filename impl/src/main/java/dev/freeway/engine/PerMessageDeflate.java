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
 * <p>Windows (section 7.1.2): our compressor uses the smaller of what the peer allows and
 * {@link DeflateSettings#maxWindowBits()}; java.util.zip does 15 bits, JZlib the smaller ones
 * (see {@link Compressors}, also for why an 8-bit window is honoured with literals only). Without
 * JZlib ({@link DeflateSettings#smallWindows()} false) what java.util.zip cannot do is declined
 * rather than done wrong: a server declines an offer with {@code server_max_window_bits} below 15
 * (and logs why), and a client does not offer {@code client_max_window_bits}, so a response that
 * sets it fails the handshake. {@link java.util.zip.Inflater} inflates data compressed with any
 * window, so the window the peer compresses with never limits what we accept.
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

    private static final System.Logger LOG = System.getLogger(PerMessageDeflate.class.getName());
    private static final int ABSENT = DeflateElement.ABSENT;
    private static final int MAX = DeflateParameters.MAX_WINDOW_BITS;

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
     * response carries:
     * <ul>
     *   <li>{@code server_no_context_takeover} when the client asked for it or
     *       {@link DeflateSettings#noContextTakeover()} is set; {@code client_no_context_takeover}
     *       when the client offered it or {@link DeflateSettings#requestPeerNoContextTakeover()}
     *       is set (RFC 7692 sections 7.1.1.1 and 7.1.1.2 allow both without an offer);</li>
     *   <li>{@code server_max_window_bits} with the window we compress with, the smaller of the
     *       offer's and {@link DeflateSettings#maxWindowBits()}, when the offer had the parameter
     *       (section 7.1.2.1 then requires it) or that window is below 15;</li>
     *   <li>{@code client_max_window_bits} with the smaller of the offer's value (15 when bare)
     *       and {@link DeflateSettings#peerMaxWindowBits()}, when the offer had the parameter
     *       and it either had a value or ours is below 15 (section 7.1.2.2 allows it only when
     *       offered).</li>
     * </ul>
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
            if (!isPerMessageDeflate(offer)) {
                continue;
            }
            String reason = declineReason(offer, settings);
            if (reason == null) {
                return Optional.of(respond(DeflateElement.of(offer, false), settings));
            }
            LOG.log(System.Logger.Level.INFO, "permessage-deflate offer ''{0}'' declined: {1}",
                    offer.toHeaderValue(), reason);
        }
        return Optional.empty();
    }

    /**
     * Why a server with {@code settings} declines {@code offer}, or {@code null} when it can
     * accept it. The reason names the parameter and the rule, for logs.
     */
    static String declineReason(ExtensionOffer offer, DeflateSettings settings) {
        if (!isPerMessageDeflate(offer)) {
            return "not " + EXTENSION_NAME;
        }
        DeflateElement parsed;
        try {
            parsed = DeflateElement.of(offer, false);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (parsed.serverMaxWindowBits != ABSENT && parsed.serverMaxWindowBits < MAX && !settings.smallWindows()) {
            return SERVER_MAX_WINDOW_BITS + "=" + parsed.serverMaxWindowBits + " cannot be honoured: java.util.zip"
                    + " compresses only with a 32 KiB window (15 bits), and smaller ones need JZlib"
                    + " (com.jcraft:jzlib) on the class path";
        }
        return null;
    }

    private static Negotiated respond(DeflateElement offer, DeflateSettings settings) {
        boolean serverNoContextTakeover = offer.serverNoContextTakeover || settings.noContextTakeover();
        boolean clientNoContextTakeover = offer.clientNoContextTakeover || settings.requestPeerNoContextTakeover();
        Map<String, String> params = new LinkedHashMap<>();
        if (serverNoContextTakeover) {
            params.put(SERVER_NO_CONTEXT_TAKEOVER, null);
        }
        if (clientNoContextTakeover) {
            params.put(CLIENT_NO_CONTEXT_TAKEOVER, null);
        }
        int serverBits = Math.min(DeflateElement.orMax(offer.serverMaxWindowBits), settings.maxWindowBits());
        // Accepting server_max_window_bits obliges us to answer with it (RFC 7692 7.1.2.1); a
        // smaller window than the client allowed may always be announced.
        if (offer.serverMaxWindowBits != ABSENT || serverBits < MAX) {
            params.put(SERVER_MAX_WINDOW_BITS, Integer.toString(serverBits));
        }
        int clientBits = MAX;
        if (offer.clientMaxWindowBitsOffered) {
            clientBits = Math.min(DeflateElement.orMax(offer.clientMaxWindowBits), settings.peerMaxWindowBits());
            if (offer.clientMaxWindowBits != ABSENT || clientBits < MAX) {
                params.put(CLIENT_MAX_WINDOW_BITS, Integer.toString(clientBits));
            }
        }
        DeflateParameters agreed = new DeflateParameters(serverNoContextTakeover, clientNoContextTakeover,
                serverBits, clientBits);
        return new Negotiated(new ExtensionOffer(EXTENSION_NAME, params), agreed);
    }

    /**
     * Client side: the offer to send, or empty when compression is disabled. It carries
     * {@code client_no_context_takeover} under {@link DeflateSettings#noContextTakeover()},
     * {@code server_no_context_takeover} under
     * {@link DeflateSettings#requestPeerNoContextTakeover()}, {@code server_max_window_bits} when
     * {@link DeflateSettings#peerMaxWindowBits()} is below 15, and {@code client_max_window_bits}
     * when {@link DeflateSettings#smallWindows()} (so the server may pick our window): bare, or
     * with {@link DeflateSettings#maxWindowBits()} when that is below 15. Without small windows
     * it is left out: the server could then ask for a window java.util.zip cannot use.
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
        if (settings.peerMaxWindowBits() < MAX) {
            params.put(SERVER_MAX_WINDOW_BITS, Integer.toString(settings.peerMaxWindowBits()));
        }
        if (settings.smallWindows()) {
            params.put(CLIENT_MAX_WINDOW_BITS,
                    settings.maxWindowBits() < MAX ? Integer.toString(settings.maxWindowBits()) : null);
        }
        return Optional.of(new ExtensionOffer(EXTENSION_NAME, params));
    }

    /**
     * Client side: {@code base} adjusted by the parameters an application put on the
     * permessage-deflate extension it configured (a {@code ClientEndpointConfig}'s extensions),
     * so that the offer carries them and the connection honours them:
     * {@code client_no_context_takeover} and {@code server_no_context_takeover} turn the
     * corresponding settings on, {@code client_max_window_bits=N} sets
     * {@link DeflateSettings#maxWindowBits()} and {@code server_max_window_bits=N} sets
     * {@link DeflateSettings#peerMaxWindowBits()}. A bare {@code client_max_window_bits} changes
     * nothing: it is offered whenever small windows are available.
     *
     * <p>Without {@link DeflateSettings#smallWindows()} a {@code client_max_window_bits} below 15
     * is logged and left out, as the offer then never carries that parameter.
     *
     * @throws IllegalArgumentException when {@code configured} is not valid permessage-deflate
     *                                  offer syntax
     */
    public static DeflateSettings clientSettings(DeflateSettings base, ExtensionOffer configured) {
        Objects.requireNonNull(base, "base");
        if (!isPerMessageDeflate(configured)) {
            throw new IllegalArgumentException("'" + configured.toHeaderValue() + "' is not " + EXTENSION_NAME);
        }
        DeflateElement p = DeflateElement.of(configured, false);
        DeflateSettings.Builder b = base.toBuilder();
        if (p.clientNoContextTakeover) {
            b.noContextTakeover(true);
        }
        if (p.serverNoContextTakeover) {
            b.requestPeerNoContextTakeover(true);
        }
        if (p.clientMaxWindowBits != ABSENT && (p.clientMaxWindowBits == MAX || base.smallWindows())) {
            b.maxWindowBits(p.clientMaxWindowBits);
        } else if (p.clientMaxWindowBits != ABSENT) {
            // Compressing with 15 bits and not offering the parameter stays within the RFC; the
            // application gets compression, at a window it did not choose, and a reason.
            LOG.log(System.Logger.Level.WARNING, "{0}={1} is not offered: windows below 15 bits need JZlib"
                    + " (com.jcraft:jzlib) on the class path", CLIENT_MAX_WINDOW_BITS, p.clientMaxWindowBits);
        }
        if (p.serverMaxWindowBits != ABSENT) {
            b.peerMaxWindowBits(p.serverMaxWindowBits);
        }
        return b.build();
    }

    /**
     * Client side: checks the server's permessage-deflate response against what we offered
     * (RFC 7692 section 7.1) and returns the parameters to run with.
     *
     * <p>The client compresses every message afresh when either the response or our own offer
     * has {@code client_no_context_takeover}: a compressor may always drop its context, and we
     * said we would. It compresses with the response's {@code client_max_window_bits}, else with
     * the value we offered (a smaller window is always allowed, and the application asked for
     * it), else with 15 bits. A response without {@code server_no_context_takeover} that we asked for is
     * accepted: the server then keeps its context and so does our decompressor.
     *
     * @param response the server's permessage-deflate element
     * @param offered  the permessage-deflate offer we sent
     * @throws IllegalArgumentException naming the parameter and the rule, when the response is not
     *                                  permessage-deflate, has an unknown parameter, a value where
     *                                  none is allowed or none where one is required, a window
     *                                  size that is not 8-15 or exceeds what we offered,
     *                                  {@code client_max_window_bits} we did not offer, or
     *                                  {@code client_max_window_bits} below 15 without JZlib;
     *                                  the connection must then fail (RFC 7692 section 7.1)
     */
    public static DeflateParameters accept(ExtensionOffer response, ExtensionOffer offered) {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(offered, "offered");
        if (!isPerMessageDeflate(response)) {
            throw new IllegalArgumentException("response '" + response.toHeaderValue() + "' is not " + EXTENSION_NAME);
        }
        DeflateElement ours = DeflateElement.of(offered, false);
        DeflateElement theirs = DeflateElement.of(response, true);
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
            if (theirs.clientMaxWindowBits < MAX && !Compressors.smallWindowsAvailable()) {
                throw new IllegalArgumentException(where + CLIENT_MAX_WINDOW_BITS + "=" + theirs.clientMaxWindowBits
                        + " cannot be honoured: java.util.zip compresses only with a 32 KiB window (15 bits),"
                        + " and smaller ones need JZlib (com.jcraft:jzlib) on the class path");
            }
        }
        int clientBits = theirs.clientMaxWindowBits != ABSENT ? theirs.clientMaxWindowBits
                : DeflateElement.orMax(ours.clientMaxWindowBits);
        return new DeflateParameters(
                theirs.serverNoContextTakeover,
                theirs.clientNoContextTakeover || ours.clientNoContextTakeover,
                DeflateElement.orMax(theirs.serverMaxWindowBits),
                clientBits);
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
        DeflateElement p = DeflateElement.of(response, true);
        return new DeflateParameters(p.serverNoContextTakeover, p.clientNoContextTakeover,
                DeflateElement.orMax(p.serverMaxWindowBits), DeflateElement.orMax(p.clientMaxWindowBits));
    }
}
