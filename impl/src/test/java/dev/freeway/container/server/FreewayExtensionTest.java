package dev.freeway.container.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.engine.ExtensionOffer;
import jakarta.websocket.Extension;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class FreewayExtensionTest {

    private static ExtensionOffer deflateOffer() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_max_window_bits", null);
        params.put("server_max_window_bits", "10");
        return new ExtensionOffer("permessage-deflate", params);
    }

    @Test
    void fromEngineOfferKeepsParametersInOrder() {
        FreewayExtension e = FreewayExtension.from(deflateOffer());
        assertThat(e.getName()).isEqualTo("permessage-deflate");
        assertThat(e.getParameters()).extracting(Extension.Parameter::getName, Extension.Parameter::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("client_max_window_bits", null),
                        org.assertj.core.groups.Tuple.tuple("server_max_window_bits", "10"));
        assertThat(e).hasToString("permessage-deflate; client_max_window_bits; server_max_window_bits=10");
    }

    @Test
    void roundTrip() {
        assertThat(FreewayExtension.from(deflateOffer()).toOffer()).isEqualTo(deflateOffer());
    }

    @Test
    void anyExtensionImplementationConverts() {
        Extension foreign = new Extension() {
            @Override
            public String getName() {
                return "x-foo";
            }

            @Override
            public List<Parameter> getParameters() {
                return List.of(new Parameter() {
                    @Override
                    public String getName() {
                        return "level";
                    }

                    @Override
                    public String getValue() {
                        return "3";
                    }
                });
            }
        };
        assertThat(FreewayExtension.toOffer(foreign)).isEqualTo(new ExtensionOffer("x-foo", Map.of("level", "3")));
        assertThat(new FreewayExtension("x-foo", foreign.getParameters()))
                .isEqualTo(new FreewayExtension("x-foo", List.of(new FreewayExtension.Parameter("level", "3"))));
    }

    @Test
    void repeatedParameterCannotBecomeAnOffer() {
        FreewayExtension twice = new FreewayExtension("x", List.of(
                new FreewayExtension.Parameter("a", "1"), new FreewayExtension.Parameter("a", "2")));
        assertThatThrownBy(twice::toOffer).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extension 'x' has the parameter 'a' twice");
    }

    @Test
    void aRepeatedParameterNameIsFoundWhateverTheValues() {
        assertThat(FreewayExtension.repeatsAParameter(new FreewayExtension("x", List.of(
                new FreewayExtension.Parameter("a", "1"), new FreewayExtension.Parameter("b", null),
                new FreewayExtension.Parameter("a", null))))).isTrue();
        assertThat(FreewayExtension.repeatsAParameter(new FreewayExtension("x", List.of(
                new FreewayExtension.Parameter("a", "1"), new FreewayExtension.Parameter("b", "1"))))).isFalse();
        assertThat(FreewayExtension.repeatsAParameter(FreewayExtension.of("x"))).isFalse();
    }

    @Test
    void valueEquality() {
        assertThat(FreewayExtension.of("a")).isEqualTo(FreewayExtension.of("a")).hasSameHashCodeAs(FreewayExtension.of("a"))
                .isNotEqualTo(FreewayExtension.of("b"));
        assertThat(FreewayExtension.of("a").getParameters()).isEmpty();
        assertThatThrownBy(() -> FreewayExtension.of("a").getParameters().add(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
