package dev.freeway.benchmarks.load.client;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The load generator's one thread: a selector over every client connection. Everything that
 * touches a connection runs here; other threads hand work in with {@link #execute} or
 * {@link #call}.
 */
public final class EventLoop implements AutoCloseable {
    private static final int READ_BUFFER_SIZE = 256 * 1024;

    private final InetSocketAddress server;
    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** One buffer for every connection: a read is scanned at once and nothing of it is kept. */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    private volatile boolean running = true;

    public EventLoop(InetSocketAddress server) throws IOException {
        this.server = server;
        this.selector = Selector.open();
        this.thread = new Thread(this::run, "load-client");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens a connection to {@code path}; {@code workload} hears of it from then on. Call on any thread. */
    public void connect(String path, boolean offerDeflate, Workload workload) {
        execute(() -> open(path, offerDeflate, workload));
    }

    /** Runs {@code task} on the loop's thread. */
    public void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Runs {@code task} on the loop's thread and waits for its result. */
    public <T> T call(Callable<T> task) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the load generator's thread did not answer", e);
        }
    }

    /** CPU time the loop's thread has used, in nanoseconds. */
    public long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
    }

    private void open(String path, boolean offerDeflate, Workload workload) {
        LoadConnection connection = null;
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connection = new LoadConnection(channel, workload, offerDeflate);
            connection.registered(channel.register(selector, SelectionKey.OP_CONNECT, new Opening(connection, path)));
            channel.connect(server);
        } catch (IOException e) {
            if (connection != null) {
                connection.close();
            }
            workload.onFailure(connection, "connect failed: " + e);
        }
    }

    /** The attachment of a connection whose connect has not finished. */
    private record Opening(LoadConnection connection, String path) {
    }

    private void run() {
        try {
            while (running) {
                selector.select();
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            System.getLogger(EventLoop.class.getName()).log(System.Logger.Level.ERROR, "the load generator stopped", e);
        }
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.attachment() instanceof Opening opening) {
            LoadConnection connection = opening.connection();
            try {
                if (((SocketChannel) key.channel()).finishConnect()) {
                    key.attach(connection);
                    key.interestOps(SelectionKey.OP_READ);
                    connection.connected(server.getHostString() + ":" + server.getPort(), opening.path());
                }
            } catch (IOException e) {
                connection.fail("connect failed: " + e);
            }
            return;
        }
        LoadConnection connection = (LoadConnection) key.attachment();
        if (key.isReadable()) {
            readBuffer.clear();
            int n;
            try {
                n = ((SocketChannel) key.channel()).read(readBuffer);
            } catch (IOException e) {
                connection.fail("read failed: " + e);
                return;
            }
            if (n < 0) {
                connection.ended();
                return;
            }
            readBuffer.flip();
            connection.received(readBuffer);
        }
        if (key.isValid() && key.isWritable()) {
            connection.flush();
        }
    }

    /** Closes every connection and stops the thread. */
    @Override
    public void close() throws InterruptedException {
        execute(() -> {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof LoadConnection c) {
                    c.close();
                } else if (key.attachment() instanceof Opening o) {
                    o.connection().close();
                }
            }
            running = false;
        });
        thread.join(10_000);
        try {
            selector.close();
        } catch (IOException e) {
            // the loop is over either way
        }
    }
}
