package dev.freeway.benchmarks.load.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;

import java.net.InetSocketAddress;

/**
 * Netty 4.2 with its conventional WebSocket pipeline, as its examples and most users build it:
 * the epoll transport (one acceptor thread, Netty's default of twice the cores for I/O),
 * {@link HttpServerCodec}, {@link HttpObjectAggregator}, {@link WebSocketServerCompressionHandler}
 * (permessage-deflate when the client offers it), then {@link NettyRoutes}, which puts
 * Netty's {@code WebSocketServerProtocolHandler} for {@code /echo} or {@code /echo-large} in place,
 * and answers {@code /status}. No {@code /hash}: Netty's frame decoder holds a whole frame before it
 * passes it on, so a 1 GiB frame cannot be taken in parts (see benchmarks/README.md).
 */
public final class NettyWebSocket implements ServerLauncher {
    /** The handshake request is small; the aggregator's limit only has to hold it. */
    private static final int MAX_REQUEST = 8192;

    @Override
    public int start(int port) throws Exception {
        FirstLoggedFailure log = FirstLoggedFailure.install();
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(EpollIoHandler.newFactory());
        Channel server = new ServerBootstrap()
                .group(acceptor, io)
                .channel(EpollServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST),
                                new WebSocketServerCompressionHandler(0), new NettyRoutes());
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
        int bound = ((InetSocketAddress) server.localAddress()).getPort();
        EchoSelfCheck.require("Netty 4.2", bound, log);
        return bound;
    }
}
