package dev.freeway.engine;

import java.util.Map;

/**
 * The parameters of one permessage-deflate element (offer or response), syntax-checked per
 * RFC 7692 section 7.1; window bits are {@link #ABSENT} or 8-15.
 */
final class DeflateElement {
    static final int ABSENT = 0;

    boolean serverNoContextTakeover;
    boolean clientNoContextTakeover;
    int serverMaxWindowBits = ABSENT;
    /** Whether {@code client_max_window_bits} is there at all, with or without a value. */
    boolean clientMaxWindowBitsOffered;
    int clientMaxWindowBits = ABSENT;

    private DeflateElement() {
    }

    /**
     * @param response whether {@code e} is a server's response, where
     *                 {@code client_max_window_bits} needs a value; in an offer it may be bare
     * @throws IllegalArgumentException naming the element, the parameter and the rule
     */
    static DeflateElement of(ExtensionOffer e, boolean response) {
        DeflateElement p = new DeflateElement();
        for (Map.Entry<String, String> param : e.parameters().entrySet()) {
            String name = param.getKey();
            String value = param.getValue();
            switch (name) {
                case PerMessageDeflate.SERVER_NO_CONTEXT_TAKEOVER -> p.serverNoContextTakeover = flag(e, name, value);
                case PerMessageDeflate.CLIENT_NO_CONTEXT_TAKEOVER -> p.clientNoContextTakeover = flag(e, name, value);
                case PerMessageDeflate.SERVER_MAX_WINDOW_BITS -> p.serverMaxWindowBits = windowBits(e, name, value);
                case PerMessageDeflate.CLIENT_MAX_WINDOW_BITS -> {
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

    /** {@code bits}, or 15 (the largest window, what an absent parameter means) when absent. */
    static int orMax(int bits) {
        return bits == ABSENT ? DeflateParameters.MAX_WINDOW_BITS : bits;
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
