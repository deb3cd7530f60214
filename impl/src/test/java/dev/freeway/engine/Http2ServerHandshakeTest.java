package dev.freeway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RFC 8441 handshake: an extended CONNECT in, a 200's fields out, negotiation as over HTTP/1.1. */
class Http2ServerHandshakeTest {
    private static final String DEFLATE_OFFER = "permessage-deflate; client_max_window_bits, x-webkit-deflate-frame";

    /** The fields of RFC 8441 section 5.1's example request, with a deflate offer. */
    private static HttpHeaders fields() {
        return HttpHeaders.builder()
                .add("sec-websocket-protocol", "chat, superchat")
                .add("sec-websocket-extensions", DEFLATE_OFFER)
                .add("sec-websocket-version", "13")
                .add("origin", "http://www.example.com")
                .build();
    }

    private static Request valid() throws RemoteProtocolError {
        return Http2ServerHandshake.validate("CONNECT", "websocket", "server.example.com", "/chat?room=1", fields());
    }

    private static RemoteProtocolError rejection(String method, String protocol, String authority, String path,
                                                 HttpHeaders headers) {
        RemoteProtocolError e = catchThrowableOfType(RemoteProtocolError.class,
                () -> Http2ServerHandshake.validate(method, protocol, authority, path, headers));
        assertThat(e).as("rejected").isNotNull();
        assertThat(e.rejection().hasBody()).isTrue();
        assertThat(e.rejectionBody()).isEqualTo(e.getMessage());
        assertThat(e.rejection().headers().contains("Upgrade")).as("no HTTP/1.1 Upgrade field in HTTP/2").isFalse();
        return e;
    }

    private static HttpHeaders without(String name) {
        HttpHeaders.Builder b = HttpHeaders.builder();
        fields().fields().stream().filter(f -> !f.name().equalsIgnoreCase(name)).forEach(f -> b.add(f.name(), f.value()));
        return b.build();
    }

    @Test
    void acceptsAnExtendedConnectWithItsOffers() throws RemoteProtocolError {
        Request request = valid();

        assertThat(request.host()).isEqualTo("server.example.com");
        assertThat(request.target()).isEqualTo("/chat?room=1");
        assertThat(request.subprotocols()).containsExactly("chat", "superchat");
        assertThat(request.extensions()).extracting(ExtensionOffer::name)
                .containsExactly("permessage-deflate", "x-webkit-deflate-frame");
        assertThat(request.extensions().get(0).parameters()).containsOnlyKeys("client_max_window_bits");
        assertThat(request.headers().first("Origin")).isEqualTo("http://www.example.com");
    }

    @Test
    void theProtocolComparesWithoutRegardToCase() throws RemoteProtocolError {
        assertThat(Http2ServerHandshake.validate("CONNECT", "WebSocket", "a", "/", fields()).target()).isEqualTo("/");
    }

    @Test
    void needsNoKey() throws RemoteProtocolError {
        assertThat(valid().headers().contains("Sec-WebSocket-Key")).isFalse();
    }

    @Test
    void acceptHasTheNegotiatedFieldsAndNothingOfHttp11() throws RemoteProtocolError {
        ExtensionOffer deflate = new ExtensionOffer("permessage-deflate", Map.of("client_max_window_bits", "15"));
        AcceptConnection accept = new AcceptConnection("superchat", List.of(deflate), HttpHeaders.of("X-Trace", "7"));

        HttpHeaders headers = Http2ServerHandshake.acceptHeaders(valid(), accept);

        assertThat(headers.fields()).containsExactly(
                new HttpHeaders.Field("Sec-WebSocket-Protocol", "superchat"),
                new HttpHeaders.Field("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits=15"),
                new HttpHeaders.Field("X-Trace", "7"));
        assertThat(Http2ServerHandshake.ACCEPT_STATUS).isEqualTo(200);
    }

    @Test
    void negotiatesExactlyAsOverHttp11() throws RemoteProtocolError {
        HttpHeaders http11 = HttpHeaders.builder().add("Host", "server.example.com").add("Upgrade", "websocket")
                .add("Connection", "Upgrade").add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").addAll(fields()).build();
        Request over11 = ServerHandshake.validate("GET", "/chat?room=1", "HTTP/1.1", http11);
        Request over2 = valid();
        AcceptConnection accept = new AcceptConnection("chat", over2.extensions().subList(0, 1), HttpHeaders.empty());

        assertThat(over2.subprotocols()).isEqualTo(over11.subprotocols());
        assertThat(over2.extensions()).isEqualTo(over11.extensions());
        HttpHeaders h11 = ServerHandshake.acceptHeaders(over11, accept);
        HttpHeaders h2 = Http2ServerHandshake.acceptHeaders(over2, accept);
        for (String name : List.of("Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions")) {
            assertThat(h2.all(name)).as(name).isEqualTo(h11.all(name));
        }
        assertThat(h2.contains("Sec-WebSocket-Accept")).isFalse();
        assertThat(h2.contains("Upgrade")).isFalse();
        assertThat(h2.contains("Connection")).isFalse();
    }

