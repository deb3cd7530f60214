package dev.freeway.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.bridge.Digests;
import dev.freeway.bridge.ServletHost;
import dev.freeway.bridge.Stall;
import dev.freeway.bridge.StreamSubprotocol;
import dev.freeway.bridge.TcpService;
import dev.freeway.bridge.Transfers;
import dev.freeway.bridge.client.StreamOptions;
import dev.freeway.bridge.client.WebSocketStream;
import dev.freeway.bridge.client.WebSocketStreams;
import dev.freeway.client.FreewayClientContainer;

import java.io.OutputStream;
import java.net.Socket;
import java.security.MessageDigest;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A slow reader on either side holds the bridge to its bounds: with the far side not reading,
 * the near side's producer stalls (back-pressure reached it through TCP), the bridge holds at
 * most about one buffer, and once the reader reads every byte arrives (SHA-256). 64 MiB each
 * time, more than every buffer on the way together, so a stall proves the flow was held back.
 */
class BoundedMemoryTest {
    static final java.util.List<String> KINDS = ServletHost.KINDS;
    private static final System.Logger LOG = System.getLogger(BoundedMemoryTest.class.getName());
    private static final long SIZE = 64L * 1024 * 1024;
    private static final int BUFFER = 64 * 1024;
    /** What may wait in the kernel's socket buffers on the way (four sockets), with room to spare. */
    private static final long IN_FLIGHT_BOUND = 24L * 1024 * 1024;

    @ParameterizedTest
    @FieldSource("KINDS")
    void aSlowWebSocketReaderStallsTheTcpService(String kind) throws Exception {
        AtomicLong produced = new AtomicLong();
        try (TcpService source = TcpService.start(countingSource(produced));
             TcpBridge bridge = TcpBridge.to(BridgeTarget.parse(source.hostAndPort()),
                     BridgeSettings.defaults().withBufferSize(BUFFER).withSocketBufferSize(BUFFER));
             ServletHost host = ServletHost.start(kind, Map.of(), bridge.endpointConfig("/source"));
             FreewayClientContainer client = new FreewayClientContainer();
             WebSocketStream stream = WebSocketStreams.connect(client, host.ws("/source"), StreamSubprotocol.BINARY,
                     StreamOptions.defaults().withInboundLimit(BUFFER))) {
            long stalledAt = Stall.await(produced::get);
            LOG.log(System.Logger.Level.INFO, "{0}: TCP service stalled at {1} bytes; bridge peak {2}, client holds {3}",
                    kind, stalledAt, bridge.peakBufferedBytes(), stream.bufferedBytes());
            assertThat(stalledAt).isLessThan(IN_FLIGHT_BOUND);
            assertThat(bridge.peakBufferedBytes()).isLessThanOrEqualTo(BUFFER);
            assertThat(stream.bufferedBytes()).isLessThanOrEqualTo(2L * BUFFER);

            assertThat(Transfers.drain(stream.inputStream())).isEqualTo(new Transfers.Received(SIZE, Transfers.expected(SIZE, 1)));
            assertThat(bridge.peakBufferedBytes()).isLessThanOrEqualTo(BUFFER);
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void aSlowTcpReaderStallsTheWebSocketWriter(String kind) throws Exception {
        CountDownLatch readNow = new CountDownLatch(1);
        CompletableFuture<Transfers.Received> received = new CompletableFuture<>();
        TcpService.Behaviour lateSink = s -> {
            try {
                readNow.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Transfers.sink(received).serve(s);
        };
        AtomicLong written = new AtomicLong();
        try (TcpService sink = TcpService.startSmallBuffers(lateSink, BUFFER);
             TcpBridge bridge = TcpBridge.to(BridgeTarget.parse(sink.hostAndPort()),
                     BridgeSettings.defaults().withBufferSize(BUFFER).withSocketBufferSize(BUFFER));
             ServletHost host = ServletHost.start(kind, Map.of(), bridge.endpointConfig("/sink"))) {
            WebSocketStream stream = WebSocketStreams.connect(host.ws("/sink"), StreamSubprotocol.BINARY);
            CompletableFuture<String> sent = CompletableFuture.supplyAsync(() -> write(stream, written));
            long stalledAt = Stall.await(written::get);
            LOG.log(System.Logger.Level.INFO, "{0}: WebSocket writer stalled at {1} bytes; bridge peak {2}",
                    kind, stalledAt, bridge.peakBufferedBytes());
            assertThat(stalledAt).isLessThan(IN_FLIGHT_BOUND);
            // at most what one read of the server's upgraded connection hands over, twice
            assertThat(bridge.peakBufferedBytes()).isLessThanOrEqualTo(2L * BUFFER);

            readNow.countDown();
            String digest = sent.get(120, TimeUnit.SECONDS);
            stream.close();
            assertThat(received.get(60, TimeUnit.SECONDS)).isEqualTo(new Transfers.Received(SIZE, digest));
            assertThat(bridge.peakBufferedBytes()).isLessThanOrEqualTo(2L * BUFFER);
        }
    }

    /** Sends {@link #SIZE} seeded bytes (seed 1), counting as it goes, then closes. */
    private static TcpService.Behaviour countingSource(AtomicLong produced) {
        return s -> {
            try (Socket socket = s) {
                OutputStream out = socket.getOutputStream();
                SplittableRandom random = new SplittableRandom(1);
                byte[] chunk = new byte[BUFFER];
                for (long left = SIZE; left > 0; left -= chunk.length) {
                    out.write(Digests.fill(random, chunk));
                    produced.addAndGet(chunk.length);
                }
            }
        };
    }

    private static String write(WebSocketStream stream, AtomicLong written) {
        try {
            MessageDigest sha = Digests.sha256();
            SplittableRandom random = new SplittableRandom(2);
            byte[] chunk = new byte[BUFFER];
            for (long left = SIZE; left > 0; left -= chunk.length) {
                stream.outputStream().write(Digests.fill(random, chunk));
                sha.update(chunk);
                written.addAndGet(chunk.length);
            }
            return Digests.hex(sha);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
