package dev.freeway.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * One connection attempt on the {@link SelectorLoop}, up to a byte stream the WebSocket
 * handshake can use: a non-blocking TCP connect, then the proxy's {@code CONNECT} tunnel if one
 * is configured, then the TLS handshake for {@code wss}. Two futures tell the connecting thread
 * how far it got, so that it can apply the connect timeout to the first and the handshake
 * timeout to the rest, and {@link #abort} when one passes.
 */
final class ConnectAttempt implements SelectorLoop.Handler {
    private enum Phase { CONNECT, PROXY, TLS, DONE }

    private final SelectorLoop loop;
    private final LoopBufferPool pool;
    private final Executor executor;
    private final ClientUri target;
    private final InetSocketAddress address;
    private final boolean viaProxy;
    private final SSLContext sslContext;
    private final boolean verifyHostname;

    /** Completes when the TCP connection (to the server or the proxy) is established. */
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    /** Completes with the transport once the tunnel and TLS are up. */
    final CompletableFuture<NioTransport> ready = new CompletableFuture<>();

    // Loop thread only.
    private Phase phase = Phase.CONNECT;
    private SocketChannel channel;
    private SelectionKey key;
    private ProxyTunnel tunnel;
    private TlsLink tls;

    /**
     * @param address        where to connect: the server, or the proxy when {@code viaProxy}; resolved
     * @param sslContext     for {@code wss}; {@code null} for {@code ws}
     * @param verifyHostname whether the server's certificate must name the host (RFC 2818 rules)
     */
    ConnectAttempt(SelectorLoop loop, LoopBufferPool pool, Executor executor, ClientUri target, InetSocketAddress address,
                   boolean viaProxy, SSLContext sslContext, boolean verifyHostname) {
        this.loop = loop;
        this.pool = pool;
        this.executor = executor;
        this.target = target;
        this.address = address;
        this.viaProxy = viaProxy;
        this.sslContext = sslContext;
        this.verifyHostname = verifyHostname;
    }

    void start() {
        loop.execute(this::begin);
    }

    /** Gives up (a timeout passed, the caller was interrupted): the socket is closed. */
    void abort(Throwable reason) {
        ready.completeExceptionally(reason); // a transport finished from now on is aborted, not handed out
        loop.execute(() -> fail(reason));
    }

    private void begin() {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean done = channel.connect(address);
            key = loop.register(channel, done ? 0 : SelectionKey.OP_CONNECT, this);
            if (done) {
                onConnected();
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public void ready(SelectionKey key) throws IOException {
        switch (phase) {
            case CONNECT -> {
                if (key.isConnectable() && channel.finishConnect()) {
                    onConnected();
                }
            }
            case PROXY -> proxyStep();
            case TLS -> tlsStep();
            default -> key.interestOps(0);
        }
    }

    @Override
    public void failed(Throwable error) {
        fail(error);
    }

    private void onConnected() throws IOException {
        connected.complete(null);
        if (viaProxy) {
            phase = Phase.PROXY;
            tunnel = new ProxyTunnel(target.authority());
            proxyStep();
        } else {
            startLink(null);
        }
    }

    private void proxyStep() throws IOException {
        ByteBuffer rest = tunnel.step(channel);
        if (rest == null) {
            key.interestOps(tunnel.wantsWrite() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        } else {
            startLink(rest);
        }
    }

    private void startLink(ByteBuffer prefetched) throws IOException {
        if (sslContext == null) {
            finish(new PlainLink(channel, prefetched));
            return;
        }
        SSLEngine engine = sslContext.createSSLEngine(target.host(), target.port());
        engine.setUseClientMode(true);
        SSLParameters params = engine.getSSLParameters();
        if (verifyHostname) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!target.isIpLiteral()) {
            params.setServerNames(java.util.List.of(new SNIHostName(target.host())));
        }
        engine.setSSLParameters(params);
        engine.beginHandshake();
        tls = new TlsLink(channel, engine, pool, prefetched);
        phase = Phase.TLS;
        tlsStep();
    }

    private void tlsStep() throws IOException {
        switch (tls.handshake()) {
            case DONE -> finish(tls);
            case NEED_READ -> key.interestOps(SelectionKey.OP_READ);
            case NEED_WRITE -> key.interestOps(SelectionKey.OP_WRITE);
        }
    }

    private void finish(Link link) {
        phase = Phase.DONE;
        NioTransport transport = new NioTransport(loop, key, link, pool, executor);
        if (!ready.complete(transport)) {
            transport.abort(); // the caller gave up meanwhile
        }
    }

    private void fail(Throwable error) {
        if (phase == Phase.DONE) {
            return;
        }
        phase = Phase.DONE;
        if (key != null) {
            key.cancel();
        }
        if (tls != null) {
            tls.close(); // sends the TLS alert the engine holds, if any
        } else if (channel != null) {
            ClientIo.closeQuietly(channel);
        }
        connected.completeExceptionally(error);
        ready.completeExceptionally(error);
    }
}
