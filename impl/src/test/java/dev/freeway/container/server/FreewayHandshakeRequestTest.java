package dev.freeway.container.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.engine.HttpHeaders;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

class FreewayHandshakeRequestTest {
    private static final URI URI_WITH_QUERY = URI.create("ws://example.com/app/chat/lobby?name=J%C3%BCrgen&tag=a&tag=b+c&flag");

    @Test
    void defaultsComeFromTheUri() {
        FreewayHandshakeRequest r = FreewayHandshakeRequest.builder(URI_WITH_QUERY).build();
        assertThat(r.getRequestURI()).isEqualTo(URI_WITH_QUERY);
        assertThat(r.getQueryString()).isEqualTo("name=J%C3%BCrgen&tag=a&tag=b+c&flag");
        assertThat(r.getParameterMap()).containsExactly(
                Map.entry("name", List.of("Jürgen")), Map.entry("tag", List.of("a", "b c")), Map.entry("flag", List.of("")));
        assertThat(r.getHeaders()).isEmpty();
        assertThat(r.getUserPrincipal()).isNull();
        assertThat(r.isUserInRole("admin")).isFalse();
        assertThat(r.getHttpSession()).isNull();
    }

    @Test
    void noQuery() {
        FreewayHandshakeRequest r = FreewayHandshakeRequest.builder(URI.create("ws://h/x")).build();
        assertThat(r.getQueryString()).isNull();
        assertThat(r.getParameterMap()).isEmpty();
    }

    @Test
    void explicitValuesWin() {
        Principal alice = () -> "alice";
        Object session = new Object();
        FreewayHandshakeRequest r = FreewayHandshakeRequest.builder(URI_WITH_QUERY)
                .queryString(null)
                .parameterMap(Map.of("p", List.of("1")))
                .userPrincipal(alice)
                .userInRole(Set.of("admin")::contains)
                .httpSession(session)
                .build();
        assertThat(r.getQueryString()).isNull();
        assertThat(r.getParameterMap()).containsExactly(Map.entry("p", List.of("1")));
        assertThat(r.getUserPrincipal()).isSameAs(alice);
        assertThat(r.isUserInRole("admin")).isTrue();
        assertThat(r.isUserInRole("guest")).isFalse();
        assertThat(r.getHttpSession()).isSameAs(session);
    }

    @Test
    void headersAreCaseInsensitiveAndMerged() {
        FreewayHandshakeRequest r = FreewayHandshakeRequest.builder(URI_WITH_QUERY)
                .headers(Map.of("Sec-WebSocket-Protocol", List.of("a"), "sec-websocket-protocol", List.of("b")))
                .build();
        assertThat(r.getHeaders().get("SEC-WEBSOCKET-PROTOCOL")).containsExactlyInAnyOrder("a", "b");
        assertThat(r.getHeaders()).hasSize(1);
    }

    @Test
    void headersFromTheEngine() {
        HttpHeaders h = HttpHeaders.of("Host", "example.com", "Origin", "https://a.example", "X-Multi", "1", "x-multi", "2");
        FreewayHandshakeRequest r = FreewayHandshakeRequest.builder(URI_WITH_QUERY).headers(h).build();
        assertThat(r.getHeaders().get("origin")).containsExactly("https://a.example");
        assertThat(r.getHeaders().get("X-MULTI")).containsExactly("1", "2");
        assertThat(r.getHeaders().keySet()).containsExactly("Host", "Origin", "X-Multi");
        assertThat(r.firstHeader("host")).isEqualTo("example.com");
        assertThat(r.firstHeader("absent")).isNull();
    }

    @Test
    void isReadOnly() {
        FreewayHandshakeRequest r = FreewayHandshakeRequest.builder(URI_WITH_QUERY)
                .headers(HttpHeaders.of("Host", "h")).build();
        assertThatThrownBy(() -> r.getHeaders().put("X", List.of("y"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.getHeaders().get("Host").add("z")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.getParameterMap().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.getParameterMap().get("tag").add("z")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void responseHeadersAreMutableAndCaseInsensitive() {
        FreewayHandshakeResponse response = new FreewayHandshakeResponse();
        response.getHeaders().put("Set-Cookie", new java.util.ArrayList<>(List.of("a=1")));
        response.getHeaders().get("set-cookie").add("b=2");
        assertThat(response.getHeaders().get("SET-COOKIE")).containsExactly("a=1", "b=2");
        response.getHeaders().remove("set-Cookie");
        assertThat(response.getHeaders()).isEmpty();
    }
}
