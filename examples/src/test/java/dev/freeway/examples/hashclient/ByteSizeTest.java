package dev.freeway.examples.hashclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void parsesWhatPeopleType() {
        assertThat(ByteSize.parse("4096")).isEqualTo(4096);
        assertThat(ByteSize.parse("512k")).isEqualTo(512 * 1024);
        assertThat(ByteSize.parse("16M")).isEqualTo(16L << 20);
        assertThat(ByteSize.parse("4g")).isEqualTo(4L << 30);
        assertThat(ByteSize.parse("16MiB")).isEqualTo(16L << 20);
        assertThat(ByteSize.parse("2GB")).isEqualTo(2L << 30);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> ByteSize.parse("lots")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> ByteSize.parse("0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> ByteSize.parse("99999999999t")).hasMessageContaining("too large");
    }

    @Test
    void formatsForTheSummary() {
        assertThat(ByteSize.format(512)).isEqualTo("512 B");
        assertThat(ByteSize.format(4L << 30)).isEqualTo("4.0 GiB");
    }
}
