package dev.freeway.benchmarks;

import dev.freeway.engine.Connection;
import dev.freeway.engine.Data;
import dev.freeway.engine.EngineConfig;
import dev.freeway.engine.Event;
import dev.freeway.engine.RemoteProtocolError;
import dev.freeway.engine.Role;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.internal.Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Server-side receive of one masked binary frame: parse the header and unmask the payload.
 * Scores are frames per second; multiply by {@code size} for payload bytes per second
 * ({@link ResultsTable} does it).
 *
 * <p>Both real parsers unmask in place, so the input must be masked again before every call.
 * {@code input=copy} copies the masked template over the working buffer in every variant,
 * which charges each of them one extra copy. {@code input=inPlace} copies nothing: XOR with the
 * same key is its own inverse, so the in-place unmask of one call re-masks the payload for the
 * next, and every call does identical work on the same bytes. Only binary frames allow that
 * (the payload alternates between two states, neither checked).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseUnmaskBenchmark {
    @Param({"125", "1024", "65536", "1048576"})
    public int size;

    @Param({"copy", "inPlace"})
    public String input;

    private MaskedFrame frame;
    private byte[] template;
    private byte[] work;
    /**
     * Two views of {@code work}, used in turn. The engine keeps the last buffer it was given, and
     * as of this writing {@code receive} refuses that same object again once it is cleared and
     * refilled (it looks like unconsumed input), so every variant alternates between two views.
     */
    private final ByteBuffer[] views = new ByteBuffer[2];
    private int turn;
    private boolean copy;
    private byte[] ceilingOut;
    private Connection freeway;
    private Parser jetty;

    @Setup
    public void setUp() throws RemoteProtocolError {
        frame = MaskedFrame.binary(size);
        template = frame.wire();
        work = frame.wire();
        views[0] = ByteBuffer.wrap(work);
        views[1] = ByteBuffer.wrap(work);
        copy = switch (input) {
            case "copy" -> true;
            case "inPlace" -> false;
            default -> throw new IllegalArgumentException("input must be copy or inPlace, was " + input);
        };
        ceilingOut = new byte[size];
        // One connection parses a stream of frames; each call hands it one complete frame.
        freeway = Connection.established(Role.SERVER, EngineConfig.defaults(), List.of());
        jetty = new Parser(ByteBufferPool.NON_POOLING, jettyConfiguration());
        verify();
    }

    /**
     * Jetty's defaults cap frames at 64 KiB and split bigger ones; lift the cap as Freeway's
     * defaults have none, so the 1 MiB frame is one frame for both. Jetty's parser takes masked
     * frames in either role: the server's "must be masked" rule is checked later, in the session.
     */
    private static Configuration jettyConfiguration() {
        Configuration.ConfigurationCustomizer config = new Configuration.ConfigurationCustomizer();
        config.setMaxFrameSize(Long.MAX_VALUE);
        return config;
    }

    /** Freeway: feed the frame, take events until the input is consumed. */
    @Benchmark
    public void freeway(Blackhole bh) throws RemoteProtocolError {
        freeway.receive(refill());
        for (Event e; (e = freeway.nextEvent()) != null; ) {
            bh.consume(e);
        }
    }

    /** The least any receiver can do: the same refill, then move the payload once. */
    @Benchmark
    public byte[] ceiling() {
        refill();
        System.arraycopy(work, frame.headerLength(), ceilingOut, 0, size);
        return ceilingOut;
    }

    /** Jetty 12.1: {@code Frame.Parsed}'s constructor unmasks the payload, eagerly, in place. */
    @Benchmark
    public Frame jetty() {
        return jetty.parse(refill());
    }

    private ByteBuffer refill() {
        if (copy) {
            System.arraycopy(template, 0, work, 0, template.length);
        }
        return nextView();
    }

    private ByteBuffer nextView() {
        turn ^= 1;
        return views[turn].clear();
    }

    /**
     * Runs each variant once on a masked frame and checks what it produced. Freeway goes last
     * and nothing touches its view afterwards, so the next {@code receive} finds it consumed.
     */
    private void verify() throws RemoteProtocolError {
        byte[] expected = frame.payload();

        // The ceiling does not unmask: it must have moved exactly the masked payload.
        remask();
        ceiling();
        check("ceiling", Arrays.equals(ceilingOut, 0, size, template, frame.headerLength(), template.length));

        remask();
        ByteBuffer in = nextView();
        Frame f = jetty.parse(in);
        check("jetty", f.isFin() && f.getOpCode() == OpCode.BINARY && !in.hasRemaining()
                && Arrays.equals(bytes(f.getPayload()), expected));

        remask();
        freeway.receive(nextView());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        boolean finished = false;
        for (Event e; (e = freeway.nextEvent()) != null; ) {
            if (e instanceof Data d) {
                got.writeBytes(bytes(d.payload()));
                finished = d.messageFinished();
            }
        }
        check("freeway", finished && Arrays.equals(got.toByteArray(), expected));

        remask(); // inPlace mode starts from the masked frame
    }

    private void remask() {
        System.arraycopy(template, 0, work, 0, template.length);
    }

    private static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }

    private void check(String variant, boolean ok) {
        if (!ok) {
            throw new IllegalStateException(variant + " did not produce the frame's payload (size " + size + ")");
        }
    }
}
