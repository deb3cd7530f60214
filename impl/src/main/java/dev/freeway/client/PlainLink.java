package dev.freeway.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** A {@link Link} straight over the socket ({@code ws://}). */
final class PlainLink implements Link {
    private final SocketChannel channel;
    /** Bytes read past a proxy's CONNECT response, delivered first; null when none. */
    private ByteBuffer prefetched;

    PlainLink(SocketChannel channel, ByteBuffer prefetched) {
        this.channel = channel;
        this.prefetched = prefetched != null && prefetched.hasRemaining() ? prefetched : null;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (prefetched != null) {
            int n = Math.min(dst.remaining(), prefetched.remaining());
            dst.put(prefetched.slice(prefetched.position(), n));
            prefetched.position(prefetched.position() + n);
            if (!prefetched.hasRemaining()) {
                prefetched = null;
            }
            return n;
        }
        return channel.read(dst);
    }

    @Override
    public boolean write(ByteBuffer[] srcs) throws IOException {
        channel.write(srcs);
        return !ClientIo.hasRemaining(srcs);
    }

    @Override
    public boolean wantsWrite() {
        return false;
    }

    @Override
    public boolean hasBufferedInput() {
        return prefetched != null;
    }

    @Override
    public void close() {
        ClientIo.closeQuietly(channel);
    }

    @Override
    public void abort() {
        ClientIo.closeQuietly(channel);
    }

    @Override
    public boolean isSecure() {
        return false;
    }
}
