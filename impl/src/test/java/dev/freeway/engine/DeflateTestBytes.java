package dev.freeway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Byte helpers shared by the permessage-deflate tests. */
final class DeflateTestBytes {
    private DeflateTestBytes() {
    }

    /** {@code "f2 48 cd"} as bytes; spaces are ignored. */
    static byte[] hex(String hex) {
        String s = hex.replace(" ", "");
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    static String hex(ByteBuffer buffer) {
        StringBuilder sb = new StringBuilder();
        ByteBuffer b = buffer.duplicate();
        while (b.hasRemaining()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", b.get() & 0xff));
        }
        return sb.toString();
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    /**
     * Drains {@code inflater} into {@code out} by polling {@link MessageInflater#needsInput()},
     * checking that no chunk exceeds {@code chunkSize} and that once it needs input, inflating
     * yields nothing more.
     */
    static void drain(MessageInflater inflater, ByteArrayOutputStream out, int chunkSize) throws RemoteProtocolError {
        while (!inflater.needsInput()) {
            ByteBuffer chunk = inflater.inflate();
            assertThat(chunk.remaining()).isLessThanOrEqualTo(chunkSize);
            byte[] b = bytes(chunk);
            out.write(b, 0, b.length);
        }
        assertThat(inflater.inflate().hasRemaining()).as("output after needsInput()").isFalse();
        assertThat(inflater.needsInput()).isTrue();
    }

    /** Inflates one message given as payload slices (e.g. one per frame), ending it. */
    static byte[] inflateMessage(MessageInflater inflater, int chunkSize, List<byte[]> slices) throws RemoteProtocolError {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] slice : slices) {
            ByteBuffer in = ByteBuffer.wrap(slice);
            inflater.input(in);
            drain(inflater, out, chunkSize);
            assertThat(in.hasRemaining()).isFalse();
        }
        inflater.endOfMessage();
        drain(inflater, out, chunkSize);
        assertThat(inflater.inMessage()).isFalse();
        return out.toByteArray();
    }

    /** Inflates a whole message's payload with a plain {@link Inflater}, as RFC 7692 7.2.2 says. */
    static byte[] referenceInflate(Inflater inflater, byte[] payload) throws DataFormatException {
        inflater.setInput(concat(payload, hex("00 00 ff ff")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (true) {
            int n = inflater.inflate(buf);
            out.write(buf, 0, n);
            // Short of a full buffer, zlib has run out of input or reached the stream's end.
            if (n < buf.length) {
                return out.toByteArray();
            }
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }
}
