package dev.freeway.engine;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the receiving side of {@link Connection} in both roles, from the HTTP handshake or from
 * an established connection, with and without permessage-deflate, under small size limits and
 * every RSV/opcode/auto-reply setting (see {@link FuzzInput} for how an input chooses them), fed in
 * arbitrary splits.
 *
 * <p>Properties checked for every input (by {@link EventChecker}):
 * <ul>
 *   <li>Nothing but {@link RemoteProtocolError} escapes; after it the connection is
 *       {@link ConnectionState#CLOSED}, {@code nextEvent()} returns {@code null}, and the output is
 *       exactly the close frame with the error's code (or, for a server's failed handshake, an
 *       HTTP response that a client reads as the rejection's status and body). 1009 only comes
 *       when a size limit is set.</li>
 *   <li>Input is consumed: once {@code nextEvent()} returned {@code null}, {@code receive()} takes
 *       the next chunk without complaint.</li>
 *   <li>Events are well-formed and in order: handshake events only before the connection opens
 *       and only for their role; {@code FrameBegin} and {@code Data} nest properly, continuation
 *       frames only inside a message; reserved opcodes and RSV bits only when negotiated or
 *       allowed; uncompressed frames deliver exactly their declared length; only a frame's last
 *       {@code Data} may be empty; {@code messageFinished} implies {@code frameFinished} and
 *       matches FIN; control frames carry at most 125 bytes and come between frames; close codes
 *       are valid on the wire (or 1005 without a reason; 1006 only once, at the end of input);
 *       nothing follows a close frame.</li>
 *   <li>Text messages are valid UTF-8 as a whole and as every prefix delivered, judged by the
 *       JDK's decoder ({@link Utf8Oracle}).</li>
 *   <li>Limits hold: no frame beyond maxFrameSize; no message beyond maxMessageSize, neither
 *       declared nor delivered (inflated bytes included).</li>
 *   <li>The loop ends: at most two events per input byte plus a constant, not counting events
 *       that carry inflated bytes, of which there are at most 1032 per input byte (DEFLATE's
 *       largest expansion).</li>
 *   <li>An established connection makes the same of the stream fed whole as fed in the input's
 *       chunks: the same events, the same data per frame, the same error (but see
 *       {@link EventChecker#errorLine} for one leeway under permessage-deflate).</li>
 *   <li>{@code pendingOutput()} never throws, and what it returns, read by a connection of the
 *       opposite role, is whole control frames: pongs with the latest ping's payload (only with
 *       autoPong), and one close frame at most (the reply to the peer's close, with its code, or
 *       the error's), after which nothing is sent.</li>
 * </ul>
 *
 * <p>How it runs: in the normal build ({@code mvn verify}) the default Surefire execution runs this
 * class as a regression test over the inputs in
 * {@code src/test/resources/dev/freeway/engine/EngineFuzzTestInputs/connection/}; a second
 * execution ({@code fuzz}, see {@code impl/pom.xml}) sets {@code JAZZER_FUZZ=1} and fuzzes it for
 * {@code fuzz.seconds} (15 by default) from the fixed seed {@code fuzz.seed}, so every build fuzzes
 * the same inputs, keeping its corpus and any finding under
 * {@code impl/target/jazzer/}. To fuzz longer, from a new random seed each time:
 * {@code mvn -pl impl -am verify -Dfuzz.seconds=600 -Dfuzz.seed=0}.
 * A finding fails the build and leaves the input as {@code crash-*} (or {@code timeout-*}, for an
 * input that takes over 10 s) in {@code impl/target/jazzer/}: copy it into the inputs directory
 * above so that every build checks it from then on. {@link EngineFuzzSeeds} writes the seeds.
 */
class EngineFuzzTest {

    @DictionaryFile(resourcePath = "/dev/freeway/engine/EngineFuzzTest.dict")
    @FuzzTest(maxDuration = "15s")
    void connection(byte[] data) {
        FuzzInput input = FuzzInput.decode(data);
        DeflateSettings deflate = input.deflate()
                ? DeflateSettings.builder().noContextTakeover(input.noContextTakeover())
                        .requestPeerNoContextTakeover(input.noContextTakeover()).build()
                : DeflateSettings.disabled();
        Setup setup = Setup.of(input, deflate);
        EventChecker checker = new EventChecker(input, deflate, setup.connection, setup.stream.length);
        try {
            if (input.start() == FuzzInput.Start.ESTABLISHED) {
                checker.opened(input.deflate());
            }
            feed(input, setup.stream, setup.connection, checker);
        } finally {
            setup.connection.release();
            checker.release();
        }
        if (input.start() == FuzzInput.Start.ESTABLISHED) {
            List<String> whole = transcript(Setup.of(input, deflate).connection, setup.stream, input);
            if (!checker.transcript().equals(whole)) {
                throw new AssertionError("fed in chunks:\n" + checker.transcript() + "\nfed whole:\n" + whole);
            }
        }
    }

    /** The connection under test and the bytes to feed it, handshake included. */
    private record Setup(Connection connection, byte[] stream) {
        static Setup of(FuzzInput input, DeflateSettings deflate) {
            byte[] stream = input.stream();
            if (input.start() == FuzzInput.Start.ESTABLISHED) {
                return new Setup(Connection.established(input.role(), input.config(), agreedExtensions(input), deflate),
                        stream);
            }
            if (input.role() == Role.SERVER) {
                return new Setup(Connection.server(input.config(), deflate),
                        input.start() == FuzzInput.Start.CANNED_HANDSHAKE ? concat(cannedRequest(input), stream) : stream);
            }
            Connection client = Connection.client(input.config(), deflate);
            String accept = ServerHandshake.acceptValue(sentKey(client.send(
                    new Request("example.com", "/chat", null, null, PerMessageDeflate.offer(deflate).stream().toList()))));
            return new Setup(client, input.start() == FuzzInput.Start.CANNED_HANDSHAKE
                    ? concat(cannedResponse(input, accept), stream)
                    : latin1(new String(stream, StandardCharsets.ISO_8859_1).replace(FuzzInput.ACCEPT_PLACEHOLDER, accept)));
        }
    }

    /** Feeds {@code stream} in the input's split, taking every event and all output after each. */
    private static void feed(FuzzInput input, byte[] stream, Connection connection, EventChecker checker) {
        try {
            int at = 0;
            for (int n : input.chunks(stream.length)) {
                // A fresh array per chunk: the engine must not rely on bytes it has consumed.
                connection.receive(ByteBuffer.wrap(Arrays.copyOfRange(stream, at, at + n)));
                at += n;
                drain(connection, checker);
            }
            if (input.receiveEnd()) {
                connection.receiveEnd();
                checker.inputEnded();
                drain(connection, checker);
            }
        } catch (RemoteProtocolError error) {
            checker.failed(error);
        }
    }

    private static void drain(Connection connection, EventChecker checker) throws RemoteProtocolError {
        for (Event e; (e = connection.nextEvent()) != null; ) {
            checker.event(e);
            checker.output(connection.pendingOutput());
        }
        checker.output(connection.pendingOutput());
    }

    /** What {@code connection} makes of {@code stream} fed whole, as {@link EventChecker#transcript()}. */
    private static List<String> transcript(Connection connection, byte[] stream, FuzzInput input) {
        Feed.Recorder recorder = new Feed.Recorder();
        try {
            connection.receive(ByteBuffer.wrap(stream.clone()));
            for (Event e; (e = connection.nextEvent()) != null; ) {
                recorder.add(e);
            }
            if (input.receiveEnd()) {
                connection.receiveEnd();
                for (Event e; (e = connection.nextEvent()) != null; ) {
                    recorder.add(e);
                }
            }
        } catch (RemoteProtocolError error) {
            recorder.discardPartial();
            recorder.lines.add(EventChecker.errorLine(error, input.deflate()));
        } finally {
            connection.release();
        }
        recorder.flush();
        return recorder.lines;
    }

    private static List<ExtensionOffer> agreedExtensions(FuzzInput input) {
        if (!input.deflate()) {
            return List.of();
        }
        Map<String, String> parameters = new LinkedHashMap<>(); // flags map to null
        if (input.noContextTakeover()) {
            parameters.put(PerMessageDeflate.SERVER_NO_CONTEXT_TAKEOVER, null);
            parameters.put(PerMessageDeflate.CLIENT_NO_CONTEXT_TAKEOVER, null);
        }
        return List.of(new ExtensionOffer(PerMessageDeflate.EXTENSION_NAME, parameters));
    }

    private static byte[] cannedRequest(FuzzInput input) {
        return latin1("GET /chat HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + deflateHeader(input) + "\r\n");
    }

    private static byte[] cannedResponse(FuzzInput input, String accept) {
        return latin1("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n" + deflateHeader(input) + "\r\n");
    }

    private static String deflateHeader(FuzzInput input) {
        if (!input.deflate()) {
            return "";
        }
        return "Sec-WebSocket-Extensions: permessage-deflate"
                + (input.noContextTakeover() ? "; server_no_context_takeover; client_no_context_takeover" : "") + "\r\n";
    }

    /** The Sec-WebSocket-Key of the request a client sent. */
    private static String sentKey(ByteBuffer[] request) {
        String head = new String(Feed.join(request), StandardCharsets.ISO_8859_1);
        String field = "Sec-WebSocket-Key: ";
        int from = head.indexOf(field) + field.length();
        return head.substring(from, head.indexOf("\r\n", from));
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
