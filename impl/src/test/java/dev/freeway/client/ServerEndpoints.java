package dev.freeway.client;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The server side of the client's tests, written against the Jakarta API only, so that Jetty's
 * and Tomcat's own WebSocket implementations (and Freeway's) run the same endpoints.
 */
final class ServerEndpoints {
    static final String ECHO = "/echo";
    static final String HASH = "/hash";
    static final List<String> SUBPROTOCOLS = List.of("echo.v1", "echo.v2");
    /** Bytes between two digests of the streaming hash server, as in Autobahn's demo. */
    static final int BATCH = 1 << 20;
    /** Server buffers for whole messages: above the 16 MiB the tests echo. */
    static final int MAX_MESSAGE = 20 << 20;

    private ServerEndpoints() {
    }

    /** The endpoints' configs, each with a configurator that decides everything itself. */
    static List<ServerEndpointConfig> configs() {
        return List.of(
                ServerEndpointConfig.Builder.create(Echo.class, ECHO).subprotocols(SUBPROTOCOLS)
                        .configurator(new OwnConfigurator()).build(),
                ServerEndpointConfig.Builder.create(StreamingHash.class, HASH).configurator(new OwnConfigurator()).build());
    }

    /**
     * Overrides every method, so none falls back to the "container default" configurator, which
     * the Servlet containers find with a ServiceLoader: with Jetty, Tomcat and Freeway on one
     * class path, that could be any of the three. Refuses the Origin {@code http://evil.example}
     * (403) and echoes the request's {@code X-Hello} header as {@code X-Echo}.
     */
    public static final class OwnConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            return requested.stream().filter(supported::contains).findFirst().orElse("");
        }

        @Override
        public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
            List<String> names = installed.stream().map(Extension::getName).toList();
            return requested.stream().filter(e -> names.contains(e.getName())).toList();
        }

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return !"http://evil.example".equals(originHeaderValue);
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            for (Map.Entry<String, List<String>> h : request.getHeaders().entrySet()) {
                if (h.getKey().equalsIgnoreCase("X-Hello")) {
                    response.getHeaders().put("X-Echo", List.copyOf(h.getValue()));
                }
            }
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
            try {
                return endpointClass.getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw (InstantiationException) new InstantiationException(e.toString()).initCause(e);
            }
        }
    }

    /**
     * Echoes text and binary messages, and obeys text commands: {@code close CODE REASON},
     * {@code parts N} (N text fragments back), {@code ping TEXT} (pings the client; its pong is
     * reported as {@code pong HEX}), {@code info} (the negotiated subprotocol and extensions).
     */
    public static final class Echo extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.setMaxTextMessageBufferSize(MAX_MESSAGE);
            session.setMaxBinaryMessageBufferSize(MAX_MESSAGE);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> onText(session, text));
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) bytes -> send(() ->
                    session.getBasicRemote().sendBinary(bytes)));
            session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> send(() ->
                    session.getBasicRemote().sendText("pong " + hex(pong.getApplicationData()))));
        }

        private static void onText(Session session, String text) {
            send(() -> {
                if (text.startsWith("close ")) {
                    String[] p = text.split(" ", 3);
                    session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(Integer.parseInt(p[1])), p[2]));
                } else if (text.startsWith("parts ")) {
                    int n = Integer.parseInt(text.substring(6));
                    for (int i = 0; i < n; i++) {
                        session.getBasicRemote().sendText("part" + i, i == n - 1);
                    }
                } else if (text.startsWith("ping ")) {
                    session.getBasicRemote().sendPing(ByteBuffer.wrap(text.substring(5).getBytes(StandardCharsets.UTF_8)));
                } else if (text.equals("info")) {
                    session.getBasicRemote().sendText(session.getNegotiatedSubprotocol() + " " + session
                            .getNegotiatedExtensions().stream().map(Extension::getName).collect(Collectors.joining(",")));
                } else {
                    session.getBasicRemote().sendText(text);
                }
            });
        }
    }

    /**
     * Autobahn's streaming hash server with {@code MessageHandler.Partial}: a running SHA-256 over
     * each binary message, its hex digest sent every {@link #BATCH} bytes, and {@code end HEX}
     * with the whole message's digest at its end.
     */
    public static final class StreamingHash extends Endpoint {
        private MessageDigest sha = sha256();
        private long received;
        private long next = BATCH;

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (data, last) -> send(() -> {
                while (data.hasRemaining()) {
                    int n = (int) Math.min(data.remaining(), next - received);
                    sha.update(data.slice(data.position(), n));
                    data.position(data.position() + n);
                    received += n;
                    if (received == next) {
                        session.getBasicRemote().sendText(hex(copyOf(sha).digest()));
                        next += BATCH;
                    }
                }
                if (last) {
                    session.getBasicRemote().sendText("end " + hex(sha.digest()));
                    sha = sha256();
                    received = 0;
                    next = BATCH;
                }
            }));
        }

        @Override
        public void onError(Session session, Throwable thr) {
            send(() -> session.getBasicRemote().sendText("error " + thr));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageDigest copyOf(MessageDigest d) {
        try {
            return (MessageDigest) d.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return HexFormat.of().formatHex(a);
    }

    static String hex(byte[] a) {
        return HexFormat.of().formatHex(a);
    }

    /** An I/O step of a handler. */
    interface IoStep {
        void run() throws IOException;
    }

    private static void send(IoStep step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
