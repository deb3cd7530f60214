package dev.freeway.servlet;

import org.eclipse.jetty.http.HostPortHttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.frames.DataFrame;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.http2.frames.SettingsFrame;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/2 connection (h2c, prior knowledge) made with Jetty's low-level {@link HTTP2Client}, for
 * what a WebSocket client library does not let a test do: send a hand-made extended CONNECT
 * (a wrong {@code :protocol}, no version), look at the server's SETTINGS, reset a stream in the
 * middle of a WebSocket message, and end a stream (END_STREAM) right with a close frame.
 */
final class Http2Peer implements AutoCloseable {
    private final HTTP2Client client = new HTTP2Client();
    private final Session session;
    /** The server's first SETTINGS. */
    final CompletableFuture<Map<Integer, Integer>> settings = new CompletableFuture<>();

    Http2Peer(int port) throws Exception {
        client.start();
        session = client.connect(new InetSocketAddress("127.0.0.1", port), new Session.Listener() {
            @Override
            public void onSettings(Session s, SettingsFrame frame) {
                settings.complete(frame.getSettings());
            }
        }).get(10, TimeUnit.SECONDS);
    }

    /** Whether the server announced SETTINGS_ENABLE_CONNECT_PROTOCOL = 1 (RFC 8441 section 3). */
    boolean serverEnablesConnectProtocol() throws Exception {
        Integer value = settings.get(10, TimeUnit.SECONDS).get(SettingsFrame.ENABLE_CONNECT_PROTOCOL);
        return value != null && value == 1;
    }

    /** Opens a stream with an extended CONNECT for {@code path} with {@code protocol} and {@code fields}. */
    Tunnel connect(String path, String protocol, HttpFields fields) throws Exception {
        serverEnablesConnectProtocol(); // a client may send :protocol only once the server allowed it
        InetSocketAddress address = (InetSocketAddress) session.getRemoteSocketAddress();
        MetaData.ConnectRequest request = new MetaData.ConnectRequest(HttpScheme.HTTP,
                new HostPortHttpField("127.0.0.1:" + address.getPort()), path, fields, protocol);
        Tunnel tunnel = new Tunnel();
        tunnel.stream = session.newStream(new HeadersFrame(request, null, false), tunnel).get(10, TimeUnit.SECONDS);
        return tunnel;
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }

    /** One stream: its response, the DATA it received, and ways to send and to reset. */
    static final class Tunnel implements Stream.Listener {
        final CompletableFuture<MetaData.Response> response = new CompletableFuture<>();
        /** Completed once the server ended the stream (END_STREAM). */
        final CompletableFuture<Void> ended = new CompletableFuture<>();
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private Stream stream;

        @Override
        public void onHeaders(Stream s, HeadersFrame frame) {
            if (frame.getMetaData() instanceof MetaData.Response r) {
                response.complete(r);
            }
            s.demand();
        }

        @Override
        public void onDataAvailable(Stream s) {
            Stream.Data data = s.readData();
            if (data == null) {
                s.demand(); // nothing yet: call again when there is
                return;
            }
            synchronized (received) {
                ByteBuffer b = data.frame().getByteBuffer();
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                received.writeBytes(bytes);
            }
            boolean last = data.frame().isEndStream();
            data.release();
            if (last) {
                ended.complete(null);
            } else {
                s.demand(); // past the end, readData would return the last data again and again
            }
        }

        int status() throws Exception {
            return response.get(10, TimeUnit.SECONDS).getStatus();
        }

        byte[] received() {
            synchronized (received) {
                return received.toByteArray();
            }
        }

        void send(byte[] bytes) throws Exception {
            stream.data(new DataFrame(stream.getId(), ByteBuffer.wrap(bytes), false)).get(10, TimeUnit.SECONDS);
        }

        /** Sends {@code bytes} and ends the stream with them (END_STREAM on the same DATA frame). */
        void sendLast(byte[] bytes) throws Exception {
            stream.data(new DataFrame(stream.getId(), ByteBuffer.wrap(bytes), true)).get(10, TimeUnit.SECONDS);
        }

        /** Resets the stream, as a peer that gives up on it does (CANCEL). */
        void reset() throws Exception {
            stream.reset(new ResetFrame(stream.getId(), ErrorCode.CANCEL_STREAM_ERROR.code)).get(10, TimeUnit.SECONDS);
        }
    }
}
