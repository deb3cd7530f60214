package dev.freeway.container;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Annotated endpoints as users write them, for the end-to-end container tests. */
public final class TestEndpoints {
    /** What the endpoints saw, shared with the tests (endpoint instances are made per connection). */
    public static final class Log {
        public final List<String> lines = new CopyOnWriteArrayList<>();
    }

    private TestEndpoints() {
    }

    /** A room chat: path parameter, open/close/error callbacks, return values sent back. */
    @ServerEndpoint(value = "/chat/{room}", subprotocols = {"chat.v2", "chat.v1"}, configurator = ChatConfigurator.class)
    public static class Chat {
        private String room;
        private Log log;

        @OnOpen
        public void open(Session session, EndpointConfig config, @PathParam("room") String room) {
            this.room = room;
            this.log = (Log) config.getUserProperties().get("log");
            log.lines.add("open " + room + " " + session.getNegotiatedSubprotocol() + " "
                    + session.getUserProperties().get("origin"));
        }

        @OnMessage
        public String text(String message, @PathParam("room") String room) {
            return room + ": " + message;
        }

        @OnMessage
        public ByteBuffer binary(byte[] data) {
            return ByteBuffer.wrap(new byte[] {(byte) data.length});
        }

        @OnMessage
        public void pong(PongMessage pong, Session session) {
            log.lines.add("pong " + pong.getApplicationData().remaining());
        }

        @OnClose
        public void close(CloseReason reason) {
            log.lines.add("close " + room + " " + reason.getCloseCode().getCode());
        }

        @OnError
        public void error(Throwable t) {
            log.lines.add("error " + t.getClass().getSimpleName());
        }
    }

    /** Refuses foreign origins and records the origin for the session. */
    public static class ChatConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return originHeaderValue == null || originHeaderValue.equals("http://good.example");
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            sec.getUserProperties().put("origin", request.getHeaders().get("Origin").get(0));
            response.getHeaders().put("X-Chat", List.of("welcome"));
        }
    }

    /** A value with its own text form. */
    public record Point(int x, int y) {
    }

    /** Decodes {@code "x,y"}. */
    public static class PointDecoder implements Decoder.Text<Point> {
        @Override
        public Point decode(String s) throws DecodeException {
            String[] parts = s.split(",");
            try {
                return new Point(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (RuntimeException e) {
                throw new DecodeException(s, "not a point: " + s, e);
            }
        }

        @Override
        public boolean willDecode(String s) {
            return s.contains(",");
        }
    }

    /** Encodes as {@code "(x|y)"}. */
    public static class PointEncoder implements Encoder.Text<Point> {
        @Override
        public String encode(Point p) throws EncodeException {
            return "(" + p.x() + "|" + p.y() + ")";
        }
    }

    /** Decoded messages in, encoded messages out; big binary streamed; a size limit on text. */
    @ServerEndpoint(value = "/points", decoders = PointDecoder.class, encoders = PointEncoder.class)
    public static class Points {
        @OnMessage(maxMessageSize = 20)
        public Point mirror(Point p) {
            return new Point(p.y(), p.x());
        }

        @OnMessage
        public String count(InputStream in) throws IOException {
            long n = 0;
            byte[] buf = new byte[8192];
            for (int k; (k = in.read(buf)) > 0; ) {
                n += k;
            }
            return "bytes " + n;
        }
    }

    /** Partial text with {@code boolean last}; no error handler. */
    @ServerEndpoint("/parts")
    public static class Parts {
        private final StringBuilder message = new StringBuilder();

        @OnMessage
        public void part(String part, boolean last, Session session) throws IOException {
            message.append('[').append(part).append(']');
            if (last) {
                session.getBasicRemote().sendText(message.toString());
                message.setLength(0);
            }
        }
    }

    /** Two text handlers: fails deployment. */
    @ServerEndpoint("/broken")
    public static class TwoTextHandlers {
        @OnMessage
        public void a(String s) {
        }

        @OnMessage
        public void b(java.io.Reader r) {
        }
    }
}
