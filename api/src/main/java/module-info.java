/**
 * Freeway's public API beyond {@code jakarta.websocket}: the frame-level and streaming handlers,
 * the streaming sender, opcodes and close codes, and {@link dev.freeway.api.Freeway}, the way
 * to them from a Jakarta session.
 */
module dev.freeway.api {
    requires transitive jakarta.websocket;

    exports dev.freeway.api;
}
