package dev.freeway.servlet;

import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.websocket.client.JettyUpgradeListener;

/**
 * For Jetty's WebSocket client over HTTP/2: keeps the client's HTTP layer from reading the stream
 * the WebSocket now owns. Jetty 12.1.12's client upgrades the stream of the extended CONNECT's 200
 * to the WebSocket (whose {@code connect} then completes), and only afterwards, on another thread,
 * finishes the HTTP response; with no listener for its content it reads the stream once, to discard
 * that content, and whatever DATA the server has sent by then (a close frame, an echo) is gone, so
 * the WebSocket waits for it in vain (seen in Jetty's debug log: {@code HttpReceiverOverHTTP2 Read
 * stream data} with the server's close frame). A listener that takes the content source and never
 * reads it leaves every byte to the WebSocket.
 */
final class TunnelLeftToWebSocket implements JettyUpgradeListener {
    static final TunnelLeftToWebSocket INSTANCE = new TunnelLeftToWebSocket();

    private TunnelLeftToWebSocket() {
    }

    @Override
    public void onHandshakeRequest(Request request) {
        request.onResponseContentSource((response, content) -> { });
    }
}
