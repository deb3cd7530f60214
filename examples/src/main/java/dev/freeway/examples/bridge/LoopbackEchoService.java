package dev.freeway.examples.bridge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The TCP service behind the demo's bridge: bytes in, the same bytes out, on a loopback port
 * chosen at start. One selector thread for all connections and one 8 KiB buffer each; a
 * connection whose peer does not read stops being read (back-pressure, as the bridge does).
 */
final class LoopbackEchoService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LoopbackEchoService.class.getName());
    private static final int BUFFER = 8 * 1024;

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Thread thread;
    private volatile boolean running = true;

    LoopbackEchoService() throws IOException {
        selector = Selector.open();
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        thread = new Thread(this::loop, "freeway-demo-echo-service");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.socket().getLocalPort();
    }

    private void loop() {
        while (running) {
            try {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "echo service", e);
            }
        }
    }

    private void handle(SelectionKey key) throws IOException {
        if (key.isAcceptable()) {
            SocketChannel c = server.accept();
            if (c != null) {
                c.configureBlocking(false);
                c.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(BUFFER));
            }
            return;
        }
        SocketChannel c = (SocketChannel) key.channel();
        ByteBuffer buffer = (ByteBuffer) key.attachment();
        try {
            if (key.isReadable() && c.read(buffer) < 0) {
                c.close();
                return;
            }
            buffer.flip();
            c.write(buffer);
            buffer.compact();
            // Bytes left over wait for room on the way back; until then, read nothing more.
            key.interestOps(buffer.position() > 0 ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        } catch (IOException e) {
            c.close(); // the bridge went: nothing to echo to
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }
}
