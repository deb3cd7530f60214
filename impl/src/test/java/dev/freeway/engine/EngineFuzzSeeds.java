package dev.freeway.engine;

import static dev.freeway.engine.DeflateTestBytes.hex;
import static dev.freeway.engine.FuzzInput.CANNED_HANDSHAKE;
import static dev.freeway.engine.FuzzInput.CLIENT;
import static dev.freeway.engine.FuzzInput.DEFLATE;
import static dev.freeway.engine.FuzzInput.FUZZED_HANDSHAKE;
import static dev.freeway.engine.FuzzInput.NO_AUTO_CLOSE_REPLY;
import static dev.freeway.engine.FuzzInput.NO_AUTO_PONG;
import static dev.freeway.engine.FuzzInput.NO_CONTEXT_TAKEOVER;
import static dev.freeway.engine.FuzzInput.RECEIVE_END;
import static dev.freeway.engine.FuzzInput.RESERVED_OPCODES;
import static dev.freeway.engine.FuzzInput.header;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Writes the seed inputs of {@link EngineFuzzTest} (the files in
 * {@code src/test/resources/dev/freeway/engine/EngineFuzzTestInputs/connection/} whose names do not
 * start with {@code crash-}); each is a {@link FuzzInput} header and a stream that exercises one
 * area of the engine. Regenerate them after changing {@link FuzzInput}'s layout, from the
 * repository root after {@code mvn -pl impl -am test-compile}:
 *
 * <pre>
 * java -cp impl/target/test-classes:impl/target/classes:api/target/classes dev.freeway.engine.EngineFuzzSeeds
 * </pre>
 */
final class EngineFuzzSeeds {
    private static final byte[] NONE = {};

    /** RFC 7692 section 7.2.3: the example payloads, as a server sends them (unmasked). */
    private static final String RFC7692_EXAMPLES = String.join(" ",
            "c1 07 f2 48 cd c9 c9 07 00",                  // 7.2.3.1 "Hello"
            "41 03 f2 48 cd 80 04 c9 c9 07 00",            // 7.2.3.1 "Hello" in two fragments
            "c1 05 f2 00 11 00 00",                        // 7.2.3.2 "Hello" again, from the window
            "c1 0b 00 05 00 fa ff 48 65 6c 6c 6f 00",      // 7.2.3.3 a stored block
            "c1 08 f3 48 cd c9 c9 07 00 00",               // 7.2.3.4 BFINAL set
            "c1 0d f2 48 05 00 00 00 ff ff ca c9 c9 07 00"); // 7.2.3.5 two blocks

    private static final String REQUEST = "GET /chat HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    private static final String SWITCHING = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + FuzzInput.ACCEPT_PLACEHOLDER + "\r\n";

