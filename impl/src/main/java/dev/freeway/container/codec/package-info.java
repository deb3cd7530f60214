/**
 * Encoders and decoders: which codec or built-in conversion turns a Java type into a WebSocket
 * message and back, resolved once per endpoint ({@code Codecs}, {@code CodecTypes}), the kinds of
 * message a handler can receive ({@code MessageKind}), and the generic-type walk that finds the
 * type a decoder or handler is for. Internal to Freeway, not API.
 */
package dev.freeway.container.codec;
