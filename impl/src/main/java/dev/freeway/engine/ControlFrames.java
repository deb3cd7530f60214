package dev.freeway.engine;

/** Rules shared by the control frames. */
final class ControlFrames {
    /** RFC 6455 5.5: control frame payloads are at most 125 bytes. */
    static final int MAX_PAYLOAD = 125;

    private ControlFrames() {
    }

    static void checkLength(String what, int length) {
        if (length > MAX_PAYLOAD) {
            throw new IllegalArgumentException(what + " payload is " + length
                    + " bytes; control frames carry at most " + MAX_PAYLOAD);
        }
    }
}
