package dev.freeway.engine;

import dev.freeway.benchmarks.Texts;
import org.eclipse.jetty.websocket.core.internal.NullAppendable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * UTF-8 validation of one whole text payload. Scores are payloads per second; multiply by
 * {@code size} for bytes per second ({@link dev.freeway.benchmarks.ResultsTable} does it).
 *
 * <p>This class sits in the engine's package (in the benchmarks jar) to call the
 * package-private {@link Utf8} directly: going through a text frame would add parsing and
 * unmasking, which {@code ParseUnmaskBenchmark} already measures. The peer is what Jetty's
 * websocket uses when it validates without decoding: {@link NullAppendable}, a
 * {@code Utf8StringBuilder} that keeps no characters.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Utf8ValidationBenchmark {
    @Param({"ascii", "mixed"})
    public String text;

    @Param({"1024", "65536"})
    public int size;

    private byte[] bytes;
    private byte[] ceilingOut;
    private final Utf8 freeway = new Utf8();
    private final NullAppendable jetty = new NullAppendable();

    @Setup
    public void setUp() {
        bytes = Texts.utf8(text, size);
        ceilingOut = new byte[size];
        // Both validators must accept the text and reject it once a byte in the middle is
        // broken, or they are not really looking at the bytes.
        check(freeway(), "Freeway rejects valid text");
        check(jetty(), "Jetty rejects valid text");
        byte[] valid = bytes;
        bytes = valid.clone();
        bytes[size / 2] = (byte) 0xFF; // never valid in UTF-8
        check(!freeway(), "Freeway accepts invalid text");
        check(!jetty(), "Jetty accepts invalid text");
        bytes = valid;
    }

    @Benchmark
    public boolean freeway() {
        freeway.reset();
        return freeway.validate(bytes, 0, bytes.length) < 0 && freeway.isComplete();
    }

    /** The least work that reads every byte. */
    @Benchmark
    public byte[] ceiling() {
        System.arraycopy(bytes, 0, ceilingOut, 0, bytes.length);
        return ceilingOut;
    }

    @Benchmark
    public boolean jetty() {
        jetty.reset();
        jetty.append(bytes, 0, bytes.length);
        jetty.complete();
        return !jetty.hasCodingErrors();
    }

    private void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " (" + text + ", " + size + " bytes)");
        }
    }
}
