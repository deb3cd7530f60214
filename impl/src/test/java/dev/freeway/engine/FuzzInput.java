package dev.freeway.engine;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * What one fuzzer input asks {@link EngineFuzzTest} to do. The input is a header of
 * {@link #HEADER} bytes followed by the byte stream to feed; the header is read bit by bit so
 * that every byte string is a valid input and a one-bit mutation changes one choice:
 *
 * <pre>
 * byte 0  bit 0     role: 0 server, 1 client
 *         bit 1     permessage-deflate agreed (established) or offered/accepted (handshake)
 *         bit 2     ... with server_ and client_no_context_takeover
 *         bits 3-4  start: 1 canned handshake (a valid request or 101 is put before the stream),
 *                   2 fuzzed handshake (the stream starts with the HTTP head; a client's
 *                   {@value #ACCEPT_PLACEHOLDER} is replaced by the Sec-WebSocket-Accept it
 *                   expects), 0 or 3 established (the stream is frames)
 *         bit 5     call receiveEnd() after the stream
 *         bits 6-7  inflateChunkSize: 16384, 64, 100, 1024
 * byte 1  bits 0-2  allowedRsv
 *         bit 3     allowReservedOpcodes
 *         bit 4     autoPong off
 *         bit 5     autoCloseReply off
 *         bits 6-7  maxHandshakeSize: 16384, 512, 200, 64
 * byte 2-3          maxFrameSize, big-endian; 0 = no limit
 * byte 4-5          maxMessageSize, big-endian; 0 = no limit
 * byte 6            longest receive() chunk; 0 = the whole stream in one call
 * byte 7            seed of the chunk lengths (uniform in 1 .. longest)
 * byte 8 ...        the stream
 * </pre>
 *
 * Inputs shorter than the header read as if padded with zeros.
 */
record FuzzInput(Role role, boolean deflate, boolean noContextTakeover, Start start, boolean receiveEnd,
                 EngineConfig config, int maxChunk, int splitSeed, byte[] stream) {

    static final int HEADER = 8;
    static final String ACCEPT_PLACEHOLDER = "{accept}";

    // Bits of byte 0, for building seeds.
    static final int CLIENT = 1;
    static final int DEFLATE = 1 << 1;
    static final int NO_CONTEXT_TAKEOVER = 1 << 2;
    static final int CANNED_HANDSHAKE = 1 << 3;
    static final int FUZZED_HANDSHAKE = 2 << 3;
    static final int RECEIVE_END = 1 << 5;

    // Bits of byte 1.
    static final int RESERVED_OPCODES = 1 << 3;
    static final int NO_AUTO_PONG = 1 << 4;
    static final int NO_AUTO_CLOSE_REPLY = 1 << 5;

    private static final int[] INFLATE_CHUNK_SIZES = {16384, 64, 100, 1024};
    private static final int[] HANDSHAKE_SIZES = {16384, 512, 200, 64};

    /** Where the connection starts. */
    enum Start { ESTABLISHED, CANNED_HANDSHAKE, FUZZED_HANDSHAKE }

    static FuzzInput decode(byte[] data) {
        byte[] h = Arrays.copyOf(data, Math.max(data.length, HEADER));
        int b0 = h[0] & 0xFF;
        int b1 = h[1] & 0xFF;
        Start start = switch ((b0 >>> 3) & 3) {
            case 1 -> Start.CANNED_HANDSHAKE;
            case 2 -> Start.FUZZED_HANDSHAKE;
            default -> Start.ESTABLISHED;
        };
        EngineConfig.Builder config = EngineConfig.builder()
                .inflateChunkSize(INFLATE_CHUNK_SIZES[b0 >>> 6])
                .allowedRsv(b1 & 7)
                .allowReservedOpcodes((b1 & RESERVED_OPCODES) != 0)
                .autoPong((b1 & NO_AUTO_PONG) == 0)
                .autoCloseReply((b1 & NO_AUTO_CLOSE_REPLY) == 0)
                .maxHandshakeSize(HANDSHAKE_SIZES[b1 >>> 6]);
        int maxFrame = u16(h, 2);
        int maxMessage = u16(h, 4);
        if (maxFrame > 0) {
            config.maxFrameSize(maxFrame);
        }
        if (maxMessage > 0) {
            config.maxMessageSize(maxMessage);
        }
        return new FuzzInput((b0 & CLIENT) != 0 ? Role.CLIENT : Role.SERVER, (b0 & DEFLATE) != 0,
                (b0 & NO_CONTEXT_TAKEOVER) != 0, start, (b0 & RECEIVE_END) != 0, config.build(),
                h[6] & 0xFF, h[7] & 0xFF, Arrays.copyOfRange(h, HEADER, h.length));
    }

    /** The lengths of the {@code receive()} calls that feed a stream of {@code length} bytes. */
    int[] chunks(int length) {
        if (maxChunk == 0) {
            return length == 0 ? new int[0] : new int[] {length};
        }
        Random random = new Random(splitSeed);
        IntStream.Builder chunks = IntStream.builder();
        for (int left = length; left > 0; ) {
            int n = Math.min(left, 1 + random.nextInt(maxChunk));
            chunks.add(n);
            left -= n;
        }
        return chunks.build().toArray();
    }

    /** A header for seeds: the two flag bytes, the limits (0 = none) and the split. */
    static byte[] header(int flags0, int flags1, int maxFrameSize, int maxMessageSize, int maxChunk, int splitSeed) {
        return new byte[] {(byte) flags0, (byte) flags1, (byte) (maxFrameSize >>> 8), (byte) maxFrameSize,
                (byte) (maxMessageSize >>> 8), (byte) maxMessageSize, (byte) maxChunk, (byte) splitSeed};
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
