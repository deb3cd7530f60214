package dev.freeway.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code dev.freeway.allowedOrigins}: wildcards in host names, {@code same-origin}, the default. */
class OriginPolicyTest {
    private static final String HERE = "https://chat.example.com:443";

    @Test
    void unsetIsAnyOrigin() {
        assertThat(OriginPolicy.parse(null).allowsAny()).isTrue();
        assertThat(OriginPolicy.parse(" ").refusal("http://evil.example", HERE)).isNull();
    }

    @Test
    void sameOriginAllowsTheRequestedOriginOnly() {
        OriginPolicy p = OriginPolicy.parse("same-origin");
        assertThat(p.refusal("https://chat.example.com", HERE)).isNull();
        assertThat(p.refusal("https://CHAT.example.com:443", HERE)).isNull();
        assertThat(p.refusal("http://chat.example.com", HERE)).contains("http://chat.example.com may not");
        assertThat(p.refusal("https://evil.example", HERE)).isEqualTo(
                "the origin https://evil.example may not open a WebSocket here (allowed: same-origin)");
        assertThat(p.refusal("null", HERE)).isNotNull();
        assertThat(p.refusal(null, HERE)).as("no Origin: not a browser").isNull();
    }

    @Test
    void wildcardsStandForOneLabelOfAHostName() {
        OriginPolicy p = OriginPolicy.parse("https://*.example.com, http://localhost:*");
        assertThat(p.refusal("https://app.example.com", HERE)).isNull();
        assertThat(p.refusal("https://a.b.example.com", HERE)).isNotNull();
        assertThat(p.refusal("https://example.com", HERE)).isNotNull();
        assertThat(p.refusal("https://app.example.com.evil.net", HERE)).isNotNull();
        assertThat(p.refusal("https://app.example.com:8443", HERE)).isNotNull();
        assertThat(p.refusal("http://localhost:8080", HERE)).isNull();
        assertThat(p.refusal("http://localhost", HERE)).isNull();
    }

    @Test
    void anEntryThatIsNoOriginStopsTheApplication() {
        assertThatThrownBy(() -> OriginPolicy.parse("same-origin example.com"))
                .hasMessageContaining("'example.com' is not an origin");
    }
}
