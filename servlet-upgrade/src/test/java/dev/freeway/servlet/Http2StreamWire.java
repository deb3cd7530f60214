package dev.freeway.servlet;

import dev.freeway.transport.RawPeer;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An RFC 8441 WebSocket stream, opened with Jetty's low-level {@link HTTP2Client} over its own h2c
 * connection, as a {@link RawPeer.Wire}: DATA is demanded (and so its flow-control window given
 * back) only while the test reads, with HTTP/2's initial stream window, so a peer that does not read holds
 * the server back as a TCP peer's small receive buffer does; END_STREAM is the half-close, and
 * RST_STREAM the reset.
 */
final class Http2StreamWire implements RawPeer.Wire, Stream.Listener {
    /**
     * HTTP/2's initial window (65,535 bytes): small against the sessions' 4 MiB outbound bound, yet
     * a 2 MiB message still takes only some thirty window updates to read.
     */
    private static final int STREAM_WINDOW = 65_535;
    private static final long TIMEOUT_MILLIS = 20_000;

    private final HTTP2Client client = new HTTP2Client();
    private final Object lock = new Object();
    private Stream stream;
    private int status;
    private Stream.Data current;
    private ByteBuffer unread;
    private boolean demanded;
    private boolean ended;
    private boolean reset;

    private Http2StreamWire() {
    }

    /** Opens a WebSocket on {@code path} by an extended CONNECT, and fails unless the server answers 200. */
    static Http2StreamWire open(int port, String path) throws Exception {
        Http2StreamWire wire = new Http2StreamWire();
        try {
            wire.connect(port, path);
        } catch (Exception e) {
            wire.close();
            throw e;
        }
        return wire;
    }

    private void connect(int port, String path) throws Exception {
        client.setInitialStreamRecvWindow(STREAM_WINDOW);
        client.start();
        Session session = client.connect(new InetSocketAddress("127.0.0.1", port), new Session.Listener() { })
                .get(10, TimeUnit.SECONDS);
        MetaData.ConnectRequest request = new MetaData.ConnectRequest(HttpScheme.HTTP,
                new HostPortHttpField("127.0.0.1:" + port), path,
                HttpFields.build().put("Sec-WebSocket-Version", "13"), "websocket");
        Stream s = session.newStream(new HeadersFrame(request, null, false), this).get(10, TimeUnit.SECONDS);
        synchronized (lock) {
            stream = s;
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            while (status == 0 && !reset && System.currentTimeMillis() < deadline) {
                lock.wait(100);
            }
            if (status != 200) {
                throw new IOException("the extended CONNECT got " + (status == 0 ? "no response" : status));
            }
        }
    }

    @Override
    public void onHeaders(Stream s, HeadersFrame frame) {
        if (frame.getMetaData() instanceof MetaData.Response response) {
            synchronized (lock) {
                status = response.getStatus();
                lock.notifyAll();
            }
        }
    }

    @Override
    public void onDataAvailable(Stream s) {
        Stream.Data data = s.readData();
        if (data == null) {
            s.demand();
            return;
        }
        synchronized (lock) {
            demanded = false;
            current = data;
            unread = data.frame().getByteBuffer();
            if (data.frame().isEndStream()) {
                ended = true;
            }
            lock.notifyAll();
        }
    }

    @Override
    public void onReset(Stream s, ResetFrame frame, org.eclipse.jetty.util.Callback callback) {
        synchronized (lock) {
            reset = true;
            lock.notifyAll();
        }
        callback.succeeded();
    }

    @Override
    public InputStream in() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return readSome(b, off, len);
            }
        };
    }

    private int readSome(byte[] b, int off, int len) throws IOException {
        Stream demanding = null;
        synchronized (lock) {
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            while (unread == null || !unread.hasRemaining()) {
                if (current != null) {
                    current.release(); // gives the window back: the server may send more
                    current = null;
                    unread = null;
                }
                if (ended) {
                    return -1;
                }
                if (reset) {
                    throw new SocketException("the stream was reset");
                }
                if (!demanded) {
                    demanded = true;
                    demanding = stream;
                    break;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new SocketTimeoutException("no DATA within " + TIMEOUT_MILLIS + " ms");
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
            }
            if (demanding == null) {
                int n = Math.min(len, unread.remaining());
                unread.get(b, off, n);
                return n;
            }
        }
        demanding.demand(); // outside the lock: Jetty may call onDataAvailable right here
        return readSome(b, off, len);
    }

    @Override
    public OutputStream out() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len);
                await(stream.data(new DataFrame(stream.getId(), ByteBuffer.wrap(copy), false)));
            }
        };
    }

    @Override
    public void halfClose() throws IOException {
        await(stream.data(new DataFrame(stream.getId(), ByteBuffer.allocate(0), true)));
    }

    @Override
    public void reset() throws IOException {
        await(stream.reset(new ResetFrame(stream.getId(), ErrorCode.CANCEL_STREAM_ERROR.code)));
    }

    @Override
    public void close() throws IOException {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IOException("stopping the HTTP/2 client failed", e);
        }
    }

    private static void await(java.util.concurrent.CompletableFuture<?> sent) throws IOException {
        try {
            sent.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        } catch (ExecutionException e) {
            throw new SocketException("the stream failed: " + e.getCause());
        } catch (TimeoutException e) {
            throw new SocketTimeoutException("HTTP/2 flow control held a write for " + TIMEOUT_MILLIS + " ms");
        }
    }
}