    @Test
    void refusesAChoiceTheClientDidNotOffer() throws RemoteProtocolError {
        Request request = valid();
        assertThatThrownBy(() -> Http2ServerHandshake.acceptHeaders(request,
                new AcceptConnection("mqtt", List.of(), HttpHeaders.empty())))
                .isInstanceOf(LocalProtocolError.class).hasMessageContaining("'mqtt' was not offered");
        assertThatThrownBy(() -> Http2ServerHandshake.acceptHeaders(request,
                new AcceptConnection(null, List.of(new ExtensionOffer("x-other", Map.of())), HttpHeaders.empty())))
                .isInstanceOf(LocalProtocolError.class).hasMessageContaining("'x-other' was not offered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sec-WebSocket-Accept", "Connection", "Upgrade", "sec-websocket-protocol"})
    void refusesExtraFieldsTheHandshakeOwnsOrHttp2Forbids(String name) throws RemoteProtocolError {
        Request request = valid();
        AcceptConnection accept = new AcceptConnection(null, List.of(), HttpHeaders.of(name, "x"));

        assertThatThrownBy(() -> Http2ServerHandshake.acceptHeaders(request, accept))
                .isInstanceOf(LocalProtocolError.class).hasMessageContaining(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void refusesOtherMethodsWith405(String method) {
        RemoteProtocolError e = rejection(method, "websocket", "a", "/", fields());

        assertThat(e.rejection().status()).isEqualTo(405);
        assertThat(e.rejection().headers().first("Allow")).isEqualTo("CONNECT");
    }

    @Test
    void refusesAPlainConnectWith400() {
        RemoteProtocolError e = rejection("CONNECT", null, "a", "/", fields());

        assertThat(e.rejection().status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("no :protocol");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2c", "websocket2", "", "connect-udp"})
    void refusesAnotherProtocolWith400(String protocol) {
        RemoteProtocolError e = rejection("CONNECT", protocol, "a", "/", fields());

        assertThat(e.rejection().status()).isEqualTo(400);
        assertThat(e.getMessage()).contains(":protocol '" + protocol + "' is not websocket");
    }

    @Test
    void refusesAMissingPathOrAuthority() {
        assertThat(rejection("CONNECT", "websocket", "a", null, fields()).getMessage()).contains(":path");
        assertThat(rejection("CONNECT", "websocket", "a", "", fields()).getMessage()).contains(":path");
        assertThat(rejection("CONNECT", "websocket", null, "/", fields()).getMessage()).contains(":authority");
    }

    @Test
    void refusesAMissingVersionNamingOurs() {
        RemoteProtocolError e = rejection("CONNECT", "websocket", "a", "/", without("Sec-WebSocket-Version"));

        assertThat(e.rejection().status()).isEqualTo(400);
        assertThat(e.rejection().headers().first("Sec-WebSocket-Version")).isEqualTo("13");
        assertThat(e.getMessage()).contains("no Sec-WebSocket-Version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "12", "14", "13, 8"})
    void refusesAnotherVersionNamingOurs(String version) {
        HttpHeaders headers = without("Sec-WebSocket-Version").with(HttpHeaders.of("Sec-WebSocket-Version", version));
        RemoteProtocolError e = rejection("CONNECT", "websocket", "a", "/", headers);

        assertThat(e.rejection().status()).isEqualTo(400);
        assertThat(e.rejection().headers().first("Sec-WebSocket-Version")).isEqualTo("13");
        assertThat(e.getMessage()).contains("is not supported");
    }

    @Test
    void refusesBadOffersAsOverHttp11() {
        HttpHeaders twice = without("sec-websocket-protocol").with(HttpHeaders.of("Sec-WebSocket-Protocol", "a, a"));
        HttpHeaders badExtension = without("sec-websocket-extensions")
                .with(HttpHeaders.of("Sec-WebSocket-Extensions", "permessage-deflate; =x"));

        assertThat(rejection("CONNECT", "websocket", "a", "/", twice).getMessage()).contains("'a' twice");
        assertThat(rejection("CONNECT", "websocket", "a", "/", badExtension).rejection().status()).isEqualTo(400);
    }
}
