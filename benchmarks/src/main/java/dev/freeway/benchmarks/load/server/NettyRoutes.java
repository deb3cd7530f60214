package dev.freeway.benchmarks.load.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.nio.charset.StandardCharsets;

/**
 * The first request of a Netty connection: {@code /echo} and {@code /echo-large} get Netty's
 * WebSocket handlers with the same message limits as {@link EchoEndpoint} and
 * {@link LargeEchoEndpoint} (a {@link WebSocketFrameAggregator}, so fragmented messages are echoed
 * whole as on the Jakarta servers), {@code /status} gets {@link ServerStatus#line()}, anything
 * else 404. The limits differ by path, which is why the handlers are added here and not at
 * connection set-up.
 */
final class NettyRoutes extends SimpleChannelInboundHandler<FullHttpRequest> {
    NettyRoutes() {
        super(false); // a WebSocket request is passed on to the protocol handler, still to be released there
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = request.uri();
        int limit = switch (path) {
            case "/echo" -> EchoEndpoint.MAX_MESSAGE_SIZE;
            case "/echo-large" -> LargeEchoEndpoint.MAX_MESSAGE_SIZE;
            default -> -1;
        };
        if (limit < 0) {
            try {
                respond(ctx, path.equals("/status") ? HttpResponseStatus.OK : HttpResponseStatus.NOT_FOUND,
                        path.equals("/status") ? ServerStatus.line() : "no such path");
            } finally {
                request.release();
            }
            return;
        }
        ChannelPipeline p = ctx.pipeline();
        p.addAfter(ctx.name(), "ws", new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(path).allowExtensions(true).maxFramePayloadLength(limit).build()));
        p.addAfter("ws", "aggregate", new WebSocketFrameAggregator(limit));
        p.addAfter("aggregate", "echo", new NettyEcho());
        // On to the handlers just added; the compression handler before us has seen the offer already.
        ctx.fireChannelRead(request);
        p.remove(this);
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.US_ASCII));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain").setInt(HttpHeaderNames.CONTENT_LENGTH,
                r.content().readableBytes());
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
}
