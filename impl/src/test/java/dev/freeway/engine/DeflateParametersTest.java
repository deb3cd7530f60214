package dev.freeway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class DeflateParametersTest {
    @Test
    void eachRoleResetsByTheOtherRolesParameterWhenInflating() {
        DeflateParameters serverOnly = new DeflateParameters(true, false, 15, 15);

        assertThat(serverOnly.resetDeflaterAfterMessage(Role.SERVER)).isTrue();
        assertThat(serverOnly.resetInflaterAfterMessage(Role.CLIENT)).isTrue();
        assertThat(serverOnly.resetDeflaterAfterMessage(Role.CLIENT)).isFalse();
        assertThat(serverOnly.resetInflaterAfterMessage(Role.SERVER)).isFalse();

        DeflateParameters clientOnly = new DeflateParameters(false, true, 15, 15);

        assertThat(clientOnly.resetDeflaterAfterMessage(Role.CLIENT)).isTrue();
        assertThat(clientOnly.resetInflaterAfterMessage(Role.SERVER)).isTrue();
        assertThat(clientOnly.resetDeflaterAfterMessage(Role.SERVER)).isFalse();
        assertThat(clientOnly.resetInflaterAfterMessage(Role.CLIENT)).isFalse();
    }

    @Test
    void windowBitsByRole() {
        DeflateParameters p = new DeflateParameters(false, false, 9, 12);

        assertThat(p.deflateWindowBits(Role.SERVER)).isEqualTo(9);
        assertThat(p.inflateWindowBits(Role.CLIENT)).isEqualTo(9);
        assertThat(p.deflateWindowBits(Role.CLIENT)).isEqualTo(12);
        assertThat(p.inflateWindowBits(Role.SERVER)).isEqualTo(12);
    }

    @Test
    void windowBitsMustBe8To15() {
        assertThatThrownBy(() -> new DeflateParameters(false, false, 7, 15))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serverMaxWindowBits");
        assertThatThrownBy(() -> new DeflateParameters(false, false, 15, 16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientMaxWindowBits");
        assertThat(DeflateParameters.DEFAULTS).isEqualTo(new DeflateParameters(false, false, 15, 15));
    }

    @Test
    void settingsDefaultsAndValidation() {
        DeflateSettings d = DeflateSettings.defaults();
        assertThat(d.enabled()).isTrue();
        assertThat(d.compressionLevel()).isEqualTo(Deflater.DEFAULT_COMPRESSION);
        assertThat(d.noContextTakeover()).isFalse();
        assertThat(d.requestPeerNoContextTakeover()).isFalse();
        assertThat(DeflateSettings.disabled().enabled()).isFalse();

        DeflateSettings custom = DeflateSettings.builder().compressionLevel(1).noContextTakeover(true).build();
        DeflateSettings copy = custom.toBuilder().build();
        assertThat(copy.compressionLevel()).isEqualTo(1);
        assertThat(copy.noContextTakeover()).isTrue();
        assertThat(copy.toString()).isEqualTo(custom.toString());

        assertThatThrownBy(() -> DeflateSettings.builder().compressionLevel(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeflateSettings.builder().compressionLevel(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DeflateSettings.builder().compressionLevel(0).build().compressionLevel()).isZero();
    }
}
