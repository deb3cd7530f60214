/**
 * The stream client: an InputStream, OutputStream and ByteChannel over one WebSocket, for
 * websockify and Freeway's TCP bridge. Start at {@link dev.freeway.bridge.client.WebSocketStreams}.
 */
package dev.freeway.bridge.client;
