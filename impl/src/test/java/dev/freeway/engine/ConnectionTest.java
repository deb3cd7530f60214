package dev.freeway.engine;

import static dev.freeway.engine.Feed.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Whole connections, from the handshake to the close, with two engines talking through bytes. */
class ConnectionTest {

    /** Two engines joined back to back; bytes cross in random pieces. */
    static final class Pair {
        final Connection client;
        final Connection server;
        final List<String> clientSaw = new ArrayList<>();
        final List<String> serverSaw = new ArrayList<>();
        private final Random random = new Random(11);

        Pair(Connection client, Connection server) {
            this.client = client;
            this.server = server;
        }

        void clientSends(Event e) throws RemoteProtocolError {
            deliver(Feed.join(client.send(e)), server, serverSaw);
        }

        void serverSends(Event e) throws RemoteProtocolError {
            deliver(Feed.join(server.send(e)), client, clientSaw);
        }

        /** Delivers what each side owes the other (pongs, close replies). */
        void flushOwed() throws RemoteProtocolError {
            for (ByteBuffer b; (b = server.pendingOutput()) != null; ) {
                deliver(Feed.join(b), client, clientSaw);
            }
            for (ByteBuffer b; (b = client.pendingOutput()) != null; ) {
                deliver(Feed.join(b), server, serverSaw);
            }
        }

        private void deliver(byte[] bytes, Connection to, List<String> saw) throws RemoteProtocolError {
            Feed.Recorder r = new Feed.Recorder();
            for (int i = 0; i < bytes.length; ) {
                int n = Math.min(bytes.length - i, 1 + random.nextInt(40));
                to.receive(ByteBuffer.wrap(java.util.Arrays.copyOfRange(bytes, i, i + n)));
                i += n;
                for (Event e; (e = to.nextEvent()) != null; ) {
                    if (e instanceof Data || e instanceof FrameBegin || e instanceof Ping || e instanceof Pong
                            || e instanceof Close) {
                        r.add(e);
                    } else {
                        r.flush();
                        r.lines.add(e.getClass().getSimpleName());
                        lastEvent = e;
                    }
                }
            }
            r.flush();
            saw.addAll(r.lines);
        }

        Event lastEvent;
    }

    private static Pair handshake(DeflateSettings clientDeflate, DeflateSettings serverDeflate, List<String> subprotocols)
            throws RemoteProtocolError {
        Connection client = Connection.client(EngineConfig.defaults(), clientDeflate);
        Connection server = Connection.server(EngineConfig.defaults(), serverDeflate);
        Pair p = new Pair(client, server);
        List<ExtensionOffer> offers = PerMessageDeflate.offer(clientDeflate).map(List::of).orElse(List.of());
        p.clientSends(new Request("example.com", "/chat?room=1", HttpHeaders.of("Origin", "http://example.com"),
                subprotocols, offers));
        Request request = (Request) p.lastEvent;
        assertThat(request.target()).isEqualTo("/chat?room=1");
        assertThat(request.headers().first("origin")).isEqualTo("http://example.com");
        List<ExtensionOffer> accepted = PerMessageDeflate.negotiate(request.extensions(), serverDeflate)
                .map(n -> List.of(n.response())).orElse(List.of());
        String chosen = request.subprotocols().contains("chat.v2") ? "chat.v2" : null;
        p.serverSends(new AcceptConnection(chosen, accepted, HttpHeaders.empty()));
        assertThat(p.lastEvent).isInstanceOf(AcceptConnection.class);
        assertThat(client.state()).isEqualTo(ConnectionState.OPEN);
        assertThat(server.state()).isEqualTo(ConnectionState.OPEN);
        return p;
    }

