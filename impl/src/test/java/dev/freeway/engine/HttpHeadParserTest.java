package dev.freeway.engine;

import static dev.freeway.engine.HeadFeeder.ascii;
import static dev.freeway.engine.HeadFeeder.buffer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.util.Random;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpHeadParserTest {
    private static final int LIMIT = 16 * 1024;
    private static final String REQUEST = "GET /chat?room=1 HTTP/1.1\r\n"
            + "Host: server.example.com\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Protocol: chat\r\n"
            + "Sec-WebSocket-Protocol: superchat\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "\r\n";
    private static final String RESPONSE = "HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
            + "\r\n";
    /** A masked client text frame "Hello", pipelined behind the request (RFC 6455 section 5.7). */
    private static final byte[] FRAME = {(byte) 0x81, (byte) 0x85, 0x37, (byte) 0xfa, 0x21, 0x3d, 0x7f, (byte) 0x9f, 0x4d,
            0x51, 0x58};

    private static HttpRequestHead request(String head) throws RemoteProtocolError {
        return HttpHeadParser.forRequest(LIMIT).receive(buffer(head));
    }

    private static HttpResponseHead response(String head) throws RemoteProtocolError {
        return HttpHeadParser.forResponse(LIMIT).receive(buffer(head));
    }

    private static RemoteProtocolError requestError(String head) {
        return catchThrowableOfType(RemoteProtocolError.class, () -> request(head));
    }

    private static RemoteProtocolError responseError(String head) {
        return catchThrowableOfType(RemoteProtocolError.class, () -> response(head));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Nested
    class Requests {
        @Test
        void parsesRequestLineAndFieldsInOrder() throws Exception {
            HttpRequestHead head = request(REQUEST);

            assertThat(head.method()).isEqualTo("GET");
            assertThat(head.target()).isEqualTo("/chat?room=1");
            assertThat(head.version()).isEqualTo("HTTP/1.1");
            assertThat(head.headers().fields()).extracting(HttpHeaders.Field::name).containsExactly("Host", "Upgrade",
                    "Connection", "Sec-WebSocket-Key", "Sec-WebSocket-Protocol", "Sec-WebSocket-Protocol",
                    "Sec-WebSocket-Version");
            assertThat(head.headers().all("sec-websocket-protocol")).containsExactly("chat", "superchat");
        }

        @Test
        void trimsOptionalWhitespaceAroundValuesButKeepsInnerSpaces() throws Exception {
            HttpRequestHead head = request("GET / HTTP/1.1\r\nX-A: \t a  b \t\r\nX-B:c\r\nX-Empty:   \r\n\r\n");

            assertThat(head.headers().first("X-A")).isEqualTo("a  b");
            assertThat(head.headers().first("X-B")).isEqualTo("c");
            assertThat(head.headers().first("X-Empty")).isEmpty();
        }

        @Test
        void readsValuesAsIso88591() throws Exception {
            byte[] bytes = ascii("GET / HTTP/1.1\r\nX-Name: Ren\u00e9\r\n\r\n");
            assertThat(bytes).contains((byte) 0xE9);

            HttpRequestHead head = HttpHeadParser.forRequest(LIMIT).receive(ByteBuffer.wrap(bytes));

            assertThat(head.headers().first("X-Name")).isEqualTo("Ren\u00e9");
        }

        @Test
        void acceptsBareLfLineEndingsAndMixedEndings() throws Exception {
            HttpRequestHead crlf = request("GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n\r\n");

            assertThat(request("GET / HTTP/1.1\nHost: a\nX: 1\n\n")).isEqualTo(crlf);
            assertThat(request("GET / HTTP/1.1\r\nHost: a\nX: 1\r\n\n")).isEqualTo(crlf);
            assertThat(request("GET / HTTP/1.1\nHost: a\r\nX: 1\n\r\n")).isEqualTo(crlf);
        }

        @Test
        void skipsEmptyLinesBeforeTheRequestLine() throws Exception {
            assertThat(request("\r\n\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"))
                    .isEqualTo(request("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
        }

        @Test
        void aHeadWithNoFieldsIsAllowedByTheParser() throws Exception {
            HttpRequestHead head = request("GET / HTTP/1.1\r\n\r\n");

            assertThat(head.headers().size()).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"GET / HTTP/1.1\rHost: a\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: a\r\n\r\r\n"})
        void rejectsBareCr(String head) {
            RemoteProtocolError e = requestError(head);

            assertThat(e.rejection().status()).isEqualTo(400);
            assertThat(e).hasMessageStartingWith("bare CR (not followed by LF) at byte ");
        }

        @Test
        void rejectsBareCrSplitAcrossCalls() throws Exception {
            HttpHeadParser<HttpRequestHead> parser = HttpHeadParser.forRequest(LIMIT);
            assertThat(parser.receive(buffer("GET / HTTP/1.1\r"))).isNull();

            assertThatThrownBy(() -> parser.receive(buffer("Host: a\r\n\r\n")))
                    .isInstanceOf(RemoteProtocolError.class)
                    .hasMessage("bare CR (not followed by LF) at byte 14 of the HTTP head");
        }

        @Test
        void rejectsObsoleteLineFolding() {
            RemoteProtocolError e = requestError("GET / HTTP/1.1\r\nX-Long: a\r\n  b\r\n\r\n");

            assertThat(e.rejection().status()).isEqualTo(400);
            assertThat(e).hasMessage("header line '  b' starts with whitespace: obsolete line folding is not allowed");
        }

        @Test
        void rejectsWhitespaceBetweenRequestLineAndFirstField() {
            RemoteProtocolError e = requestError("GET / HTTP/1.1\r\n\tHost: a\r\n\r\n");

            assertThat(e).hasMessageContaining("obsolete line folding");
        }

        @Test
        void rejectsAFieldWithoutColon() {
            RemoteProtocolError e = requestError("GET / HTTP/1.1\r\nHost a\r\n\r\n");

            assertThat(e.rejection().status()).isEqualTo(400);
            assertThat(e).hasMessage("header line 'Host a' has no colon");
        }

        @Test
        void rejectsWhitespaceBeforeTheColon() {
            RemoteProtocolError e = requestError("GET / HTTP/1.1\r\nHost : a\r\n\r\n");

            assertThat(e.rejection().status()).isEqualTo(400);
            assertThat(e).hasMessage("header name 'Host ' is followed by whitespace before the colon");
        }

        @Test
        void rejectsAnEmptyOrNonTokenName() {
            assertThat(requestError("GET / HTTP/1.1\r\n: a\r\n\r\n")).hasMessage("header line ': a' has an empty name");
            assertThat(requestError("GET / HTTP/1.1\r\nX(y): a\r\n\r\n")).hasMessage("header name 'X(y)' is not a token");
        }

        @ParameterizedTest
        @ValueSource(chars = {0x00, 0x01, 0x0b, 0x1f, 0x7f})
        void rejectsControlCharactersInValues(char control) {
            RemoteProtocolError e = requestError("GET / HTTP/1.1\r\nX-Bad: a" + control + "b\r\n\r\n");

            assertThat(e.rejection().status()).isEqualTo(400);
            assertThat(e).hasMessage(String.format("header 'X-Bad' has control character 0x%02X in its value", (int) control));
        }

        @Test
        void allowsTabsInsideValues() throws Exception {
            assertThat(request("GET / HTTP/1.1\r\nX: a\tb\r\n\r\n").headers().first("X")).isEqualTo("a\tb");
        }

        @ParameterizedTest
        @ValueSource(strings = {"GET  / HTTP/1.1", "GET /", "GET / HTTP/1.1 ", " GET / HTTP/1.1", "GET\t/\tHTTP/1.1"})
        void rejectsMalformedRequestLines(String line) {
            RemoteProtocolError e = requestError(line + "\r\nHost: a\r\n\r\n");

            assertThat(e.rejection().status()).isEqualTo(400);
            assertThat(e).hasMessageContaining("request line");
        }

        @ParameterizedTest
        @ValueSource(strings = {"http/1.1", "HTTP/1", "HTTP/1.10", "HTTP/a.1", "HTTP/11.1"})
        void rejectsMalformedVersions(String version) {
            RemoteProtocolError e = requestError("GET / " + version + "\r\nHost: a\r\n\r\n");

            assertThat(e.rejection().status()).isEqualTo(400);
            assertThat(e).hasMessageStartingWith("HTTP version '" + version + "'");
        }

        @Test
        void rejectsNonAsciiTargetsAndNonTokenMethods() {
            assertThat(requestError("GET /caf\u00e9 HTTP/1.1\r\n\r\n"))
                    .hasMessage("request target '/caf\u00e9' is empty or has characters outside visible ASCII");
            assertThat(requestError("G{T / HTTP/1.1\r\n\r\n")).hasMessage("method 'G{T' is not a token");
        }

        @Test
        void errorsCarryAPlainTextRejectionWithTheMessageAsBody() {
            RemoteProtocolError e = requestError("GET / HTTP/1.1\r\nHost a\r\n\r\n");

            assertThat(e.rejection().headers().first("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(e.rejection().hasBody()).isTrue();
            assertThat(e.rejectionBody()).isEqualTo(e.getMessage());
        }

        @Test
        void quotesPeerTextSafelyInMessages() {
            String longLine = "X".repeat(500);
            RemoteProtocolError e = requestError("GET / HTTP/1.1\r\n" + longLine + "\r\n\r\n");

            assertThat(e).hasMessage("header line '" + "X".repeat(100) + "...' has no colon");
        }
    }

    @Nested
    class Responses {
        @Test
        void parsesStatusLineAndFields() throws Exception {
            HttpResponseHead head = response(RESPONSE);

            assertThat(head.version()).isEqualTo("HTTP/1.1");
            assertThat(head.status()).isEqualTo(101);
            assertThat(head.reason()).isEqualTo("Switching Protocols");
            assertThat(head.headers().first("sec-websocket-accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        }

        @Test
        void acceptsAnEmptyReasonWithOrWithoutItsSpace() throws Exception {
            assertThat(response("HTTP/1.1 101 \r\nUpgrade: websocket\r\n\r\n").reason()).isEmpty();
            assertThat(response("HTTP/1.1 101\r\nUpgrade: websocket\r\n\r\n").reason()).isEmpty();
            assertThat(response("HTTP/1.1 404 Not  Found\r\n\r\n").reason()).isEqualTo("Not  Found");
        }

        @ParameterizedTest
        @ValueSource(strings = {"HTTP/1.1 10 OK", "HTTP/1.1 abc OK", "HTTP/1.1 1011 x", "HTTP/1.1", "HTTP/1.1 101x"})
        void rejectsMalformedStatusLinesAsProtocolErrors(String line) {
            RemoteProtocolError e = responseError(line + "\r\n\r\n");

            assertThat(e.closeCode()).isEqualTo(1002);
            assertThat(e.rejection()).isNull();
            assertThat(e).hasMessageContaining("status line '" + line + "'");
        }

        @Test
        void rejectsStatusCodesBelow100() {
            assertThat(responseError("HTTP/1.1 099 x\r\n\r\n")).hasMessage("status code 99 is out of range");
        }

        @Test
        void rejectsControlCharactersInTheReason() {
            assertThat(responseError("HTTP/1.1 400 Bad\u0001\r\n\r\n"))
                    .hasMessage("status line 'HTTP/1.1 400 Bad\\x01' has control character 0x01");
        }

        @Test
        void fieldErrorsAreProtocolErrorsToo() {
            RemoteProtocolError e = responseError("HTTP/1.1 101 OK\r\nUpgrade : websocket\r\n\r\n");

            assertThat(e.closeCode()).isEqualTo(1002);
            assertThat(e.rejection()).isNull();
            assertThat(e).hasMessage("header name 'Upgrade ' is followed by whitespace before the colon");
        }

        @Test
        void bareCrIsAProtocolError() {
            RemoteProtocolError e = responseError("HTTP/1.1 101 OK\rX: y\r\n\r\n");

            assertThat(e.closeCode()).isEqualTo(1002);
            assertThat(e.rejection()).isNull();
        }
    }

    @Nested
    class Splitting {
        @Test
        void requestParsesTheSameWholeByteByByteAndInRandomSplits() throws Exception {
            byte[] input = concat(ascii(REQUEST), FRAME);
            HeadFeeder.Outcome<HttpRequestHead> whole = HeadFeeder.feed(HttpHeadParser.forRequest(LIMIT), input);
            assertThat(whole.head()).isEqualTo(request(REQUEST));
            assertThat(whole.rest()).isEqualTo(FRAME);

            assertThat(HeadFeeder.oneByteAtATime(HttpHeadParser.forRequest(LIMIT), input)).isEqualTo(whole);
            Random random = new Random(6455);
            for (int i = 0; i < 200; i++) {
                assertThat(HeadFeeder.randomSplits(HttpHeadParser.forRequest(LIMIT), input, random))
                        .as("split %d", i)
                        .isEqualTo(whole);
            }
        }

        @Test
        void responseParsesTheSameWholeByteByByteAndInRandomSplits() throws Exception {
            byte[] frame = {(byte) 0x81, 0x02, 'h', 'i'};
            byte[] input = concat(ascii(RESPONSE), frame);
            HeadFeeder.Outcome<HttpResponseHead> whole = HeadFeeder.feed(HttpHeadParser.forResponse(LIMIT), input);
            assertThat(whole.head()).isEqualTo(response(RESPONSE));
            assertThat(whole.rest()).isEqualTo(frame);

            assertThat(HeadFeeder.oneByteAtATime(HttpHeadParser.forResponse(LIMIT), input)).isEqualTo(whole);
            Random random = new Random(9112);
            for (int i = 0; i < 200; i++) {
                assertThat(HeadFeeder.randomSplits(HttpHeadParser.forResponse(LIMIT), input, random))
                        .as("split %d", i)
                        .isEqualTo(whole);
            }
        }

        @Test
        void bareLfHeadsSplitTheSameWay() throws Exception {
            byte[] input = concat(ascii("\nGET / HTTP/1.1\nHost: a\r\nX: b\n\n"), FRAME);
            HeadFeeder.Outcome<HttpRequestHead> whole = HeadFeeder.feed(HttpHeadParser.forRequest(LIMIT), input);
            assertThat(whole.rest()).isEqualTo(FRAME);

            Random random = new Random(1);
            for (int i = 0; i < 200; i++) {
                assertThat(HeadFeeder.randomSplits(HttpHeadParser.forRequest(LIMIT), input, random)).isEqualTo(whole);
            }
        }

        @Test
        void leavesTheBytesAfterTheHeadUntouchedInTheCallersBuffer() throws Exception {
            byte[] input = concat(ascii(REQUEST), FRAME);
            ByteBuffer in = ByteBuffer.wrap(input.clone());

            HttpRequestHead head = HttpHeadParser.forRequest(LIMIT).receive(in);

            assertThat(head).isNotNull();
            assertThat(in.position()).isEqualTo(REQUEST.length());
            assertThat(in.limit()).isEqualTo(input.length);
            assertThat(in.array()).isEqualTo(input);
        }

        @Test
        void worksOnDirectBuffersAndAtNonZeroPositions() throws Exception {
            byte[] input = concat(ascii("junk" + REQUEST), FRAME);
            ByteBuffer direct = ByteBuffer.allocateDirect(input.length);
            direct.put(input).flip().position(4);

            HttpRequestHead head = HttpHeadParser.forRequest(LIMIT).receive(direct);

            assertThat(head).isEqualTo(request(REQUEST));
            assertThat(direct.position()).isEqualTo(4 + REQUEST.length());
        }

        @Test
        void returnsNullAndConsumesEverythingUntilComplete() throws Exception {
            HttpHeadParser<HttpRequestHead> parser = HttpHeadParser.forRequest(LIMIT);
            ByteBuffer first = buffer("GET / HTTP/1.1\r\nHost: a\r\n\r");

            assertThat(parser.receive(first)).isNull();
            assertThat(first.hasRemaining()).isFalse();
            assertThat(parser.isComplete()).isFalse();
            assertThat(parser.receive(ByteBuffer.allocate(0))).isNull();

            HttpRequestHead head = parser.receive(buffer("\nrest"));
            assertThat(head.headers().first("Host")).isEqualTo("a");
            assertThat(parser.isComplete()).isTrue();
        }

        @Test
        void afterCompletionReturnsTheSameHeadAndConsumesNothing() throws Exception {
            HttpHeadParser<HttpRequestHead> parser = HttpHeadParser.forRequest(LIMIT);
            HttpRequestHead head = parser.receive(buffer(REQUEST));
            ByteBuffer more = buffer("GET /other HTTP/1.1\r\n\r\n");

            assertThat(parser.receive(more)).isSameAs(head);
            assertThat(more.position()).isZero();
            assertThat(parser.capacity()).isZero();
        }
    }

    @Nested
    class SizeLimit {
        private final String head = "GET / HTTP/1.1\r\nHost: a\r\n\r\n"; // 27 bytes

        @Test
        void acceptsAHeadOfExactlyTheLimit() throws Exception {
            assertThat(HttpHeadParser.forRequest(head.length()).receive(buffer(head + "frame"))).isNotNull();
        }

        @Test
        void rejectsARequestOneByteOverTheLimitWith431() {
            RemoteProtocolError e = catchThrowableOfType(RemoteProtocolError.class,
                    () -> HttpHeadParser.forRequest(head.length() - 1).receive(buffer(head)));

            assertThat(e.rejection().status()).isEqualTo(431);
            assertThat(e.rejection().headers().first("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(e).hasMessage("request head is larger than 26 bytes");
        }

        @Test
        void rejectsAnEndlessHeadBeforeTheBufferGrowsPastTheLimit() throws Exception {
            int limit = 1000;
            HttpHeadParser<HttpRequestHead> parser = HttpHeadParser.forRequest(limit);
            assertThat(parser.receive(buffer("GET / HTTP/1.1\r\n"))).isNull();
            ByteBuffer chunk = buffer("X-Filler: " + "y".repeat(80) + "\r\n");
            int fed = 16;
            RemoteProtocolError error = null;
            while (error == null) {
                chunk.rewind();
                try {
                    assertThat(parser.receive(chunk)).isNull();
                    fed += chunk.capacity();
                    assertThat(parser.capacity()).isLessThanOrEqualTo(limit).isGreaterThanOrEqualTo(fed);
                } catch (RemoteProtocolError e) {
                    error = e;
                }
            }

            assertThat(error.rejection().status()).isEqualTo(431);
            assertThat(fed).isLessThanOrEqualTo(limit);
            assertThat(parser.capacity()).isZero(); // released on failure
        }

        @Test
        void rejectsAnOversizeHeadInOneBigBufferWithoutCopyingIt() {
            HttpHeadParser<HttpRequestHead> parser = HttpHeadParser.forRequest(100);
            ByteBuffer big = buffer("GET / HTTP/1.1\r\nX: " + "z".repeat(10_000) + "\r\n\r\n");

            assertThatThrownBy(() -> parser.receive(big)).isInstanceOf(RemoteProtocolError.class);
            assertThat(big.position()).isZero();
        }

        @Test
        void rejectsOversizeByteByByte() throws Exception {
            HttpHeadParser<HttpRequestHead> parser = HttpHeadParser.forRequest(10);
            byte[] bytes = ascii(head);
            for (int i = 0; i < 10; i++) {
                assertThat(parser.receive(ByteBuffer.wrap(bytes, i, 1))).isNull();
                assertThat(parser.capacity()).isLessThanOrEqualTo(10);
            }

            assertThatThrownBy(() -> parser.receive(ByteBuffer.wrap(bytes, 10, 1)))
                    .isInstanceOfSatisfying(RemoteProtocolError.class,
                            e -> assertThat(e.rejection().status()).isEqualTo(431));
        }

        @Test
        void emptyLinesBeforeTheStartLineCountTowardTheLimit() {
            assertThatThrownBy(() -> HttpHeadParser.forRequest(50).receive(buffer("\r\n".repeat(26))))
                    .isInstanceOf(RemoteProtocolError.class)
                    .hasMessage("request head is larger than 50 bytes");
        }

        @Test
        void anOversizeResponseIsAProtocolError() {
            RemoteProtocolError e = catchThrowableOfType(RemoteProtocolError.class,
                    () -> HttpHeadParser.forResponse(20).receive(buffer(RESPONSE)));

            assertThat(e.closeCode()).isEqualTo(1002);
            assertThat(e.rejection()).isNull();
            assertThat(e).hasMessage("response head is larger than 20 bytes");
        }

        @Test
        void refusesANonPositiveLimit() {
            assertThatThrownBy(() -> HttpHeadParser.forRequest(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aFailedParserRefusesToContinue() {
        HttpHeadParser<HttpRequestHead> parser = HttpHeadParser.forRequest(LIMIT);
        assertThatThrownBy(() -> parser.receive(buffer("GET / HTTP/1.1\r\nbad\r\n\r\n")))
                .isInstanceOf(RemoteProtocolError.class);

        assertThatThrownBy(() -> parser.receive(buffer(REQUEST))).isInstanceOf(LocalProtocolError.class);
    }

    @Test
    void interimResponsesAreRecognised() {
        assertThat(new HttpResponseHead("HTTP/1.1", 103, "Early Hints", null).isInterim()).isTrue();
        assertThat(new HttpResponseHead("HTTP/1.1", 100, "Continue", null).isInterim()).isTrue();
        assertThat(new HttpResponseHead("HTTP/1.1", 101, "", null).isInterim()).isFalse();
        assertThat(new HttpResponseHead("HTTP/1.1", 200, "OK", null).isInterim()).isFalse();
    }
}
