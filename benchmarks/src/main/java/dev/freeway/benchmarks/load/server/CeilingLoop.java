package dev.freeway.benchmarks.load.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * One selector thread of {@link CeilingServer} and the connections dealt to it. Its input and
 * output buffers serve all of them in turn (direct, big-endian: eight payload bytes read as one
 * long line up with the mask's byte order). Sockets accepted on another loop's thread arrive
 * through a queue and a wake-up; ready keys are taken with {@link Selector#select(Consumer)},
 * which, unlike iterating the selected-key set, allocates nothing per wake-up.
 */
final class CeilingLoop {
    private final Selector selector;
    private final ByteBuffer in = ByteBuffer.allocateDirect(CeilingServer.BUFFER_SIZE);
    private final ByteBuffer out = ByteBuffer.allocateDirect(CeilingServer.OUTPUT_SIZE);
    private final CeilingHandshake handshakes = new CeilingHandshake();
    private final ConcurrentLinkedQueue<SocketChannel> arrivals = new ConcurrentLinkedQueue<>();
    private final Consumer<SelectionKey> onReady = this::onReady;
    private Thread thread;
    private CeilingServer.Dealer dealer;

    CeilingLoop() throws IOException {
        selector = Selector.open();
    }

    /** This loop also accepts (before it runs). */
    void acceptOn(ServerSocketChannel server, CeilingServer.Dealer dealer) throws ClosedChannelException {
        this.dealer = dealer;
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    /** Takes a socket accepted on any loop's thread. */
    void adopt(SocketChannel ch) throws IOException {
        if (Thread.currentThread() == thread) {
            register(ch);
            return;
        }
        arrivals.add(ch);
        selector.wakeup();
    }

    void run() {
        thread = Thread.currentThread();
        try {
            while (true) {
                selector.select(onReady);
                SocketChannel ch;
                while ((ch = arrivals.poll()) != null) {
                    register(ch);
                }
            }
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    private void register(SocketChannel ch) throws IOException {
        SelectionKey key = ch.register(selector, SelectionKey.OP_READ);
        key.attach(new CeilingConnection(ch, key));
    }

    private void onReady(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            try {
                dealer.accept((ServerSocketChannel) key.channel());
            } catch (IOException e) {
                e.printStackTrace();
            }
            return;
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