    @Test
    void aWholeConversationWithPermessageDeflate() throws Exception {
        Pair p = handshake(DeflateSettings.defaults(), DeflateSettings.defaults(), List.of("chat.v1", "chat.v2"));
        AcceptConnection accepted = (AcceptConnection) p.lastEvent;
        assertThat(accepted.subprotocol()).isEqualTo("chat.v2");
        assertThat(accepted.extensions()).extracting(ExtensionOffer::name).containsExactly("permessage-deflate");

        String text = "Hello, Freeway! ".repeat(100);
        p.clientSends(Data.text(text, true));
        p.clientSends(Data.text(text, true)); // context takeover: the second is tiny on the wire
        p.serverSends(Data.text("Héllo", false));
        p.serverSends(Data.text(" wörld", true));
        byte[] binary = new byte[200_000];
        new Random(3).nextBytes(binary);
        p.clientSends(Data.binary(binary, true));
        p.clientSends(new Ping(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8))));
        p.flushOwed();
        p.clientSends(new Close(1000, "done"));
        p.flushOwed();

        String textHex = Feed.hex(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(p.serverSaw).startsWith("Request");
        assertThat(p.serverSaw.get(1)).startsWith("frame TEXT rsv=4 len=");
        assertThat(p.serverSaw.get(2)).isEqualTo("data " + textHex + " end-message");
        assertThat(p.serverSaw.get(4)).isEqualTo("data " + textHex + " end-message");
        assertThat(p.serverSaw.get(5)).startsWith("frame BINARY rsv=4");
        assertThat(p.serverSaw.get(6)).isEqualTo("data " + Feed.hex(ByteBuffer.wrap(binary)) + " end-message");
        assertThat(p.serverSaw.subList(7, p.serverSaw.size()))
                .containsExactly("ping 61726520796f75207468657265", "close 1000 done");
        assertThat(p.clientSaw).hasSize(7);
        assertThat(p.clientSaw.get(1)).startsWith("frame TEXT rsv=4 len=");
        assertThat(p.clientSaw.get(2)).isEqualTo("data " + Feed.hex(ByteBuffer.wrap("Héllo".getBytes(StandardCharsets.UTF_8))) + " end-frame");
        assertThat(p.clientSaw.get(3)).startsWith("frame CONTINUATION rsv=0 len=").endsWith(" fin");
        assertThat(p.clientSaw.subList(4, 7)).containsExactly(
                "data " + Feed.hex(ByteBuffer.wrap(" wörld".getBytes(StandardCharsets.UTF_8))) + " end-message",
                "pong 61726520796f75207468657265", "close 1000");
        assertThat(p.client.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(p.server.state()).isEqualTo(ConnectionState.CLOSED);
        p.client.release();
        p.server.release();
    }

    @Test
    void smallWindowsAreNegotiatedAndUsedBothWays() throws Exception {
        DeflateSettings client = DeflateSettings.builder().maxWindowBits(10).peerMaxWindowBits(9).build();
        Pair p = handshake(client, DeflateSettings.defaults(), List.of());
        AcceptConnection accepted = (AcceptConnection) p.lastEvent;
        assertThat(accepted.extensions()).extracting(ExtensionOffer::toHeaderValue)
                .containsExactly("permessage-deflate; server_max_window_bits=9; client_max_window_bits=10");

        String text = "a window of a few hundred bytes, ".repeat(300);
        for (int i = 0; i < 3; i++) {
            p.clientSends(Data.text(text + i, true));
            p.serverSends(Data.text(i + text, true));
        }

        String toServer = Feed.hex(ByteBuffer.wrap((text + 2).getBytes(StandardCharsets.UTF_8)));
        String toClient = Feed.hex(ByteBuffer.wrap((2 + text).getBytes(StandardCharsets.UTF_8)));
        assertThat(p.serverSaw).contains("data " + toServer + " end-message");
        assertThat(p.clientSaw).contains("data " + toClient + " end-message");
        assertThat(p.serverSaw.get(p.serverSaw.size() - 2)).startsWith("frame TEXT rsv=4 len=");
        p.client.release();
        p.server.release();
    }

    @Test
    void aResponseWithALargerClientWindowThanOfferedFailsTheHandshake() throws Exception {
        // RFC 7692 section 7.1.2.2: the client offered 10 bits, the server answers 12.
        DeflateSettings ten = DeflateSettings.builder().maxWindowBits(10).build();
        Connection client = Connection.client(EngineConfig.defaults(), ten);
        Connection server = Connection.server(EngineConfig.defaults(), DeflateSettings.defaults());
        Pair p = new Pair(client, server);
        p.clientSends(new Request("example.com", "/", HttpHeaders.empty(), List.of(),
                List.of(PerMessageDeflate.offer(ten).orElseThrow())));

        RemoteProtocolError e = assertThrows(RemoteProtocolError.class, () -> p.serverSends(new AcceptConnection(null,
                List.of(new ExtensionOffer("permessage-deflate", Map.of("client_max_window_bits", "12"))),
                HttpHeaders.empty())));

        assertThat(e.closeCode()).isEqualTo(1002);
        assertThat(e).hasMessageContaining("client_max_window_bits=12 exceeds the offered 10");
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
    }

    @Test
    void compressionIsOnlyUsedWhenBothSidesWantIt() throws Exception {
        Pair p = handshake(DeflateSettings.defaults(), DeflateSettings.disabled(), List.of());
        assertThat(((AcceptConnection) p.lastEvent).extensions()).isEmpty();
        p.clientSends(Data.text("plain", true));
        assertThat(p.serverSaw).contains("frame TEXT rsv=0 len=5 fin");
    }

    @Test
    void aServerRejectsWithAStatusAndABody() throws Exception {
        Connection client = Connection.client(EngineConfig.defaults());
        Connection server = Connection.server(EngineConfig.defaults());
        Pair p = new Pair(client, server);
        p.clientSends(new Request("example.com", "/private"));
        byte[] body = "no entry".getBytes(StandardCharsets.UTF_8);
        // The body is streamed after the head, so the response is framed by closing the connection.
        p.serverSends(new RejectConnection(403, HttpHeaders.of("Content-Type", "text/plain"), true));
        assertThat(p.lastEvent).isInstanceOfSatisfying(RejectConnection.class, r -> assertThat(r.status()).isEqualTo(403));
        assertThat(server.state()).isEqualTo(ConnectionState.REJECTING);
        byte[] wire = Feed.join(server.send(new RejectData(ByteBuffer.wrap(body), true)));
        assertThat(server.state()).isEqualTo(ConnectionState.CLOSED);
        client.receive(ByteBuffer.wrap(wire));
        RejectData data = (RejectData) client.nextEvent();
        assertThat(StandardCharsets.UTF_8.decode(data.data()).toString()).isEqualTo("no entry");
        assertThat(data.bodyFinished()).isFalse();
        assertThat(client.nextEvent()).isNull();
        client.receiveEnd();
        assertThat(((RejectData) client.nextEvent()).bodyFinished()).isTrue();
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(client.nextEvent()).isNull();
    }

    @Test
    void aBadRequestGetsTheRightStatusWithAReadableBody() throws Exception {
        Connection server = Connection.server(EngineConfig.defaults());
        String request = "GET /chat HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n";
        server.receive(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
        RemoteProtocolError e = assertThrows(RemoteProtocolError.class, server::nextEvent);
        assertThat(e.rejection().status()).isEqualTo(426);
        String response = StandardCharsets.ISO_8859_1.decode(server.pendingOutput()).toString();
        assertThat(response).startsWith("HTTP/1.1 426 ").contains("Sec-WebSocket-Version: 13\r\n")
                .endsWith("Sec-WebSocket-Version 8 is not supported; this server speaks 13");
        assertThat(server.state()).isEqualTo(ConnectionState.CLOSED);
    }

    @Test
    void framesSentRightBehindTheRequestAreReadAfterTheAccept() throws Exception {
        Connection server = Connection.server(EngineConfig.defaults());
        String request = "GET / HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(request.getBytes(StandardCharsets.ISO_8859_1));
        wire.writeBytes(Wire.fromClient().text("early").bytes());
        server.receive(ByteBuffer.wrap(wire.toByteArray()));
        assertThat(server.nextEvent()).isInstanceOf(Request.class);
        assertThat(server.nextEvent()).isNull(); // the frame waits for our answer
        String response = StandardCharsets.ISO_8859_1.decode(ByteBuffer.wrap(Feed.join(server.send(new AcceptConnection())))).toString();
        assertThat(response).startsWith("HTTP/1.1 101 Switching Protocols\r\n")
                .contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n");
        assertThat(Feed.describe(server.nextEvent())).isEqualTo("frame TEXT rsv=0 len=5 fin");
        assertThat(((Data) server.nextEvent()).asText()).isEqualTo("early");
    }

    @Test
    void oneBufferObjectCanBeRefilledAndHandedBackOnceConsumed() throws Exception {
        Connection c = Connection.established(Role.CLIENT, EngineConfig.defaults(), List.of());
        ByteBuffer buffer = ByteBuffer.allocate(64);
        for (String word : List.of("one", "two")) {
            buffer.clear();
            buffer.put(Wire.fromServer().text(word).bytes()).flip();
            c.receive(buffer);
            assertThat(c.nextEvent()).isInstanceOf(FrameBegin.class);
            assertThat(((Data) c.nextEvent()).asText()).isEqualTo(word);
            assertThat(c.nextEvent()).isNull();
        }
    }

    @Test
    void theStreamEndingDuringTheHandshakeIs1006() throws Exception {
        Connection client = Connection.client(EngineConfig.defaults());
        client.send(new Request("h", "/"));
        client.receive(ByteBuffer.wrap("HTTP/1.1 101 Swi".getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(client.nextEvent()).isNull();
        client.receiveEnd();
        assertThat(Feed.describe(client.nextEvent())).isEqualTo("close 1006 the connection ended without a close frame");
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
    }

    @Test
    void handshakeMisuseIsALocalError() {
        Connection server = Connection.server(EngineConfig.defaults());
        assertThatThrownBy(() -> server.send(new AcceptConnection()))
                .isInstanceOf(LocalProtocolError.class)
                .hasMessage("cannot send AcceptConnection before the handshake request has been received");
        assertThatThrownBy(() -> server.send(Data.text("x", true))).isInstanceOf(LocalProtocolError.class);
        Connection client = Connection.client(EngineConfig.defaults());
        assertThatThrownBy(() -> client.send(Data.text("x", true)))
                .isInstanceOf(LocalProtocolError.class).hasMessage("a client opens with a Request, not Data");
    }

    @Test
    void anInvalidServerResponseFailsTheClient() throws Exception {
        Connection client = Connection.client(EngineConfig.defaults(), DeflateSettings.disabled());
        client.send(new Request("h", "/"));
        client.receive(ByteBuffer.wrap(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: wrong\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1)));
        RemoteProtocolError e = assertThrows(RemoteProtocolError.class, client::nextEvent);
        assertThat(e.closeCode()).isEqualTo(1002);
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(client.pendingOutput()).isNull(); // no frames before the handshake: just drop the connection
    }

    // ---- permessage-deflate on the wire (RFC 7692 section 7.2.3)

    private static Connection deflateClient(EngineConfig config) {
        return Connection.established(Role.CLIENT, config, List.of(new ExtensionOffer("permessage-deflate", Map.of())));
    }

    @Test
    void rfc7692HelloExamplesInflate() {
        for (String frames : List.of("c1 07 f2 48 cd c9 c9 07 00", "41 03 f2 48 cd 80 04 c9 c9 07 00",
                "c1 0b 00 05 00 fa ff 48 65 6c 6c 6f 00")) {
            List<String> t = Feed.agreedTranscript(() -> deflateClient(EngineConfig.defaults()), bytes(frames), false);
            String data = String.join("", t.stream().filter(l -> l.startsWith("data ")).map(l -> l.split(" ")[1]).toList());
            assertThat(data).as(frames).isEqualTo("48656c6c6f");
        }
    }

    @Test
    void rsv1OnAContinuationFrameIsAProtocolError() {
        assertThat(Feed.agreedTranscript(() -> deflateClient(EngineConfig.defaults()),
                bytes("41 03 f2 48 cd c0 04 c9 c9 07 00"), false)).last().isEqualTo("error 1002");
    }

    @Test
    void rsv1WithoutDeflateIsAProtocolError() {
        assertThat(Feed.agreedTranscript(() -> Connection.established(Role.CLIENT, EngineConfig.defaults(), List.of()),
                bytes("c1 07 f2 48 cd c9 c9 07 00"), false)).containsExactly("error 1002");
    }

    @Test
    void corruptCompressedDataIs1007() {
        assertThat(Feed.agreedTranscript(() -> deflateClient(EngineConfig.defaults()), bytes("c1 03 ff ff ff"), false))
                .last().isEqualTo("error 1007");
    }

    @Test
    void aZipBombIsRefusedWith1009WithoutInflatingIt() throws Exception {
        // 64 MiB of zeros compress to about 64 KiB; the limit is 1 MiB.
        Deflater deflater = new Deflater(9, true);
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] out = new byte[1 << 16];
        for (int i = 0; i < 64; i++) {
            deflater.setInput(zeros);
            for (int n; (n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH)) > 0; ) {
                compressed.write(out, 0, n);
            }
        }
        deflater.end();
        byte[] payload = compressed.toByteArray();
        assertThat(payload.length).isLessThan(1 << 20);
        byte[] frame = Wire.fromServer().frame(true, 4, 2, payload).bytes();
        Connection c = deflateClient(EngineConfig.builder().maxMessageSize(1 << 20).build());
        c.receive(ByteBuffer.wrap(frame));
        long delivered = 0;
        RemoteProtocolError error = null;
        try {
            for (Event e; (e = c.nextEvent()) != null; ) {
                if (e instanceof Data d) {
                    delivered += d.payload().remaining();
                    assertThat(d.payload().capacity()).isLessThanOrEqualTo(EngineConfig.defaults().inflateChunkSize());
                }
            }
        } catch (RemoteProtocolError e) {
            error = e;
        }
        assertThat(error).isNotNull();
        assertThat(error.closeCode()).isEqualTo(1009);
        assertThat(delivered).isLessThanOrEqualTo(1 << 20);
        List<String> sent = Feed.transcript(() -> Connection.established(Role.SERVER, EngineConfig.defaults(), List.of()),
                Feed.join(c.pendingOutput()), Feed.Split.WHOLE, 0, false);
        assertThat(sent).containsExactly("close 1009 message inflates to more than the limit of 1048576 bytes");
    }

    @Test
    void sentMessagesSetRsv1OnTheirFirstFrameOnly() throws Exception {
        Connection server = Connection.established(Role.SERVER, EngineConfig.defaults(),
                List.of(new ExtensionOffer("permessage-deflate", Map.of())));
        byte[] first = Feed.join(server.send(Data.text("Hello", true)));
        assertThat(Feed.hex(ByteBuffer.wrap(first))).isEqualTo("c107f248cdc9c90700"); // RFC 7692 7.2.3.1
        byte[] a = Feed.join(server.send(Data.text("Hel", false)));
        byte[] b = Feed.join(server.send(Data.text("lo", true)));
        assertThat(a[0] & 0xFF).isEqualTo(0x41);
        assertThat(b[0] & 0xFF).isEqualTo(0x80);
        // A frame of declared length is never compressed, so it cannot continue a compressed message.
        server.send(Data.text("x", false));
        assertThatThrownBy(() -> server.send(new FrameBegin(0, 0, 1, true)))
                .isInstanceOf(LocalProtocolError.class)
                .hasMessage("this message is compressed; its frames cannot have a declared length");
    }
}
