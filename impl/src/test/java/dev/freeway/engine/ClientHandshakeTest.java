package dev.freeway.engine;

import static dev.freeway.engine.HeadFeeder.ascii;
import static dev.freeway.engine.HeadFeeder.buffer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientHandshakeTest {
    private static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    /** A generator whose next bytes are RFC 6455's sample nonce, so the key is the RFC's key. */
    private static Random rfcNonce() {
        return new Random() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(ascii("the sample nonce"), 0, bytes, 0, bytes.length);
            }
        };
    }

    /** Parameters holding one parameter without a value (which Map.of cannot hold). */
    private static Map<String, String> flag(String name) {
        Map<String, String> params = new HashMap<>();
        params.put(name, null);
        return params;
    }

    private static Request chatRequest() {
        return new Request("server.example.com", "/chat", HttpHeaders.of("Origin", "http://example.com"),
                List.of("chat", "superchat"), List.of());
    }

    private static HttpResponseHead response(String head) throws RemoteProtocolError {
        return HttpHeadParser.forResponse(16 * 1024).receive(buffer(head));
    }

    /** A 101 for the RFC key with {@code extraLines} (each ending in CRLF) among its fields. */
    private static HttpResponseHead rfc101(String extraLines) throws RemoteProtocolError {
        return response("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + RFC_ACCEPT + "\r\n" + extraLines + "\r\n");
    }

    private static RemoteProtocolError failure(ClientHandshake client, HttpResponseHead response) {
        RemoteProtocolError e = catchThrowableOfType(RemoteProtocolError.class, () -> client.validate(response));
        assertThat(e).as("failure").isNotNull();
        assertThat(e.closeCode()).isEqualTo(1002);
        assertThat(e.rejection()).isNull();
        return e;
    }

    @Nested
    class Request_ {
        @Test
        void writesTheRfc6455ExampleRequest() {
            ClientHandshake client = new ClientHandshake(chatRequest(), rfcNonce());

            assertThat(client.key()).isEqualTo(RFC_KEY);
            assertThat(client.expectedAccept()).isEqualTo(RFC_ACCEPT);
            assertThat(new String(client.requestBytes(), StandardCharsets.ISO_8859_1)).isEqualTo("GET /chat HTTP/1.1\r\n"
                    + "Host: server.example.com\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: chat, superchat\r\n"
                    + "Origin: http://example.com\r\n"
                    + "\r\n");
        }

        @Test
        void offersExtensionsInOrder() {
            Request request = new Request("h", "/", null, null, List.of(
                    new ExtensionOffer("permessage-deflate", flag("client_max_window_bits")),
                    new ExtensionOffer("permessage-deflate")));

            ClientHandshake client = new ClientHandshake(request, new Random(1));

            assertThat(client.requestHeaders().first("Sec-WebSocket-Extensions"))
                    .isEqualTo("permessage-deflate; client_max_window_bits, permessage-deflate");
            assertThat(client.requestHeaders().contains("Sec-WebSocket-Protocol")).isFalse();
        }

        @Test
        void generatesSixteenRandomBytesFromTheGivenSource() {
            ClientHandshake a = new ClientHandshake(new Request("h", "/"), new Random(7));
            ClientHandshake b = new ClientHandshake(new Request("h", "/"), new Random(7));
            byte[] expected = new byte[16];
            new Random(7).nextBytes(expected);

            assertThat(Base64.getDecoder().decode(a.key())).isEqualTo(expected);
            assertThat(b.key()).isEqualTo(a.key());
        }

        @Test
        void usesAFreshSecureKeyByDefault() {
            String first = new ClientHandshake(new Request("h", "/")).key();
            String second = new ClientHandshake(new Request("h", "/")).key();

            assertThat(Base64.getDecoder().decode(first)).hasSize(16);
            assertThat(first).isNotEqualTo(second);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Host", "upgrade", "Connection", "Sec-WebSocket-Key", "SEC-WEBSOCKET-VERSION",
                "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions", "Content-Length", "Transfer-Encoding"})
        void refusesExtraHeadersThatOverrideHandshakeFields(String name) {
            Request request = new Request("h", "/", HttpHeaders.of(name, "x"), null, null);

            assertThatThrownBy(() -> new ClientHandshake(request, new Random(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("header '" + name + "' is written by the handshake and cannot be overridden");
        }

        @Test
        void refusesRequestsThatCannotBeWritten() {
            assertThatThrownBy(() -> new ClientHandshake(new Request(null, "/"), new Random(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("a client request needs a host");
            assertThatThrownBy(() -> new ClientHandshake(new Request("h", "/a b"), new Random(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request target '/a b'");
            assertThatThrownBy(() -> new ClientHandshake(
                    new Request("h", "/", null, List.of("a b"), null), new Random(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("subprotocol 'a b' is not a token");
            assertThatThrownBy(() -> new ClientHandshake(
                    new Request("h", "/", null, List.of("chat", "chat"), null), new Random(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("subprotocol 'chat' is offered twice");
            assertThatThrownBy(() -> new ClientHandshake(new Request("h", "/", null, null,
                    List.of(new ExtensionOffer("x-foo", Map.of("a", "b c")))), new Random(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("extension 'x-foo' parameter 'a' must be a token with a token value");
            assertThatThrownBy(() -> new ClientHandshake(new Request("h", "/", null, null,
                    List.of(new ExtensionOffer("x-foo", Map.of("a", "")))), new Random(1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ClientHandshake(new Request("h", "/", null, null,
                    List.of(new ExtensionOffer("x foo"))), new Random(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("extension name 'x foo' is not a token");
        }
    }

    @Nested
    class Accepting {
        @Test
        void acceptsTheRfc6455ExampleResponse() throws Exception {
            ClientHandshake client = new ClientHandshake(chatRequest(), rfcNonce());
            HttpResponseHead response = rfc101("Sec-WebSocket-Protocol: chat\r\n");

            Event event = client.validate(response);

            assertThat(event).isEqualTo(new AcceptConnection("chat", List.of(), response.headers()));
        }

        @Test
        void acceptsTokensCaseInsensitivelyAndInLists() throws Exception {
            ClientHandshake client = new ClientHandshake(chatRequest(), rfcNonce());

            Event event = client.validate(response("HTTP/1.1 101 \r\nupgrade: WebSocket\r\n"
                    + "connection: keep-alive, UPGRADE\r\nsec-websocket-accept: " + RFC_ACCEPT + "\r\n\r\n"));

            assertThat(event).isInstanceOfSatisfying(AcceptConnection.class, a -> assertThat(a.subprotocol()).isNull());
        }

        @Test
        void roundTripsThroughTheServer() throws Exception {
            Request offer = new Request("example.com:8080", "/chat?room=1", HttpHeaders.of("Cookie", "id=7"),
                    List.of("chat", "superchat"),
                    List.of(new ExtensionOffer("permessage-deflate", flag("client_max_window_bits")),
                            new ExtensionOffer("x-foo")));
            ClientHandshake client = new ClientHandshake(offer);
            Random random = new Random(42);
            byte[] frame = {(byte) 0x81, 0x02, 'h', 'i'};

            HeadFeeder.Outcome<HttpRequestHead> received = HeadFeeder.randomSplits(
                    HttpHeadParser.forRequest(16 * 1024), client.requestBytes(), random);
            Request request = ServerHandshake.validate(received.head());

            assertThat(request.host()).isEqualTo("example.com:8080");
            assertThat(request.target()).isEqualTo("/chat?room=1");
            assertThat(request.subprotocols()).containsExactly("chat", "superchat");
            assertThat(request.extensions()).isEqualTo(offer.extensions());
            assertThat(request.headers().first("Cookie")).isEqualTo("id=7");

            List<ExtensionOffer> agreed = List.of(new ExtensionOffer("permessage-deflate",
                    Map.of("client_max_window_bits", "10")));
            byte[] accept = ServerHandshake.acceptResponse(request,
                    new AcceptConnection("superchat", agreed, HttpHeaders.of("Set-Cookie", "s=1")));
            byte[] wire = new byte[accept.length + frame.length];
            System.arraycopy(accept, 0, wire, 0, accept.length);
            System.arraycopy(frame, 0, wire, accept.length, frame.length);

            HeadFeeder.Outcome<HttpResponseHead> answer = HeadFeeder.randomSplits(
                    HttpHeadParser.forResponse(16 * 1024), wire, random);
            Event event = client.validate(answer.head());

            assertThat(answer.rest()).isEqualTo(frame);
            assertThat(event).isInstanceOfSatisfying(AcceptConnection.class, a -> {
                assertThat(a.subprotocol()).isEqualTo("superchat");
                assertThat(a.extensions()).isEqualTo(agreed);
                assertThat(a.headers().first("Set-Cookie")).isEqualTo("s=1");
                assertThat(a.headers().first("Sec-WebSocket-Accept")).isEqualTo(client.expectedAccept());
            });
        }

        @Test
        void aServerRejectionRoundTripsAsRejectConnectionWithItsBody() throws Exception {
            ClientHandshake client = new ClientHandshake(new Request("h", "/"), new Random(3));
            HttpRequestHead sent = HttpHeadParser.forRequest(1024).receive(ByteBuffer.wrap(client.requestBytes()));
            HttpHeaders oldVersion = HttpHeaders.builder().addAll(sent.headers()).set("Sec-WebSocket-Version", "8").build();
            RemoteProtocolError refused = catchThrowableOfType(RemoteProtocolError.class,
                    () -> ServerHandshake.validate("GET", sent.target(), sent.version(), oldVersion));
            ByteBuffer wire = ByteBuffer.wrap(ServerHandshake.rejectResponse(refused));

            Event event = client.validate(HttpHeadParser.forResponse(1024).receive(wire));

            assertThat(event).isInstanceOfSatisfying(RejectConnection.class, r -> {
                assertThat(r.status()).isEqualTo(426);
                assertThat(r.hasBody()).isTrue();
                assertThat(r.headers().first("Sec-WebSocket-Version")).isEqualTo("13");
            });
            assertThat(StandardCharsets.UTF_8.decode(wire).toString())
                    .isEqualTo("Sec-WebSocket-Version 8 is not supported; this server speaks 13");
        }
    }

    @Nested
    class Failures {
        private final ClientHandshake client = new ClientHandshake(chatRequest(), rfcNonce());

        @Test
        void aWrongAcceptValue() throws Exception {
            HttpResponseHead response = response("HTTP/1.1 101 OK\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n\r\n");

            assertThat(failure(client, response)).hasMessage("server's Sec-WebSocket-Accept 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' "
                    + "does not match the key; expected '" + RFC_ACCEPT + "'");
        }

        @Test
        void anAcceptForAnotherKey() throws Exception {
            ClientHandshake other = new ClientHandshake(chatRequest(), new Random(5));

            assertThat(failure(other, rfc101(""))).hasMessageContaining("does not match the key");
        }

        @Test
        void aMissingOrRepeatedAccept() throws Exception {
            assertThat(failure(client, response("HTTP/1.1 101 OK\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")))
                    .hasMessage("server's 101 response has no Sec-WebSocket-Accept header");
            assertThat(failure(client, rfc101("Sec-WebSocket-Accept: " + RFC_ACCEPT + "\r\n")))
                    .hasMessage("server sent 2 Sec-WebSocket-Accept headers; exactly one is allowed");
        }

        @Test
        void aSubprotocolThatWasNotOffered() throws Exception {
            assertThat(failure(client, rfc101("Sec-WebSocket-Protocol: mqtt\r\n")))
                    .hasMessage("server chose subprotocol 'mqtt', which the client did not offer (offered: [chat, superchat])");
        }

        @Test
        void aSubprotocolWhenNoneWasOffered() throws Exception {
            ClientHandshake plain = new ClientHandshake(new Request("h", "/"), rfcNonce());

            assertThat(failure(plain, rfc101("Sec-WebSocket-Protocol: chat\r\n")))
                    .hasMessage("server chose subprotocol 'chat', which the client did not offer (offered: [])");
        }

        @Test
        void moreThanOneSubprotocol() throws Exception {
            assertThat(failure(client, rfc101("Sec-WebSocket-Protocol: chat, superchat\r\n")))
                    .hasMessage("server's Sec-WebSocket-Protocol 'chat, superchat' must name exactly one subprotocol");
            assertThat(failure(client, rfc101("Sec-WebSocket-Protocol: chat\r\nSec-WebSocket-Protocol: chat\r\n")))
                    .hasMessage("server sent 2 Sec-WebSocket-Protocol headers; at most one is allowed");
        }

        @Test
        void anExtensionThatWasNotOffered() throws Exception {
            assertThat(failure(client, rfc101("Sec-WebSocket-Extensions: permessage-deflate\r\n")))
                    .hasMessage("server accepted extension 'permessage-deflate', which the client did not offer");
        }

        @Test
        void anExtensionAcceptedTwice() throws Exception {
            ClientHandshake deflate = new ClientHandshake(new Request("h", "/", null, null,
                    List.of(new ExtensionOffer("permessage-deflate"), new ExtensionOffer("permessage-deflate",
                            flag("client_max_window_bits")))), rfcNonce());

            assertThat(failure(deflate, rfc101("Sec-WebSocket-Extensions: permessage-deflate\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=9\r\n")))
                    .hasMessage("server accepted extension 'permessage-deflate' twice");
        }

        @Test
        void badExtensionSyntax() throws Exception {
            ClientHandshake deflate = new ClientHandshake(new Request("h", "/", null, null,
                    List.of(new ExtensionOffer("permessage-deflate"))), rfcNonce());

            assertThat(failure(deflate, rfc101("Sec-WebSocket-Extensions: permessage-deflate;;\r\n")))
                    .hasMessageStartingWith("server's Sec-WebSocket-Extensions 'permessage-deflate;;': expected parameter name");
        }

        @Test
        void aMissingOrWrongUpgrade() throws Exception {
            assertThat(failure(client, response("HTTP/1.1 101 OK\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + RFC_ACCEPT + "\r\n\r\n")))
                    .hasMessage("server's 101 response has no Upgrade header");
            assertThat(failure(client, response("HTTP/1.1 101 OK\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + RFC_ACCEPT + "\r\n\r\n")))
                    .hasMessage("server's Upgrade header 'h2c' does not name websocket");
        }

        @Test
        void aMissingOrWrongConnection() throws Exception {
            assertThat(failure(client, response("HTTP/1.1 101 OK\r\nUpgrade: websocket\r\n"
                    + "Sec-WebSocket-Accept: " + RFC_ACCEPT + "\r\n\r\n")))
                    .hasMessage("server's 101 response has no Connection header");
            assertThat(failure(client, response("HTTP/1.1 101 OK\r\nUpgrade: websocket\r\nConnection: close\r\n"
                    + "Sec-WebSocket-Accept: " + RFC_ACCEPT + "\r\n\r\n")))
                    .hasMessage("server's Connection header 'close' does not include upgrade");
        }
    }

    @Nested
    class Rejections {
        private final ClientHandshake client = new ClientHandshake(chatRequest(), rfcNonce());

        private RejectConnection rejected(String head) throws RemoteProtocolError {
            Event event = client.validate(response(head));
            assertThat(event).isInstanceOf(RejectConnection.class);
            return (RejectConnection) event;
        }

        @Test
        void aNon101BecomesRejectConnectionWithItsHeaders() throws Exception {
            RejectConnection r = rejected("HTTP/1.1 403 Forbidden\r\nContent-Length: 12\r\nX-Why: origin\r\n\r\n");

            assertThat(r.status()).isEqualTo(403);
            assertThat(r.hasBody()).isTrue();
            assertThat(r.headers().first("X-Why")).isEqualTo("origin");
        }

        @Test
        void hasBodyFollowsTheMessageFraming() throws Exception {
            assertThat(rejected("HTTP/1.1 400 Bad\r\nContent-Length: 0\r\n\r\n").hasBody()).isFalse();
            assertThat(rejected("HTTP/1.1 400 Bad\r\nContent-Length: 000\r\n\r\n").hasBody()).isFalse();
            assertThat(rejected("HTTP/1.1 400 Bad\r\nContent-Length: 5, 5\r\n\r\n").hasBody()).isTrue();
            assertThat(rejected("HTTP/1.1 400 Bad\r\nTransfer-Encoding: chunked\r\n\r\n").hasBody()).isTrue();
            assertThat(rejected("HTTP/1.1 400 Bad\r\nConnection: close\r\n\r\n").hasBody()).isTrue();
            assertThat(rejected("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n").hasBody()).isFalse();
            assertThat(rejected("HTTP/1.1 304 Not Modified\r\n\r\n").hasBody()).isFalse();
        }

        @Test
        void aRedirectIsARejectionTooEvenWithWebSocketFields() throws Exception {
            RejectConnection r = rejected("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + RFC_ACCEPT + "\r\nContent-Length: 0\r\n\r\n");

            assertThat(r.status()).isEqualTo(302);
            assertThat(r.headers().first("Location")).isEqualTo("/elsewhere");
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "-1", "5, 6", "1 2"})
        void anInvalidContentLengthIsAProtocolError(String length) throws Exception {
            HttpResponseHead head = response("HTTP/1.1 400 Bad\r\nContent-Length: " + length + "\r\n\r\n");

            assertThat(failure(client, head)).hasMessage("server's 400 response has an invalid Content-Length '" + length + "'");
        }

        @Test
        void interimResponsesMustBeSkippedByTheCaller() throws Exception {
            HttpResponseHead earlyHints = response("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n");

            assertThatThrownBy(() -> client.validate(earlyHints))
                    .isInstanceOf(LocalProtocolError.class)
                    .hasMessage("interim response 103 must be skipped, not validated");
        }
    }
}
