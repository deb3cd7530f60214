package dev.freeway.benchmarks.load.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

/**
 * The ceiling: the least work a WebSocket echo can do on this JVM. One selector thread accepts,
 * answers the HTTP/1.1 upgrade ({@link CeilingHandshake}) and echoes frames as they stream in
 * ({@link CeilingConnection}): it parses each frame header, unmasks the payload eight bytes at a
 * time straight into the output buffer behind an unmasked header, and writes what one read
 * produced with one write. No message is assembled, no UTF-8 is checked, no limit enforced,
 * nothing is handed to another thread, and nothing is allocated per frame: the two buffers are
 * the thread's own (a connection gets a buffer of its own only once the socket refused output).
 * It speaks no extension, so the deflate scenario is n/a, and has no {@code /hash}.
 */
public final class CeilingServer implements ServerLauncher {
    /** One read's worth; the output holds one read's echo plus a header carried from the last read. */
    static final int BUFFER_SIZE = 256 * 1024;
    static final int OUTPUT_SIZE = BUFFER_SIZE + 16;

    private int statusPort = -1;

    @Override
    public int start(int port) throws Exception {
        FirstLoggedFailure log = FirstLoggedFailure.install();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", port), 1024);
        server.configureBlocking(false);
        Selector selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        Thread loop = new Thread(() -> run(selector), "ceiling-selector");
        loop.setDaemon(true);
        loop.start();
        int bound = ((InetSocketAddress) server.getLocalAddress()).getPort();
        statusPort = StatusPort.start();
        EchoSelfCheck.require("the ceiling", bound, log);
        return bound;
    }

    @Override
    public int statusPort() {
        return statusPort;
    }

    private static void run(Selector selector) {
        // Big-endian, so eight payload bytes read as one long line up with the mask's byte order.
        ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_SIZE);
        ByteBuffer out = ByteBuffer.allocateDirect(OUTPUT_SIZE);
        CeilingHandshake handshakes = new CeilingHandshake();
        try {
            while (true) {
                selector.select();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept((ServerSocketChannel) key.channel(), selector);
                        continue;
                    }
                    CeilingConnection c = (CeilingConnection) key.attachment();
                    try {
                        if (key.isWritable()) {
                            c.onWritable();
                        } else if (key.isReadable()) {
                            c.onReadable(in, out, handshakes);
                        }
                    } catch (IOException | RuntimeException e) {
                        c.close();
                    }
                }
            }
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    private static void accept(ServerSocketChannel server, Selector selector) throws IOException {
        SocketChannel ch;
        while ((ch = server.accept()) != null) {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SelectionKey key = ch.register(selector, SelectionKey.OP_READ);
            key.attach(new CeilingConnection(ch, key));
        }
    }
}
