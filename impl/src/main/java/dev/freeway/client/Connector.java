package dev.freeway.client;

import dev.freeway.container.server.FreewayHandshakeResponse;
import dev.freeway.engine.AcceptConnection;
import dev.freeway.engine.Connection;
import dev.freeway.engine.HttpHeaders;
import dev.freeway.engine.LocalProtocolError;
import dev.freeway.engine.Request;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Opens one client connection up to an accepted WebSocket handshake, on the caller's thread:
 * the configurator's {@code beforeRequest}, name resolution, the connect (with its timeout), the
 * proxy tunnel and TLS and the handshake (with the handshake timeout), {@code afterResponse}, and
 * errors that say what failed and where.
 */
final class Connector {
    private final SelectorLoop loop;
    private final LoopBufferPool pool;
    private final Executor executor;

    /** A handshake the server accepted, on a transport ready for the session. */
    record Opened(NioTransport transport, AcceptConnection accept) {
    }

    Connector(SelectorLoop loop, LoopBufferPool pool, Executor executor) {
        this.loop = loop;
        this.pool = pool;
        this.executor = executor;
    }

    /**
     * @param headers the request headers as {@link RequestHeaders#initial} made them
     * @throws HandshakeRejectedException when the server answered with another status than 101
     * @throws DeploymentException        when the request cannot be sent or the response is invalid
     * @throws IOException                when the network failed: unknown host, refused, timed out, TLS
     */
    Opened open(ClientUri target, ClientEndpointConfig config, Map<String, List<String>> headers, Connection engine,
                ConnectSettings settings) throws DeploymentException, IOException {
        config.getConfigurator().beforeRequest(headers);
        Request request = RequestHeaders.toRequest(target, headers);
        ByteBuffer[] requestBytes;
        try {
            requestBytes = engine.send(request);
        } catch (IllegalArgumentException | LocalProtocolError e) {
            throw new DeploymentException("the handshake request for " + target.uri() + " cannot be sent: " + e.getMessage(), e);
        }
        InetSocketAddress proxy = settings.proxy();
        String where = proxy == null ? target.uri().toString() : target.uri() + " through the proxy " + proxy.getHostString()
                + ":" + proxy.getPort();
        InetSocketAddress address = proxy == null ? resolve(target.host(), target.port(), target)
                : resolve(proxy.getHostString(), proxy.getPort(), target);
        SSLContext ssl = target.secure() ? sslContext(config, settings) : null;

        ConnectAttempt attempt = new ConnectAttempt(loop, pool, executor, target, address, proxy != null, ssl,
                settings.verifyHostnames());
        attempt.start();
        try {
            await(attempt.connected, settings.connectTimeoutMillis(), () -> attempt.abort(new InterruptedIOException()));
        } catch (TimeoutException e) {
            attempt.abort(e);
            throw new SocketTimeoutException("connecting to " + where + " timed out after " + settings.connectTimeoutMillis()
                    + " ms");
        } catch (ExecutionException e) {
            ConnectException refused = new ConnectException("cannot connect to " + where + ": " + e.getCause().getMessage());
            refused.initCause(e.getCause());
            throw refused;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.handshakeTimeoutMillis());
        NioTransport transport;
        try {
            transport = await(attempt.ready, left(deadline), () -> attempt.abort(new InterruptedIOException()));
        } catch (TimeoutException e) {
            attempt.abort(e);
            throw new SocketTimeoutException((ssl != null ? "the TLS handshake with " : "the proxy tunnel to ") + where
                    + " timed out after " + settings.handshakeTimeoutMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String what = cause instanceof SSLException ? "the TLS handshake with " + where + " failed: "
                    : "opening a tunnel to " + target.authority() + " failed: ";
            throw new IOException(what + cause.getMessage(), cause);
        }

        OpeningHandshake handshake = new OpeningHandshake(transport, engine);
        handshake.start(requestBytes);
        OpeningHandshake.Outcome outcome;
        try {
            outcome = await(handshake.result, left(deadline), transport::abort);
        } catch (TimeoutException e) {
            outcome = handshake.soFar();
            if (outcome == null) {
                transport.abort();
                throw new SocketTimeoutException("the server at " + where + " did not answer the WebSocket handshake within "
                        + settings.handshakeTimeoutMillis() + " ms");
            }
        } catch (ExecutionException e) {
            transport.abort();
            Throwable cause = e.getCause();
            if (cause instanceof DeploymentException d) {
                throw new DeploymentException(target.uri() + ": " + d.getMessage(), d);
            }
            throw new IOException("the WebSocket handshake with " + where + " failed: " + cause.getMessage(), cause);
        }

        boolean accepted = outcome instanceof OpeningHandshake.Accepted;
        HttpHeaders responseHeaders = accepted ? ((OpeningHandshake.Accepted) outcome).accept().headers()
                : ((OpeningHandshake.Rejected) outcome).reject().headers();
        try {
            config.getConfigurator().afterResponse(response(responseHeaders));
        } catch (RuntimeException e) {
            transport.abort();
            throw new DeploymentException("the configurator's afterResponse threw " + e, e);
        }
        if (!accepted) {
            transport.abort();
            throw rejection(target, (OpeningHandshake.Rejected) outcome);
        }
        return new Opened(transport, ((OpeningHandshake.Accepted) outcome).accept());
    }

    private static HandshakeRejectedException rejection(ClientUri target, OpeningHandshake.Rejected r) {
        int status = r.reject().status();
        HttpHeaders headers = r.reject().headers();
        String line = RejectionText.firstLine(headers, r.body());
        StringBuilder m = new StringBuilder("the server refused the WebSocket handshake for ").append(target.uri())
                .append(": HTTP ").append(status).append(" instead of 101");
        String location = headers.first("Location");
        if (status / 100 == 3 && location != null) {
            m.append(" (redirected to ").append(location).append(", which WebSocket clients do not follow)");
        }
        if (!line.isEmpty()) {
            m.append(": ").append(line);
        }
        return new HandshakeRejectedException(m.toString(), status, headers, line);
    }

    private static FreewayHandshakeResponse response(HttpHeaders headers) {
        FreewayHandshakeResponse response = new FreewayHandshakeResponse();
        for (HttpHeaders.Field f : headers.fields()) {
            response.getHeaders().computeIfAbsent(f.name(), n -> new ArrayList<>()).add(f.value());
        }
        return response;
    }

    private static SSLContext sslContext(ClientEndpointConfig config, ConnectSettings settings) throws IOException {
        if (config.getSSLContext() != null) {
            return config.getSSLContext();
        }
        if (settings.sslContext() != null) {
            return settings.sslContext();
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("the JDK has no default TLS context", e);
        }
    }

    private static InetSocketAddress resolve(String host, int port, ClientUri target) throws UnknownHostException {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            UnknownHostException u = new UnknownHostException("unknown host '" + host + "' (connecting to " + target.uri()
                    + ")");
            u.initCause(e);
            throw u;
        }
    }

    private static long left(long deadline) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    /** Waits for {@code future}; when interrupted, runs {@code giveUp} (closing the socket) and says so. */
    private static <T> T await(CompletableFuture<T> future, long millis, Runnable giveUp)
            throws TimeoutException, ExecutionException, InterruptedIOException {
        try {
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveUp.run();
            throw new InterruptedIOException("interrupted while connecting");
        }
    }
}
