package dev.freeway.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The choices websockify 0.10 makes (websockifyserver.CompatibleWebSocket), plus legacy base64. */
class StreamSubprotocolTest {

    @Test
    void binaryWinsWhereverItIsOffered() {
        assertThat(StreamSubprotocol.choose(List.of("binary"))).contains(StreamSubprotocol.BINARY);
        assertThat(StreamSubprotocol.choose(List.of("base64", " binary"))).contains(StreamSubprotocol.BINARY);
    }

    @Test
    void base64OnlyWhenBinaryIsNotOffered() {
        assertThat(StreamSubprotocol.choose(List.of("base64"))).contains(StreamSubprotocol.BASE64);
    }

    @Test
    void otherOffersGetNothing() {
        assertThat(StreamSubprotocol.choose(List.of("chat", "mqtt"))).isEmpty();
        assertThat(StreamSubprotocol.choose(List.of())).isEmpty();
    }

    @Test
    void noAnswerMeansBinary() {
        assertThat(StreamSubprotocol.ofToken("")).contains(StreamSubprotocol.BINARY);
        assertThat(StreamSubprotocol.ofToken(null)).contains(StreamSubprotocol.BINARY);
        assertThat(StreamSubprotocol.ofToken("base64")).contains(StreamSubprotocol.BASE64);
        assertThat(StreamSubprotocol.ofToken("chat")).isEqualTo(Optional.empty());
    }
}
