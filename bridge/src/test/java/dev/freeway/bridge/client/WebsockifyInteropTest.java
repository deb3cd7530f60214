package dev.freeway.bridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.bridge.StreamSubprotocol;
import dev.freeway.bridge.TcpService;
import dev.freeway.bridge.Transfers;
import dev.freeway.bridge.Websockify;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Freeway's stream client against Debian's websockify 0.10 (a server we did not write) bridging
 * to a loopback TCP service: the transfer size each way ({@link Transfers#size()}) with SHA-256
 * checks. websockify 0.10 has no base64 any more (removed in 0.9): it refuses a base64-only
 * offer, and the client says so.
 */
class WebsockifyInteropTest {
    private static final long SEED = 17;

    @Test
    void uploadsThroughWebsockifyToATcpService() throws Exception {
        long size = Transfers.size();
        CompletableFuture<Transfers.Received> received = new CompletableFuture<>();
        try (TcpService sink = TcpService.start(Transfers.sinkClosingAfter(size, received));
             Websockify websockify = Websockify.start(sink.hostAndPort())) {
            String sent;
            try (WebSocketStream stream = WebSocketStreams.connect(websockify.ws(), StreamSubprotocol.BINARY)) {
                sent = Transfers.send(stream.outputStream(), size, SEED);
                // the sink's close comes back as websockify's 1000 "Target closed": the stream's clean end
                assertThat(stream.inputStream().read()).isEqualTo(-1);
            }
            assertThat(received.get(120, TimeUnit.SECONDS)).isEqualTo(new Transfers.Received(size, sent));
        }
    }

    @Test
    void downloadsThroughWebsockifyFromATcpService() throws Exception {
        long size = Transfers.size();
        try (TcpService source = TcpService.start(Transfers.sourceWaitingForPeer(size, SEED));
             Websockify websockify = Websockify.start(source.hostAndPort());
             WebSocketStream stream = WebSocketStreams.connect(websockify.ws(), StreamSubprotocol.BINARY)) {
            assertThat(Transfers.drain(stream.inputStream(), size))
                    .isEqualTo(new Transfers.Received(size, Transfers.expected(size, SEED)));
        }
    }

    @Test
    void websockify010RefusesBase64() throws Exception {
        try (TcpService echo = TcpService.start(TcpService.echo());
             Websockify websockify = Websockify.start(echo.hostAndPort())) {
            assertThatThrownBy(() -> WebSocketStreams.connect(websockify.ws(), StreamSubprotocol.BASE64).close())
                    .isInstanceOf(IOException.class).hasMessageContaining("handshake");
        }
    }
}
