package dev.freeway.engine;

import static dev.freeway.engine.HeadFeeder.ascii;
import static dev.freeway.engine.HeadFeeder.buffer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerHandshakeTest {
    private static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    /** The client handshake of RFC 6455 section 1.3. */
    private static final String RFC_REQUEST = "GET /chat HTTP/1.1\r\n"
            + "Host: server.example.com\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Origin: http://example.com\r\n"
            + "Sec-WebSocket-Protocol: chat, superchat\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "\r\n";

    private static Request validate(String head) throws RemoteProtocolError {
        return ServerHandshake.validate(HttpHeadParser.forRequest(16 * 1024).receive(buffer(head)));
    }

    /** A valid request with {@code name: value} replaced (or removed when {@code value} is null). */
    private static HttpHeaders validHeadersWith(String name, String... values) {
        HttpHeaders.Builder b = HttpHeaders.builder();
        for (String[] f : new String[][] {{"Host", "a.example"}, {"Upgrade", "websocket"}, {"Connection", "Upgrade"},
                {"Sec-WebSocket-Key", RFC_KEY}, {"Sec-WebSocket-Version", "13"}}) {
            if (!f[0].equalsIgnoreCase(name)) {
                b.add(f[0], f[1]);
            }
        }
        for (String v : values) {
            b.add(name, v);
        }
        return b.build();
    }

    private static RemoteProtocolError rejection(HttpHeaders headers) {
        return rejection("GET", "HTTP/1.1", headers);
    }

    private static RemoteProtocolError rejection(String method, String version, HttpHeaders headers) {
        RemoteProtocolError e = catchThrowableOfType(RemoteProtocolError.class,
                () -> ServerHandshake.validate(method, "/", version, headers));
        assertThat(e).as("rejected").isNotNull();
        assertThat(e.rejection().headers().first("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(e.rejection().hasBody()).isTrue();
        assertThat(e.rejectionBody()).isEqualTo(e.getMessage());
        return e;
    }

    private static Request accepted(HttpHeaders headers) throws RemoteProtocolError {
        return ServerHandshake.validate("GET", "/", "HTTP/1.1", headers);
    }

    @Test
    void acceptValueMatchesRfc6455() {
        assertThat(ServerHandshake.acceptValue(RFC_KEY)).isEqualTo(RFC_ACCEPT);
    }

    @Test
    void acceptsTheRfc6455ExampleAndAnswersWithItsResponse() throws Exception {
        Request request = validate(RFC_REQUEST);

        assertThat(request.host()).isEqualTo("server.example.com");
        assertThat(request.target()).isEqualTo("/chat");
        assertThat(request.subprotocols()).containsExactly("chat", "superchat");
        assertThat(request.extensions()).isEmpty();
        assertThat(request.headers().first("Origin")).isEqualTo("http://example.com");

        byte[] response = ServerHandshake.acceptResponse(request, new AcceptConnection("chat", List.of(), null));

        assertThat(new String(response, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                + "Sec-WebSocket-Protocol: chat\r\n"
                + "\r\n");
    }

    @Test
    void thePartsVariantGivesTheSameRequest() throws Exception {
        HttpRequestHead head = HttpHeadParser.forRequest(16 * 1024).receive(buffer(RFC_REQUEST));

        assertThat(ServerHandshake.validate(head.method(), head.target(), head.version(), head.headers()))
                .isEqualTo(ServerHandshake.validate(head));
    }

    @Nested
    class Tokens {
        @Test
        void matchesUpgradeAndConnectionTokensCaseInsensitivelyInCommaLists() throws Exception {
            HttpHeaders headers = HttpHeaders.of("host", "h", "upgrade", "WebSocket", "connection", "keep-alive, Upgrade",
                    "sec-websocket-key", RFC_KEY, "sec-websocket-version", "13");

            assertThat(accepted(headers).host()).isEqualTo("h");
        }

        @Test
        void findsTokensAcrossRepeatedFields() throws Exception {
            HttpHeaders headers = validHeadersWith("Connection", "keep-alive", "UPGRADE");

            assertThat(accepted(headers)).isNotNull();
            assertThat(accepted(validHeadersWith("Upgrade", "h2c, websocket"))).isNotNull();
        }

        @Test
        void doesNotMatchTokensAsSubstrings() {
            assertThat(rejection(validHeadersWith("Upgrade", "websockets"))).hasMessage(
                    "the Upgrade header 'websockets' does not name websocket");
            assertThat(rejection(validHeadersWith("Connection", "keep-alive, upgraded"))).hasMessage(
                    "the Connection header 'keep-alive, upgraded' does not include upgrade");
        }
    }

    @Nested
    class Rejections {
        @Test
        void aMethodOtherThanGetGets405WithAllow() {
            RemoteProtocolError e = rejection("POST", "HTTP/1.1", validHeadersWith("X"));

            assertThat(e.rejection().status()).isEqualTo(405);
            assertThat(e.rejection().headers().first("Allow")).isEqualTo("GET");
            assertThat(e).hasMessage("method POST is not allowed; a WebSocket handshake must be a GET");
        }

        @Test
        void methodsAreCaseSensitive() {
            assertThat(rejection("get", "HTTP/1.1", validHeadersWith("X")).rejection().status()).isEqualTo(405);
        }

        @Test
        void http10Gets400() {
            RemoteProtocolError e = rejection("GET", "HTTP/1.0", validHeadersWith("X"));

            assertThat(e.rejection().status()).isEqualTo(400);
            assertThat(e).hasMessage("HTTP/1.0 cannot upgrade to WebSocket; HTTP/1.1 or later is required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"HTTP/0.9", "HTTP/1", "HTTP/+1.1", "http/1.1", "SPDY/3.1", ""})
        void otherBadVersionsGet400(String version) {
            assertThat(rejection("GET", version, validHeadersWith("X")).rejection().status()).isEqualTo(400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"HTTP/1.1", "HTTP/1.2", "HTTP/2.0"})
        void laterVersionsAreAccepted(String version) throws Exception {
            assertThat(ServerHandshake.validate("GET", "/", version, validHeadersWith("X"))).isNotNull();
        }

        @Test
        void aMissingHostGets400() {
            RemoteProtocolError e = rejection(validHeadersWith("Host"));

            assertThat(e.rejection().status()).isEqualTo(400);
            assertThat(e).hasMessage("the request has no Host header");
        }

        @Test
        void twoHostsGet400() {
            assertThat(rejection(validHeadersWith("Host", "a", "b")))
                    .hasMessage("the request has 2 Host headers; exactly one is allowed");
        }

        @Test
        void aMissingOrWrongUpgradeGets400() {
            RemoteProtocolError missing = rejection(validHeadersWith("Upgrade"));
            RemoteProtocolError wrong = rejection(validHeadersWith("Upgrade", "h2c"));

            assertThat(missing.rejection().status()).isEqualTo(400);
            assertThat(missing).hasMessage("the request has no Upgrade header; a WebSocket handshake needs 'Upgrade: websocket'");
            assertThat(wrong.rejection().status()).isEqualTo(400);
            assertThat(wrong).hasMessage("the Upgrade header 'h2c' does not name websocket");
        }

        @Test
        void aMissingOrWrongConnectionGets400() {
            RemoteProtocolError missing = rejection(validHeadersWith("Connection"));
            RemoteProtocolError wrong = rejection(validHeadersWith("Connection", "keep-alive"));

            assertThat(missing.rejection().status()).isEqualTo(400);
            assertThat(missing).hasMessage(
                    "the request has no Connection header; a WebSocket handshake needs 'Connection: Upgrade'");
            assertThat(wrong.rejection().status()).isEqualTo(400);
            assertThat(wrong).hasMessage("the Connection header 'keep-alive' does not include upgrade");
        }

        @Test
        void anotherVersionGets426NamingThirteen() {
            RemoteProtocolError e = rejection(validHeadersWith("Sec-WebSocket-Version", "8"));

            assertThat(e.rejection().status()).isEqualTo(426);
            assertThat(e.rejection().headers().first("Sec-WebSocket-Version")).isEqualTo("13");
            assertThat(e.rejection().headers().first("Upgrade")).isEqualTo("websocket");
            assertThat(e).hasMessage("Sec-WebSocket-Version 8 is not supported; this server speaks 13");
        }

        @Test
        void aMissingOrListedVersionGets426() {
            assertThat(rejection(validHeadersWith("Sec-WebSocket-Version")))
                    .hasMessage("the request has no Sec-WebSocket-Version header; this server speaks 13")
                    .satisfies(e -> assertThat(e.rejection().status()).isEqualTo(426));
            assertThat(rejection(validHeadersWith("Sec-WebSocket-Version", "13, 8")).rejection().status()).isEqualTo(426);
            assertThat(rejection(validHeadersWith("Sec-WebSocket-Version", "13", "8")).rejection().status()).isEqualTo(426);
            assertThat(rejection(validHeadersWith("Sec-WebSocket-Version", "013")).rejection().status()).isEqualTo(426);
        }

        @Test
        void aMissingKeyGets400() {
            assertThat(rejection(validHeadersWith("Sec-WebSocket-Key")))
                    .hasMessage("the request has no Sec-WebSocket-Key header")
                    .satisfies(e -> assertThat(e.rejection().status()).isEqualTo(400));
        }

        @Test
        void twoKeysGet400() {
            assertThat(rejection(validHeadersWith("Sec-WebSocket-Key", RFC_KEY, RFC_KEY)))
                    .hasMessage("the request has 2 Sec-WebSocket-Key headers; exactly one is allowed")
                    .satisfies(e -> assertThat(e.rejection().status()).isEqualTo(400));
        }

        @Test
        void keysOf15Or17BytesGet400() {
            String fifteen = java.util.Base64.getEncoder().encodeToString(new byte[15]);
            String seventeen = java.util.Base64.getEncoder().encodeToString(new byte[17]);

            assertThat(rejection(validHeadersWith("Sec-WebSocket-Key", fifteen)))
                    .hasMessage("Sec-WebSocket-Key '" + fifteen + "' decodes to 15 bytes; it must be 16")
                    .satisfies(e -> assertThat(e.rejection().status()).isEqualTo(400));
            assertThat(rejection(validHeadersWith("Sec-WebSocket-Key", seventeen)))
                    .hasMessage("Sec-WebSocket-Key '" + seventeen + "' decodes to 17 bytes; it must be 16");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not base64 at all", "dGhlIHNhbXBsZSBub25jZQ=!", "dGhlIHNhbXBsZSBub25jZQ=", "%%%%"})
        void badBase64Gets400(String key) {
            RemoteProtocolError e = rejection(validHeadersWith("Sec-WebSocket-Key", key));

            assertThat(e.rejection().status()).isEqualTo(400);
            assertThat(e).hasMessage("Sec-WebSocket-Key '" + key + "' is not valid base64");
        }

        @Test
        void nonCanonicalBase64Gets400() {
            // Unpadded, and padded with stray low bits: both decode to 16 bytes with Java's decoder.
            for (String key : new String[] {"dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZR=="}) {
                assertThat(rejection(validHeadersWith("Sec-WebSocket-Key", key)))
                        .hasMessage("Sec-WebSocket-Key '" + key + "' is not in canonical base64 (24 characters, '==' padding)");
            }
        }

        @Test
        void aBodyGets400() {
            assertThat(rejection(validHeadersWith("Content-Length", "5")))
                    .hasMessage("a WebSocket handshake request must not have a body (Content-Length: '5')");
            assertThat(rejection(validHeadersWith("Transfer-Encoding", "chunked")))
                    .hasMessage("a WebSocket handshake request must not have a body (Transfer-Encoding: 'chunked')");
        }

        @Test
        void anEmptyBodyIsFine() throws Exception {
            assertThat(accepted(validHeadersWith("Content-Length", "0"))).isNotNull();
        }

        @Test
        void aSubprotocolThatIsNotATokenGets400() {
            RemoteProtocolError e = rejection(validHeadersWith("Sec-WebSocket-Protocol", "chat, super chat"));

            assertThat(e.rejection().status()).isEqualTo(400);
            assertThat(e).hasMessage("Sec-WebSocket-Protocol element 'super chat' is not a token");
        }

        @Test
        void aSubprotocolOfferedTwiceGets400() {
            assertThat(rejection(validHeadersWith("Sec-WebSocket-Protocol", "chat", "chat")))
                    .hasMessage("Sec-WebSocket-Protocol offers 'chat' twice");
        }

        @Test
        void badExtensionSyntaxGets400() {
            RemoteProtocolError e = rejection(validHeadersWith("Sec-WebSocket-Extensions", "permessage-deflate; =1"));

            assertThat(e.rejection().status()).isEqualTo(400);
            assertThat(e).hasMessageStartingWith("Sec-WebSocket-Extensions 'permessage-deflate; =1': expected parameter name");
        }

        @Test
        void checksRunInOrderSoTheFirstFaultIsReported() {
            HttpHeaders noUpgradeAndBadVersion = validHeadersWith("Upgrade").with(HttpHeaders.of("X", "y"));

            assertThat(rejection("PUT", "HTTP/1.0", noUpgradeAndBadVersion).rejection().status()).isEqualTo(405);
            assertThat(rejection("GET", "HTTP/1.0", noUpgradeAndBadVersion)).hasMessageStartingWith("HTTP/1.0");
        }

        @Test
        void quotesHostileValuesInTheMessage() {
            RemoteProtocolError e = rejection(validHeadersWith("Upgrade", "<script>\u0001"));

            assertThat(e).hasMessage("the Upgrade header '<script>\\x01' does not name websocket");
        }
    }

    @Nested
    class Offers {
        @Test
        void collectsSubprotocolsFromEveryFieldInOrder() throws Exception {
            Request r = accepted(validHeadersWith("Sec-WebSocket-Protocol", "a, b", "c", " , d"));

            assertThat(r.subprotocols()).containsExactly("a", "b", "c", "d");
        }

        @Test
        void collectsExtensionsFromEveryFieldInOrder() throws Exception {
            Request r = accepted(validHeadersWith("Sec-WebSocket-Extensions",
                    "permessage-deflate; client_max_window_bits, permessage-deflate", "x-foo; a=\"1\""));

            assertThat(r.extensions()).extracting(ExtensionOffer::name)
                    .containsExactly("permessage-deflate", "permessage-deflate", "x-foo");
            assertThat(r.extensions().get(0).parameters()).containsKey("client_max_window_bits");
            assertThat(r.extensions().get(2).parameters()).containsEntry("a", "1");
        }

        @Test
        void keepsEveryFieldOfTheRequest() throws Exception {
            HttpHeaders headers = validHeadersWith("Cookie", "a=1");

            assertThat(accepted(headers).headers()).isEqualTo(headers);
        }
    }

    @Nested
    class Accepting {
        private Request offered() throws RemoteProtocolError {
            return accepted(validHeadersWith("Sec-WebSocket-Protocol", "chat, superchat")
                    .with(HttpHeaders.of("Sec-WebSocket-Extensions", "permessage-deflate, x-foo")));
        }

        @Test
        void writesTheHandshakeFieldsThenTheExtraOnes() throws Exception {
            HttpHeaders headers = ServerHandshake.acceptHeaders(offered(), new AcceptConnection("superchat",
                    List.of(new ExtensionOffer("permessage-deflate", Map.of("client_max_window_bits", "10"))),
                    HttpHeaders.of("Set-Cookie", "s=1")));

            assertThat(headers.fields()).containsExactly(
                    new HttpHeaders.Field("Upgrade", "websocket"),
                    new HttpHeaders.Field("Connection", "Upgrade"),
                    new HttpHeaders.Field("Sec-WebSocket-Accept", RFC_ACCEPT),
                    new HttpHeaders.Field("Sec-WebSocket-Protocol", "superchat"),
                    new HttpHeaders.Field("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits=10"),
                    new HttpHeaders.Field("Set-Cookie", "s=1"));
        }

        @Test
        void responseBytesAreTheStatusLineAndTheFields() throws Exception {
            Request request = offered();
            AcceptConnection accept = new AcceptConnection();

            String response = new String(ServerHandshake.acceptResponse(request, accept), StandardCharsets.ISO_8859_1);

            assertThat(response).isEqualTo("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + RFC_ACCEPT + "\r\n\r\n");
        }

        @Test
        void matchesExtensionNamesCaseInsensitively() throws Exception {
            HttpHeaders headers = ServerHandshake.acceptHeaders(offered(),
                    new AcceptConnection(null, List.of(new ExtensionOffer("X-Foo")), null));

            assertThat(headers.first("Sec-WebSocket-Extensions")).isEqualTo("X-Foo");
        }

        @Test
        void refusesASubprotocolTheClientDidNotOffer() {
            assertThatThrownBy(() -> ServerHandshake.acceptHeaders(offered(), new AcceptConnection("mqtt", null, null)))
                    .isInstanceOf(LocalProtocolError.class)
                    .hasMessage("subprotocol 'mqtt' was not offered by the client (offered: [chat, superchat])");
        }

        @Test
        void subprotocolsAreMatchedExactly() {
            assertThatThrownBy(() -> ServerHandshake.acceptHeaders(offered(), new AcceptConnection("Chat", null, null)))
                    .isInstanceOf(LocalProtocolError.class);
        }

        @Test
        void refusesAnExtensionTheClientDidNotOffer() {
            assertThatThrownBy(() -> ServerHandshake.acceptHeaders(offered(),
                    new AcceptConnection(null, List.of(new ExtensionOffer("x-bar")), null)))
                    .isInstanceOf(LocalProtocolError.class)
                    .hasMessage("extension 'x-bar' was not offered by the client");
        }

        @Test
        void refusesAnExtensionAcceptedTwice() {
            assertThatThrownBy(() -> ServerHandshake.acceptHeaders(offered(), new AcceptConnection(null,
                    List.of(new ExtensionOffer("permessage-deflate"), new ExtensionOffer("Permessage-Deflate")), null)))
                    .isInstanceOf(LocalProtocolError.class)
                    .hasMessage("extension 'Permessage-Deflate' is accepted twice");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Upgrade", "connection", "Sec-WebSocket-Accept", "sec-websocket-protocol",
                "Sec-WebSocket-Extensions", "Content-Length", "Transfer-Encoding"})
        void refusesExtraHeadersThatRepeatHandshakeFields(String name) {
            assertThatThrownBy(() -> ServerHandshake.acceptHeaders(offered(),
                    new AcceptConnection(null, null, HttpHeaders.of(name, "x"))))
                    .isInstanceOf(LocalProtocolError.class)
                    .hasMessage("header '" + name + "' is written by the handshake; it cannot be an extra header of AcceptConnection");
        }

        @Test
        void refusesARequestWithoutAKey() {
            assertThatThrownBy(() -> ServerHandshake.acceptHeaders(new Request("h", "/"), new AcceptConnection()))
                    .isInstanceOf(LocalProtocolError.class)
                    .hasMessageContaining("no Sec-WebSocket-Key");
        }
    }

    @Nested
    class RejectionResponses {
        private HttpResponseHead parse(ByteBuffer bytes) throws RemoteProtocolError {
            return HttpHeadParser.forResponse(16 * 1024).receive(bytes);
        }

        @Test
        void writesTheRejectionOfAFailedHandshakeWithItsMessageAsBody() throws Exception {
            RemoteProtocolError error = rejection(validHeadersWith("Sec-WebSocket-Version", "8"));
            ByteBuffer bytes = ByteBuffer.wrap(ServerHandshake.rejectResponse(error));

            HttpResponseHead head = parse(bytes);

            assertThat(head.status()).isEqualTo(426);
            assertThat(head.reason()).isEqualTo("Upgrade Required");
            assertThat(head.headers().fields()).containsExactly(
                    new HttpHeaders.Field("Content-Type", "text/plain; charset=utf-8"),
                    new HttpHeaders.Field("Sec-WebSocket-Version", "13"),
                    new HttpHeaders.Field("Upgrade", "websocket"),
                    new HttpHeaders.Field("Content-Length", "63"),
                    new HttpHeaders.Field("Connection", "Upgrade, close"));
            byte[] body = new byte[bytes.remaining()];
            bytes.get(body);
            assertThat(new String(body, StandardCharsets.UTF_8))
                    .isEqualTo("Sec-WebSocket-Version 8 is not supported; this server speaks 13")
                    .hasSize(63);
        }

        @Test
        void writesExactBytesForABodylessRejection() {
            byte[] bytes = ServerHandshake.rejectResponse(new RejectConnection(403), null);

            assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                    .isEqualTo("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }

        @Test
        void aBodyToFollowGetsNoContentLengthAndIsEndedByClose() {
            byte[] bytes = ServerHandshake.rejectResponse(
                    new RejectConnection(503, HttpHeaders.of("Retry-After", "5"), true), null);

            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).isEqualTo(
                    "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\n\r\n");
        }

        @Test
        void replacesFramingFieldsOfTheRejection() {
            RejectConnection reject = new RejectConnection(400,
                    HttpHeaders.of("Content-Length", "999", "Transfer-Encoding", "chunked", "Connection", "keep-alive",
                            "X-Why", "because"), true);

            String text = new String(ServerHandshake.rejectResponse(reject, ascii("no")), StandardCharsets.ISO_8859_1);

            assertThat(text).isEqualTo("HTTP/1.1 400 Bad Request\r\nX-Why: because\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\nno");
        }

        @Test
        void anUnknownStatusHasAnEmptyReason() throws Exception {
            byte[] bytes = ServerHandshake.rejectResponse(new RejectConnection(599), null);

            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 599 \r\n");
            assertThat(parse(ByteBuffer.wrap(bytes)).status()).isEqualTo(599);
        }

        @Test
        void noContentAndNotModifiedGetNoContentLength() {
            assertThat(new String(ServerHandshake.rejectResponse(new RejectConnection(204), null),
                    StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
        }

        @Test
        void refusesMisuse() {
            assertThatThrownBy(() -> ServerHandshake.rejectResponse(new RejectConnection(101), null))
                    .isInstanceOf(LocalProtocolError.class);
            assertThatThrownBy(() -> ServerHandshake.rejectResponse(new RejectConnection(403), ascii("body")))
                    .isInstanceOf(LocalProtocolError.class)
                    .hasMessage("a body was given for a 403 rejection that has none");
            assertThatThrownBy(() -> ServerHandshake.rejectResponse(
                    new RejectConnection(204, null, true), ascii("body")))
                    .isInstanceOf(LocalProtocolError.class);
            assertThatThrownBy(() -> ServerHandshake.rejectResponse(new RemoteProtocolError(1002, "frame")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
