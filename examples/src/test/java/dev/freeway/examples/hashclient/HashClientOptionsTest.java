package dev.freeway.examples.hashclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HashClientOptionsTest {

    @Test
    void defaultsFollowTheTutorial() {
        HashClientOptions o = HashClientOptions.parse("--variant", "stream");
        assertThat(o.url()).isEqualTo(URI.create("ws://localhost:8080/hash/stream"));
        assertThat(o.bytes()).isEmpty();
        assertThat(o.size()).isEqualTo(1 << 20);
    }

    @Test
    void roundsTheBytesUpToWholeUnits() {
        HashClientOptions o = HashClientOptions.parse("--variant", "message", "--bytes", "2500k", "--size", "1m");
        assertThat(HashVariant.units(o, o.size())).isEqualTo(3);
        assertThat(HashVariant.units(HashClientOptions.parse("--variant", "frame"), 1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> HashClientOptions.parse("--bytes", "1m")).hasMessageContaining("--variant is required");
        assertThatThrownBy(() -> HashClientOptions.parse("--variant", "bulk")).hasMessageContaining("message, frame or stream");
        assertThatThrownBy(() -> HashClientOptions.parse("--variant", "frame", "--url")).hasMessageContaining("needs a value");
    }
}
