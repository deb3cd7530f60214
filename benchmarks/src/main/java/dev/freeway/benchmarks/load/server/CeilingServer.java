package dev.freeway.benchmarks.load.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The ceiling: the least work a WebSocket echo can do on this JVM. Two selector threads per core
 * ({@link CeilingLoop}; {@code -Dceiling.threads=N} to choose), each with its own connections.
 * Two, not one, because Netty's default is two I/O threads per core and the harness's machine is
 * shared: its scheduler shares the CPU between runnable threads, so with one thread per core the
 * ceiling got less of the cores than Netty did and fell below it (measured: 0.86 of Netty on
 * 64 KiB echo with one per core, 1.26 with two, medians of 3 interleaved rounds at a load
 * average of 6 to 10). The first loop also accepts and deals the accepted sockets out
 * round-robin, so from then on a
 * connection's reads and writes never leave its thread, while the threads together overlap one
 * connection's reading with another's writing on every core. Each loop answers the HTTP/1.1
 * upgrade ({@link CeilingHandshake}) and echoes frames as they stream in
 * ({@link CeilingConnection}): it parses each frame header, unmasks the payload eight bytes at a
 * time straight into the output buffer behind an unmasked header, and writes what one read
 * produced with one write (the echo of an unfinished frame waits for more of it while it is
 * under {@link #HOLD}, so a frame that arrived in pieces goes back whole, as a server that
 * assembles messages sends it, while a large frame streams and is never held whole). No message is assembled, no UTF-8 is checked, no limit enforced,
 * nothing is handed to another thread after accept, and nothing is allocated per frame: the two
 * buffers are the loop's own (a connection gets a buffer of its own only once the socket refused
 * output, and one for a held echo). It speaks no extension, so the deflate scenario is n/a, and has no {@code /hash}.
 */
public final class CeilingServer implements ServerLauncher {
    /** One read's worth; the output holds one read's echo plus a header carried from the last read. */
    static final int BUFFER_SIZE = 256 * 1024;
    /** Below this much echo of an unfinished frame, the echo waits for more of the frame. */
    static final int HOLD = 128 * 1024;
    static final int OUTPUT_SIZE = HOLD + BUFFER_SIZE + 16;

    private int statusPort = -1;

    @Override
    public int start(int port) throws Exception {
        FirstLoggedFailure log = FirstLoggedFailure.install();
        int threads = Math.max(1, Integer.getInteger("ceiling.threads", 2 * Runtime.getRuntime().availableProcessors()));
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", port), 1024);
        server.configureBlocking(false);
        CeilingLoop[] loops = new CeilingLoop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = new CeilingLoop();
        }
        loops[0].acceptOn(server, new Dealer(loops));
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(loops[i]::run, "ceiling-selector-" + i);
            t.setDaemon(true);
            t.start();
        }
        int bound = ((InetSocketAddress) server.getLocalAddress()).getPort();
        statusPort = StatusPort.start();
        EchoSelfCheck.require("the ceiling", bound, log);
        return bound;
    }

    @Override
    public int statusPort() {
        return statusPort;
    }

    /** Accepts on the first loop's thread and hands each socket to the next loop in turn. */
    static final class Dealer {
        private final CeilingLoop[] loops;
        private int next;

        Dealer(CeilingLoop[] loops) {
            this.loops = loops;
        }

        void accept(ServerSocketChannel server) throws IOException {
            SocketChannel ch;
            while ((ch = server.accept()) != null) {
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                loops[next].adopt(ch);
                next = (next + 1) % loops.length;
            }
        }
    }
}
