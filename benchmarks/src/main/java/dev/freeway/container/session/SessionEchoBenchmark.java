package dev.freeway.container.session;

import dev.freeway.container.ContainerDefaults;
import dev.freeway.container.Transport;
import dev.freeway.container.TransportListener;
import dev.freeway.container.WriteCallback;
import dev.freeway.container.runtime.ContainerResources;
import dev.freeway.engine.Connection;
import dev.freeway.engine.Data;
import dev.freeway.engine.EngineConfig;
import dev.freeway.engine.Event;
import dev.freeway.engine.ExtensionOffer;
import dev.freeway.engine.Role;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One operation: a server session receives one masked 64 B text message (as the load harness's
 * client sends it) and its {@code MessageHandler.Whole<String>} echoes it with
 * {@code getBasicRemote().sendText}: the engine, the inbound dispatch, the decode, the send path
 * and, with {@code deflate}, inflating and compressing. The transport is in memory and completes
 * every write at once, so what is measured is Freeway's own cost per message, without sockets,
 * the container, or the noise of a shared machine. Run with {@code -prof gc} for the bytes
 * allocated per message.
 *
 * <p>{@code deflate} negotiates {@code permessage-deflate; client_no_context_takeover} like the
 * harness, so one compressed frame is a valid input for every message; the server keeps its own
 * compression context, as it does there.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SessionEchoBenchmark {
    private static final String MESSAGE = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

    @Param({"plain", "deflate"})
    public String mode;

    private final InMemoryTransport transport = new InMemoryTransport();
    private ContainerResources resources;
    private WsSession session;
    private byte[] frame;
    private ByteBuffer input;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<ExtensionOffer> extensions = mode.equals("deflate")
                ? List.of(new ExtensionOffer("permessage-deflate", clientNoContextTakeover()))
                : List.of();
        Connection client = Connection.established(Role.CLIENT, EngineConfig.defaults(), extensions);
        frame = join(client.send(Data.text(MESSAGE, true)));
        input = ByteBuffer.allocate(frame.length);
        resources = new ContainerResources("bench");
        Set<Session> peers = ConcurrentHashMap.newKeySet();
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Echo.class, "/echo").build();
        SessionContext context = new SessionContext("bench", null, config, URI.create("ws://localhost/echo"), null,
                Map.of(), Map.of(), null, "", List.of(), false, peers);
        Connection engine = Connection.established(Role.SERVER, EngineConfig.builder().autoPong(false).build(), extensions);
        session = WsSession.open(context, new Echo(), engine, !extensions.isEmpty(), transport,
                ContainerDefaults.standard(), resources);
        // The echo must come back intact, through a real client engine.
        transport.recording = true;
        echo();
        transport.recording = false;
        client.receive(ByteBuffer.wrap(join(transport.recorded.toArray(new ByteBuffer[0]))));
        StringBuilder seen = new StringBuilder();
        Event e;
        while ((e = client.nextEvent()) != null) {
            if (e instanceof Data) {
                seen.append(StandardCharsets.UTF_8.decode(((Data) e).payload()));
            }
        }
        if (!seen.toString().equals(MESSAGE)) {
            throw new IllegalStateException("echo came back as '" + seen + "'");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        resources.close();
    }

    @Benchmark
    public long echo() {
        // The engine unmasks in place, so every message starts from the masked bytes.
        input.clear();
        input.put(frame).flip();
        transport.listener.onData(input);
        return transport.bytesWritten;
    }

    private static Map<String, String> clientNoContextTakeover() {
        Map<String, String> params = new HashMap<>();
        params.put("client_no_context_takeover", null);
        return params;
    }

    private static byte[] join(ByteBuffer[] buffers) {
        ByteBuffer all = ByteBuffer.allocate(java.util.Arrays.stream(buffers).mapToInt(ByteBuffer::remaining).sum());
        for (ByteBuffer b : buffers) {
            all.put(b.duplicate());
        }
        return all.array();
    }

    /** Echoes every text message with a blocking send, like the harness's {@code EchoEndpoint}. */
    public static final class Echo extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                try {
                    session.getBasicRemote().sendText(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Completes every write at once, as a socket with room in its buffer would. */
    static final class InMemoryTransport implements Transport {
        TransportListener listener;
        long bytesWritten;
        boolean recording;
        final List<ByteBuffer> recorded = new ArrayList<>();

        @Override
        public void start(TransportListener l) {
            this.listener = l;
        }

        @Override
        public void demand() {
            // Input comes from the benchmark method, one buffer per operation.
        }

        @Override
        public void write(ByteBuffer[] buffers, WriteCallback done) {
            for (ByteBuffer b : buffers) {
                bytesWritten += b.remaining();
                if (recording) {
                    ByteBuffer copy = ByteBuffer.allocate(b.remaining());
                    copy.put(b.duplicate()).flip();
                    recorded.add(copy);
                }
                b.position(b.limit());
            }
            done.completed(null);
        }

        // Nothing to close, drop or report: there is no socket.
        @Override
        public void close() {
        }

        @Override
        public void abort() {
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return null;
        }

        @Override
        public InetSocketAddress localAddress() {
            return null;
        }
    }
}
