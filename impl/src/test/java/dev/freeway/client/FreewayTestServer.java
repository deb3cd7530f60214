package dev.freeway.client;

import dev.freeway.container.ContainerDefaults;
import dev.freeway.container.server.EndpointRegistry;
import dev.freeway.container.server.FreewayHandshakeRequest;
import dev.freeway.container.FreewayServerContainer;
import dev.freeway.container.server.HandshakeOutcome;
import dev.freeway.container.server.PreparedSession;
import dev.freeway.engine.Connection;
import dev.freeway.engine.DeflateSettings;
import dev.freeway.engine.EngineConfig;
import dev.freeway.engine.Event;
import dev.freeway.engine.HttpHeaders;
import dev.freeway.engine.RejectConnection;
import dev.freeway.engine.RejectData;
import dev.freeway.engine.RemoteProtocolError;
import dev.freeway.engine.Request;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Freeway's own server container behind a tiny test server: a blocking accept loop reads each
 * handshake with a server engine, lets {@link FreewayServerContainer} match, negotiate and
 * prepare it, writes the 101 and then hands the socket to the client's own {@link NioTransport}
 * (a transport does not care which side it carries).
 */
final class FreewayTestServer implements PeerServer {
    private final FreewayServerContainer container = new FreewayServerContainer(
            ContainerDefaults.standard().withCloseTimeoutMillis(1_000), DeflateSettings.defaults(), EngineConfig.defaults());
    private final ServerSocketChannel listener = ServerSocketChannel.open();
    private final SelectorLoop loop = new SelectorLoop("freeway-test-server-selector");
    private final LoopBufferPool pool = new LoopBufferPool(64 * 1024, 8);
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "freeway-test-server");
        t.setDaemon(true);
        return t;
    });

    FreewayTestServer() throws Exception {
        for (ServerEndpointConfig config : ServerEndpoints.configs()) {
            container.addEndpoint(config);
        }
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        executor.execute(this::acceptLoop);
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            try {
                SocketChannel channel = listener.accept();
                executor.execute(() -> handshake(channel));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handshake(SocketChannel channel) {
        try {
            Connection engine = Connection.server(container.engineConfig(), container.deflateSettings());
            Request request = readRequest(channel, engine);
            if (request == null) {
                channel.close();
                return;
            }
            String path = request.target().split("\\?")[0];
            EndpointRegistry.Match match = container.match(path);
            if (match == null) {
                reject(channel, engine, 404, "no endpoint at " + path);
                return;
            }
            FreewayHandshakeRequest handshakeRequest = FreewayHandshakeRequest.builder(
                    URI.create("ws://127.0.0.1:" + port() + request.target())).headers(request.headers()).build();
            Object prepared = container.prepare(request, match, handshakeRequest);
            if (prepared instanceof HandshakeOutcome.Rejected r) {
                writeAll(channel, engine.send(r.rejection()));
                writeAll(channel, engine.send(new RejectData(ByteBuffer.wrap(r.body()), true)));
                channel.close();
                return;
            }
            PreparedSession session = (PreparedSession) prepared;
            writeAll(channel, engine.send(session.accepted().accept()));
            channel.configureBlocking(false);
            CompletableFuture<NioTransport> transport = new CompletableFuture<>();
            loop.execute(() -> {
                try {
                    transport.complete(new NioTransport(loop, loop.register(channel, 0, null),
                            new PlainLink(channel, null), pool, executor));
                } catch (IOException e) {
                    transport.completeExceptionally(e);
                }
            });
            container.open(session, transport.get(), engine);
        } catch (Exception e) {
            ClientIo.closeQuietly(channel);
        }
    }

    /** Reads until the engine has the whole request; {@code null} if the client went away or was wrong. */
    private static Request readRequest(SocketChannel channel, Connection engine) throws IOException {
        while (true) {
            ByteBuffer buffer = ByteBuffer.allocate(4096); // a new one each time: the engine keeps its last input
            if (channel.read(buffer) < 0) {
                return null;
            }
            engine.receive(buffer.flip());
            try {
                for (Event e; (e = engine.nextEvent()) != null; ) {
                    if (e instanceof Request r) {
                        return r;
                    }
                }
            } catch (RemoteProtocolError error) {
                ByteBuffer out = engine.pendingOutput();
                if (out != null) {
                    channel.write(out);
                }
                return null;
            }
        }
    }

    private static void reject(SocketChannel channel, Connection engine, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        writeAll(channel, engine.send(new RejectConnection(status, HttpHeaders.of("Content-Type", "text/plain; charset=utf-8",
                "Content-Length", String.valueOf(body.length)), true)));
        writeAll(channel, engine.send(new RejectData(ByteBuffer.wrap(body), true)));
        channel.close();
    }

    private static void writeAll(SocketChannel channel, ByteBuffer[] buffers) throws IOException {
        while (ClientIo.hasRemaining(buffers)) {
            channel.write(buffers);
        }
    }

    @Override
    public String name() {
        return "Freeway";
    }

    @Override
    public int port() {
        return listener.socket().getLocalPort();
    }

    @Override
    public void close() {
        ClientIo.closeQuietly(listener);
        container.close();
        loop.close();
        executor.shutdownNow();
    }
}
