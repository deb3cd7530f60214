package dev.freeway.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Feeds bytes to a {@link Connection} in a chosen split and records what comes out as a
 * transcript of readable lines, so that runs with different splits can be compared: data chunks
 * of one frame are merged, since how a frame's payload is chunked depends on the split.
 */
final class Feed {
    /** How input is cut into {@code receive} calls. */
    enum Split {
        WHOLE, BYTE_AT_A_TIME, RANDOM;
    }

    static final List<Split> ALL = List.of(Split.WHOLE, Split.BYTE_AT_A_TIME, Split.RANDOM);

    private Feed() {
    }

    /**
     * Feeds {@code bytes} to a fresh connection from {@code factory}, cut per {@code split}, and
     * returns the transcript. A protocol error ends the transcript with a line
     * {@code error <code>} (and what was pending to send), as does the end of the input when
     * {@code end} is set.
     */
    static List<String> transcript(Supplier<Connection> factory, byte[] bytes, Split split, long seed, boolean end) {
        Connection c = factory.get();
        Recorder r = new Recorder();
        Random random = new Random(seed);
        int i = 0;
        try {
            while (i < bytes.length) {
                int n = switch (split) {
                    case WHOLE -> bytes.length;
                    case BYTE_AT_A_TIME -> 1;
                    case RANDOM -> 1 + random.nextInt(Math.min(bytes.length - i, 1 + random.nextInt(64)));
                };
                n = Math.min(n, bytes.length - i);
                // A fresh array per chunk: the engine must not depend on bytes it already consumed.
                byte[] chunk = new byte[n];
                System.arraycopy(bytes, i, chunk, 0, n);
                i += n;
                c.receive(ByteBuffer.wrap(chunk));
                drain(c, r);
            }
            if (end) {
                c.receiveEnd();
                drain(c, r);
            }
        } catch (RemoteProtocolError e) {
            // How much of a failing frame was delivered before the error depends on the split.
            r.discardPartial();
            r.lines.add("error " + e.closeCode());
        }
        r.flush();
        return r.lines;
    }

    /** Transcripts for the whole input, one byte at a time and 50 random splits; all must agree. */
    static List<String> agreedTranscript(Supplier<Connection> factory, byte[] bytes, boolean end) {
        List<String> whole = transcript(factory, bytes, Split.WHOLE, 0, end);
        List<String> bytewise = transcript(factory, bytes, Split.BYTE_AT_A_TIME, 0, end);
        if (!whole.equals(bytewise)) {
            throw new AssertionError("one byte at a time gave\n" + bytewise + "\nbut whole input gave\n" + whole);
        }
        for (long seed = 1; seed <= 50; seed++) {
            List<String> random = transcript(factory, bytes, Split.RANDOM, seed, end);
            if (!whole.equals(random)) {
                throw new AssertionError("random split (seed " + seed + ") gave\n" + random + "\nbut whole input gave\n" + whole);
            }
        }
        return whole;
    }

    private static void drain(Connection c, Recorder r) throws RemoteProtocolError {
        for (Event e; (e = c.nextEvent()) != null; ) {
            r.add(e);
        }
    }

    /** Collects events as lines, merging a frame's data chunks. */
    static final class Recorder {
        final List<String> lines = new ArrayList<>();
        private final StringBuilder data = new StringBuilder();
        private boolean inData;

        void add(Event e) {
            if (e instanceof Data d) {
                data.append(hex(d.payload()));
                inData = true;
                if (d.frameFinished()) {
                    lines.add("data " + data + (d.messageFinished() ? " end-message" : " end-frame"));
                    data.setLength(0);
                    inData = false;
                }
                return;
            }
            flush();
            lines.add(describe(e));
        }

        void discardPartial() {
            data.setLength(0);
            inData = false;
        }

        void flush() {
            if (inData) {
                lines.add("data " + data + " partial");
                data.setLength(0);
                inData = false;
            }
        }
    }

    static String describe(Event e) {
        if (e instanceof FrameBegin f) {
            return "frame " + dev.freeway.api.Opcode.name(f.opcode()) + " rsv=" + f.rsv() + " len=" + f.length()
                    + (f.fin() ? " fin" : "");
        }
        if (e instanceof Ping p) {
            return "ping " + hex(p.payload());
        }
        if (e instanceof Pong p) {
            return "pong " + hex(p.payload());
        }
        if (e instanceof Close c) {
            return "close " + c.code() + (c.reason().isEmpty() ? "" : " " + c.reason());
        }
        if (e instanceof ControlFrame c) {
            return "control 0x" + Integer.toHexString(c.opcode()) + " " + hex(c.payload());
        }
        return e.toString();
    }

    static String hex(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return HexFormat.of().formatHex(a);
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** All remaining bytes of {@code buffers}, concatenated. */
    static byte[] join(ByteBuffer... buffers) {
        int n = 0;
        for (ByteBuffer b : buffers) {
            n += b.remaining();
        }
        byte[] out = new byte[n];
        int at = 0;
        for (ByteBuffer b : buffers) {
            int k = b.remaining();
            b.duplicate().get(out, at, k);
            at += k;
        }
        return out;
    }
}