    private EngineFuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0]
                : "impl/src/test/resources/dev/freeway/engine/EngineFuzzTestInputs/connection");
        Files.createDirectories(dir);
        byte[] hello = hex("f2 48 cd c9 c9 07 00");

        write(dir, "server-text-ping-pong-close", header(RECEIVE_END, 0, 0, 0, 0, 0),
                Wire.fromClient().text("Hello").frame(true, 0, 9, ascii("hi")).frame(true, 0, 10, NONE)
                        .close(1000, "bye").bytes());
        write(dir, "client-fragmented-text-byte-at-a-time", header(CLIENT | RECEIVE_END, 0, 0, 0, 1, 0),
                Wire.fromServer().frame(false, 0, 1, ascii("Hel")).frame(true, 0, 9, ascii("p"))
                        .frame(false, 0, 0, Wire.utf8("lo \u2603")).frame(true, 0, 0, Wire.utf8("\ud83d\ude00"))
                        .binary(new byte[200]).close(1001, "").bytes());
        write(dir, "client-deflate-rfc7692-examples", header(CLIENT | DEFLATE, 0, 0, 0, 7, 1),
                hex(RFC7692_EXAMPLES));
        write(dir, "server-deflate-hello-masked", header(DEFLATE | RECEIVE_END, 0, 0, 0, 3, 2),
                Wire.fromClient().frame(true, 4, 1, hello).frame(false, 4, 1, hex("f2 48 cd"))
                        .frame(true, 0, 0, hex("c9 c9 07 00")).close(1000, "").bytes());
        write(dir, "server-deflate-no-context-takeover", header(DEFLATE | NO_CONTEXT_TAKEOVER, 0, 0, 0, 0, 0),
                Wire.fromClient().frame(true, 4, 1, hello).frame(true, 4, 2, hello).bytes());
        write(dir, "server-handshake-deflate", header(FUZZED_HANDSHAKE | DEFLATE | RECEIVE_END, 0, 0, 0, 0, 0),
                concat(ascii(REQUEST + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n"),
                        Wire.fromClient().frame(true, 4, 1, hello).close(1000, "").bytes()));
        write(dir, "server-canned-handshake-split", header(CANNED_HANDSHAKE, 0, 0, 0, 5, 3),
                Wire.fromClient().text("Hello").frame(true, 0, 9, NONE).bytes());
        write(dir, "server-handshake-http10-rejected", header(FUZZED_HANDSHAKE, 0, 0, 0, 0, 0),
                ascii("GET / HTTP/1.0\r\nHost: a\r\n\r\n"));
        write(dir, "client-handshake-deflate", header(CLIENT | FUZZED_HANDSHAKE | DEFLATE | RECEIVE_END, 0, 0, 0, 0, 0),
                concat(ascii(SWITCHING + "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n"),
                        hex("c1 07 f2 48 cd c9 c9 07 00 88 02 03 e8")));
        write(dir, "client-interim-then-101", header(CLIENT | FUZZED_HANDSHAKE, 0, 0, 0, 0, 0),
                concat(ascii("HTTP/1.1 100 Continue\r\n\r\n" + SWITCHING + "\r\n"), Wire.fromServer().text("hi").bytes()));
        write(dir, "client-rejected-with-body", header(CLIENT | FUZZED_HANDSHAKE | RECEIVE_END, 0, 0, 0, 0, 0),
                ascii("HTTP/1.1 403 Forbidden\r\nContent-Length: 4\r\n\r\nnope"));
        write(dir, "server-limits-1009", header(0, 0, 16, 20, 0, 0),
                Wire.fromClient().frame(false, 0, 1, ascii("0123456789")).frame(true, 0, 0, ascii("0123456789abcde"))
                        .bytes());
        write(dir, "client-deflate-bomb-over-limit", header(CLIENT | DEFLATE, 0, 0, 4096, 0, 0),
                Wire.fromServer().frame(true, 4, 2, compressed(new byte[100_000])).bytes());
        write(dir, "client-deflate-over-limit-then-corrupt", header(CLIENT | DEFLATE, 0, 0, 2, 0, 0),
                hex("c1 0d e3 a9 00 02 e3 a9 36 30 e2 d7 30 0c ee")); // found by the fuzzer
        write(dir, "server-reserved-opcodes-and-rsv", header(RECEIVE_END, RESERVED_OPCODES | 7, 0, 0, 0, 0),
                Wire.fromClient().frame(true, 7, 3, ascii("x")).frame(true, 0, 0xB, ascii("c"))
                        .frame(true, 2, 1, ascii("t")).close(1000, "").bytes());
        write(dir, "server-control-frames-at-125-bytes", header(RECEIVE_END, 0, 0, 0, 0, 0),
                Wire.fromClient().frame(true, 0, 9, new byte[125]).frame(true, 0, 10, new byte[125])
                        .close(1000, "x".repeat(Close.MAX_REASON_BYTES)).bytes());
        write(dir, "server-invalid-utf8-across-frames", header(0, 0, 0, 0, 0, 0),
                Wire.fromClient().frame(false, 0, 1, hex("f0 9f")).frame(true, 0, 0, hex("98 28")).bytes());
        write(dir, "client-no-auto-replies", header(CLIENT | RECEIVE_END, NO_AUTO_PONG | NO_AUTO_CLOSE_REPLY, 0, 0, 0, 0),
                Wire.fromServer().frame(true, 0, 9, ascii("ping")).close(1000, "").bytes());
    }

    private static void write(Path dir, String name, byte[] header, byte[] stream) throws IOException {
        Files.write(dir.resolve(name), concat(header, stream));
    }

    /** {@code data} as one permessage-deflate message payload: raw DEFLATE, sync-flushed, tail removed. */
    private static byte[] compressed(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buf, 0, n);
        }
        deflater.end();
        byte[] all = out.toByteArray();
        return Arrays.copyOf(all, all.length - 4); // RFC 7692 7.2.1: drop 00 00 ff ff
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
