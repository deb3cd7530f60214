package dev.freeway.benchmarks.load.client;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;

/**
 * Client frames built once, masked, and sent many times: a server unmasks every copy the same
 * way, so one buffer serves every message of a run.
 */
public final class ClientFrames {
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    private static final byte[] MASK = {(byte) 0x5a, (byte) 0xc3, (byte) 0x17, (byte) 0x9e};

    private ClientFrames() {
    }

    /** A whole masked frame with FIN set; {@code rsv1} marks a permessage-deflate message. */
    public static ByteBuffer frame(int opcode, byte[] payload, boolean rsv1) {
        ByteBuffer header = header(opcode, payload.length, rsv1);
        ByteBuffer frame = ByteBuffer.allocate(header.remaining() + payload.length);
        frame.put(header).put(mask(payload));
        return frame.flip().asReadOnlyBuffer();
    }

    /** The masked close frame with status 1000. */
    public static ByteBuffer close() {
        return frame(CLOSE, new byte[] {0x03, (byte) 0xe8}, false);
    }

    /**
     * The header of a masked frame with FIN set that declares {@code length} bytes; the payload
     * must follow masked with this class's key ({@link #mask(byte[])} on blocks whose length is a
     * multiple of 4 can be repeated).
     */
    public static ByteBuffer header(int opcode, long length, boolean rsv1) {
        ByteBuffer h = ByteBuffer.allocate(14);
        h.put((byte) (0x80 | (rsv1 ? 0x40 : 0) | opcode));
        if (length < 126) {
            h.put((byte) (0x80 | length));
        } else if (length < 65536) {
            h.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            h.put((byte) (0x80 | 127)).putLong(length);
        }
        h.put(MASK);
        return h.flip();
    }

    /** {@code payload} masked with this class's key, starting at offset 0. */
    public static byte[] mask(byte[] payload) {
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ MASK[i & 3]);
        }
        return masked;
    }

    /**
     * {@code message} compressed as one permessage-deflate message with no context taken over
     * (so the same bytes are valid for every message when the client offered
     * {@code client_no_context_takeover}).
     */
    public static byte[] deflate(byte[] message) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(message);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[1024];
            int n;
            do {
                n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                out.write(chunk, 0, n);
            } while (n == chunk.length);
            byte[] all = out.toByteArray();
            // RFC 7692 7.2.1: the trailing 00 00 FF FF of the sync flush is not sent.
            byte[] trimmed = new byte[all.length - 4];
            System.arraycopy(all, 0, trimmed, 0, trimmed.length);
            return trimmed;
        } finally {
            deflater.end();
        }
    }
}
