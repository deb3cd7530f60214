package dev.freeway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PerMessageDeflateNegotiationTest {
    private static final DeflateSettings DEFAULTS = DeflateSettings.defaults();
    /** What a server or client without JZlib on its class path has. */
    private static final DeflateSettings NO_JZLIB = DeflateSettings.builder().smallWindows(false).build();

    private static Optional<PerMessageDeflate.Negotiated> negotiate(String header, DeflateSettings settings) {
        return PerMessageDeflate.negotiate(ExtensionHeader.parse(header), settings);
    }

    private static String response(String header) {
        return negotiate(header, DEFAULTS).orElseThrow().response().toHeaderValue();
    }

    private static ExtensionOffer element(String header) {
        List<ExtensionOffer> parsed = ExtensionHeader.parse(header);
        assertThat(parsed).hasSize(1);
        return parsed.get(0);
    }

    @Nested
    class Server {
        @Test
        void bareOfferGetsBareResponseAndDefaults() {
            PerMessageDeflate.Negotiated n = negotiate("permessage-deflate", DEFAULTS).orElseThrow();

            assertThat(n.response()).isEqualTo(new ExtensionOffer("permessage-deflate"));
            assertThat(n.parameters()).isEqualTo(DeflateParameters.DEFAULTS);
        }

        @Test
        void nothingWhenDisabledOrNotOffered() {
            assertThat(negotiate("permessage-deflate", DeflateSettings.disabled())).isEmpty();
            assertThat(PerMessageDeflate.negotiate(List.of(), DEFAULTS)).isEmpty();
            assertThat(negotiate("x-webkit-deflate-frame, foo; bar=1", DEFAULTS)).isEmpty();
        }

        @Test
        void skipsOtherExtensions() {
            assertThat(response("foo, permessage-deflate; client_no_context_takeover, bar"))
                    .isEqualTo("permessage-deflate; client_no_context_takeover");
        }

        @Test
        void extensionNameIsMatchedExactly() {
            assertThat(negotiate("Permessage-Deflate", DEFAULTS)).isEmpty();
        }

        @Test
        void firstAcceptableOfferWins() {
            assertThat(response("permessage-deflate; server_no_context_takeover, permessage-deflate"))
                    .isEqualTo("permessage-deflate; server_no_context_takeover");
            assertThat(response("permessage-deflate, permessage-deflate; server_no_context_takeover"))
                    .isEqualTo("permessage-deflate");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "permessage-deflate; unknown",
            "permessage-deflate; unknown=1",
            "permessage-deflate; server_no_context_takeover=1",
            "permessage-deflate; client_no_context_takeover=true",
            "permessage-deflate; server_max_window_bits",
            "permessage-deflate; server_max_window_bits=16",
            "permessage-deflate; server_max_window_bits=7",
            "permessage-deflate; server_max_window_bits=0",
            "permessage-deflate; server_max_window_bits=-9",
            "permessage-deflate; server_max_window_bits=015",
            "permessage-deflate; server_max_window_bits=abc",
            "permessage-deflate; client_max_window_bits=16",
            "permessage-deflate; client_max_window_bits=7",
            "permessage-deflate; client_max_window_bits=09",
            "permessage-deflate; client_max_window_bits=big",
        })
        void declinesInvalidOffers(String header) {
            assertThat(negotiate(header, DEFAULTS)).isEmpty();
            // ...and takes a valid one behind it.
            assertThat(response(header + ", permessage-deflate")).isEqualTo("permessage-deflate");
        }

        @ParameterizedTest
        @ValueSource(ints = {8, 9, 10, 11, 12, 13, 14})
        void withoutJzlibDeclinesSmallerServerWindowsJavaCannotCompressWith(int bits) {
            String header = "permessage-deflate; server_max_window_bits=" + bits;

            assertThat(negotiate(header, NO_JZLIB)).isEmpty();
            assertThat(PerMessageDeflate.declineReason(element(header), NO_JZLIB))
                    .contains("server_max_window_bits=" + bits).contains("32 KiB").contains("JZlib");
            // ...and takes the client's next offer, as before.
            assertThat(negotiate(header + ", permessage-deflate", NO_JZLIB).orElseThrow().response().toHeaderValue())
                    .isEqualTo("permessage-deflate");
        }

        @ParameterizedTest
        @ValueSource(ints = {8, 9, 10, 11, 12, 13, 14, 15})
        void acceptsEveryServerWindowAndCompressesWithIt(int bits) {
            PerMessageDeflate.Negotiated n = negotiate("permessage-deflate; client_no_context_takeover;"
                    + " client_max_window_bits; server_max_window_bits=" + bits, DEFAULTS).orElseThrow();

            assertThat(n.response().toHeaderValue())
                    .isEqualTo("permessage-deflate; client_no_context_takeover; server_max_window_bits=" + bits);
            assertThat(n.parameters().deflateWindowBits(Role.SERVER)).isEqualTo(bits);
            assertThat(n.parameters().inflateWindowBits(Role.SERVER)).isEqualTo(15);
        }

        @Test
        void theSmallerOfOfferAndConfigurationWins() {
            DeflateSettings eleven = DeflateSettings.builder().maxWindowBits(11).build();

            // The client lets us choose: we announce our window (RFC 7692 7.1.2.1 allows it unasked).
            assertThat(negotiate("permessage-deflate", eleven).orElseThrow().response().toHeaderValue())
                    .isEqualTo("permessage-deflate; server_max_window_bits=11");
            assertThat(negotiate("permessage-deflate; server_max_window_bits=13", eleven).orElseThrow()
                    .parameters().serverMaxWindowBits()).isEqualTo(11);
            assertThat(negotiate("permessage-deflate; server_max_window_bits=9", eleven).orElseThrow()
                    .response().toHeaderValue()).isEqualTo("permessage-deflate; server_max_window_bits=9");
        }

        @Test
        void asksClientsForTheConfiguredWindowOnlyWhenTheyOfferedTheParameter() {
            DeflateSettings peer10 = DeflateSettings.builder().peerMaxWindowBits(10).build();

            PerMessageDeflate.Negotiated bare = negotiate("permessage-deflate; client_max_window_bits", peer10).orElseThrow();
            assertThat(bare.response().toHeaderValue()).isEqualTo("permessage-deflate; client_max_window_bits=10");
            assertThat(bare.parameters().clientMaxWindowBits()).isEqualTo(10);
            assertThat(negotiate("permessage-deflate; client_max_window_bits=9", peer10).orElseThrow()
                    .response().toHeaderValue()).isEqualTo("permessage-deflate; client_max_window_bits=9");
            // Not offered: RFC 7692 7.1.2.2 forbids the parameter, and our Inflater reads any window.
            PerMessageDeflate.Negotiated unasked = negotiate("permessage-deflate", peer10).orElseThrow();
            assertThat(unasked.response().toHeaderValue()).isEqualTo("permessage-deflate");
            assertThat(unasked.parameters().clientMaxWindowBits()).isEqualTo(15);
        }

        @Test
        void smallWindowsCannotBeConfiguredWithoutJzlib() {
            assertThatThrownBy(() -> DeflateSettings.builder().smallWindows(false).maxWindowBits(9).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWindowBits=9").hasMessageContaining("JZlib");
            assertThatThrownBy(() -> DeflateSettings.builder().maxWindowBits(7))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8-15");
            assertThatThrownBy(() -> DeflateSettings.builder().peerMaxWindowBits(16))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8-15");
            // Asking the peer for a small window needs nothing of us: java.util.zip inflates any.
            assertThat(DeflateSettings.builder().smallWindows(false).peerMaxWindowBits(9).build().peerMaxWindowBits())
                    .isEqualTo(9);
        }

        @Test
        void declineReasonsNameTheProblem() {
            assertThat(PerMessageDeflate.declineReason(element("permessage-deflate; foo"), DEFAULTS)).contains("unknown parameter 'foo'");
            assertThat(PerMessageDeflate.declineReason(element("permessage-deflate; server_no_context_takeover=x"), DEFAULTS))
                    .contains("server_no_context_takeover takes no value");
            assertThat(PerMessageDeflate.declineReason(element("permessage-deflate; server_max_window_bits"), DEFAULTS))
                    .contains("server_max_window_bits needs a value");
            assertThat(PerMessageDeflate.declineReason(element("permessage-deflate; client_max_window_bits=16"), DEFAULTS))
                    .contains("client_max_window_bits='16'").contains("8-15");
            assertThat(PerMessageDeflate.declineReason(element("other"), DEFAULTS)).contains("not permessage-deflate");
            assertThat(PerMessageDeflate.declineReason(element("permessage-deflate; client_max_window_bits"), DEFAULTS)).isNull();
            assertThat(PerMessageDeflate.declineReason(element("permessage-deflate; server_max_window_bits=9"), DEFAULTS)).isNull();
        }

        @Test
        void repeatedParametersNeverReachNegotiationBecauseTheParserRefusesThem() {
            // RFC 7692 section 7.1 wants the offer declined; ExtensionOffer cannot represent it,
            // so the header parser is where this is caught today.
            assertThatThrownBy(() -> ExtensionHeader.parse(
                    "permessage-deflate; server_no_context_takeover; server_no_context_takeover"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeated");
        }

        @Test
        void acceptsFullServerWindowAndEchoesIt() {
            PerMessageDeflate.Negotiated n = negotiate("permessage-deflate; server_max_window_bits=15", DEFAULTS).orElseThrow();

            assertThat(n.response().toHeaderValue()).isEqualTo("permessage-deflate; server_max_window_bits=15");
            assertThat(n.parameters().serverMaxWindowBits()).isEqualTo(15);
        }

        @Test
        void quotedWindowBitsAreUnquotedByTheParser() {
            assertThat(response("permessage-deflate; server_max_window_bits=\"15\""))
                    .isEqualTo("permessage-deflate; server_max_window_bits=15");
        }

        @Test
        void bareClientWindowIsLeftToTheClient() {
            PerMessageDeflate.Negotiated n = negotiate("permessage-deflate; client_max_window_bits", DEFAULTS).orElseThrow();

            // Our Inflater reads any window; leaving the parameter out is RFC 7692 7.1.2.2's option.
            assertThat(n.response().toHeaderValue()).isEqualTo("permessage-deflate");
            assertThat(n.parameters().clientMaxWindowBits()).isEqualTo(15);
        }

        @ParameterizedTest
        @ValueSource(ints = {8, 10, 15})
        void clientWindowHintsAreConfirmed(int bits) {
            PerMessageDeflate.Negotiated n = negotiate("permessage-deflate; client_max_window_bits=" + bits, DEFAULTS).orElseThrow();

            assertThat(n.response().toHeaderValue()).isEqualTo("permessage-deflate; client_max_window_bits=" + bits);
            assertThat(n.parameters().clientMaxWindowBits()).isEqualTo(bits);
        }

        @Test
        void honoursServerNoContextTakeover() {
            PerMessageDeflate.Negotiated n = negotiate("permessage-deflate; server_no_context_takeover", DEFAULTS).orElseThrow();

            assertThat(n.response().toHeaderValue()).isEqualTo("permessage-deflate; server_no_context_takeover");
            assertThat(n.parameters().resetDeflaterAfterMessage(Role.SERVER)).isTrue();
            assertThat(n.parameters().resetInflaterAfterMessage(Role.SERVER)).isFalse();
        }

        @Test
        void echoesClientNoContextTakeover() {
            PerMessageDeflate.Negotiated n = negotiate("permessage-deflate; client_no_context_takeover", DEFAULTS).orElseThrow();

            assertThat(n.response().toHeaderValue()).isEqualTo("permessage-deflate; client_no_context_takeover");
            assertThat(n.parameters().resetInflaterAfterMessage(Role.SERVER)).isTrue();
            assertThat(n.parameters().resetDeflaterAfterMessage(Role.SERVER)).isFalse();
        }

        @Test
        void settingsAddNoContextTakeoverUnasked() {
            DeflateSettings both = DeflateSettings.builder().noContextTakeover(true).requestPeerNoContextTakeover(true).build();

            PerMessageDeflate.Negotiated n = negotiate("permessage-deflate", both).orElseThrow();

            assertThat(n.response().toHeaderValue())
                    .isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover");
            assertThat(n.parameters()).isEqualTo(new DeflateParameters(true, true, 15, 15));
        }

        @Test
        void everythingAtOnce() {
            assertThat(response("permessage-deflate; client_max_window_bits; server_max_window_bits=15;"
                    + " client_no_context_takeover; server_no_context_takeover"))
                    .isEqualTo("permessage-deflate; server_no_context_takeover; client_no_context_takeover;"
                            + " server_max_window_bits=15");
        }
    }

    @Nested
    class Client {
        private final ExtensionOffer bareOffer = new ExtensionOffer("permessage-deflate");

        private DeflateParameters accept(String response) {
            return PerMessageDeflate.accept(element(response), bareOffer);
        }

        @Test
        void offers() {
            assertThat(PerMessageDeflate.offer(DEFAULTS).orElseThrow().toHeaderValue())
                    .isEqualTo("permessage-deflate; client_max_window_bits");
            assertThat(PerMessageDeflate.offer(DeflateSettings.disabled())).isEmpty();
            assertThat(PerMessageDeflate.offer(NO_JZLIB.toBuilder().noContextTakeover(true).build())
                    .orElseThrow().toHeaderValue()).isEqualTo("permessage-deflate; client_no_context_takeover");
            assertThat(PerMessageDeflate.offer(NO_JZLIB.toBuilder().requestPeerNoContextTakeover(true).build())
                    .orElseThrow().toHeaderValue()).isEqualTo("permessage-deflate; server_no_context_takeover");
            assertThat(PerMessageDeflate.offer(DeflateSettings.builder().maxWindowBits(9).peerMaxWindowBits(12).build())
                    .orElseThrow().toHeaderValue())
                    .isEqualTo("permessage-deflate; server_max_window_bits=12; client_max_window_bits=9");
        }

        @Test
        void withoutJzlibNeverOffersClientMaxWindowBits() {
            DeflateSettings all = NO_JZLIB.toBuilder().noContextTakeover(true).requestPeerNoContextTakeover(true).build();

            assertThat(PerMessageDeflate.offer(all).orElseThrow().parameters())
                    .doesNotContainKey(PerMessageDeflate.CLIENT_MAX_WINDOW_BITS);
        }

        @Test
        void applicationParametersBecomeSettings() {
            DeflateSettings s = PerMessageDeflate.clientSettings(DEFAULTS, element("permessage-deflate;"
                    + " client_max_window_bits=10; server_max_window_bits=12; server_no_context_takeover"));

            assertThat(s.maxWindowBits()).isEqualTo(10);
            assertThat(s.peerMaxWindowBits()).isEqualTo(12);
            assertThat(s.requestPeerNoContextTakeover()).isTrue();
            assertThat(s.noContextTakeover()).isFalse();
            assertThat(PerMessageDeflate.offer(s).orElseThrow().toHeaderValue()).isEqualTo(
                    "permessage-deflate; server_no_context_takeover; server_max_window_bits=12; client_max_window_bits=10");
            assertThat(PerMessageDeflate.clientSettings(DEFAULTS, element("permessage-deflate; client_no_context_takeover"))
                    .noContextTakeover()).isTrue();
        }

        @Test
        void applicationParametersAreChecked() {
            assertThatThrownBy(() -> PerMessageDeflate.clientSettings(DEFAULTS, element("permessage-deflate; client_max_window_bits=16")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8-15");
            assertThatThrownBy(() -> PerMessageDeflate.clientSettings(DEFAULTS, element("permessage-deflate; mystery")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown parameter 'mystery'");
            // Without JZlib a small window of our own is left out rather than failing the connection.
            DeflateSettings s = PerMessageDeflate.clientSettings(NO_JZLIB, element("permessage-deflate; client_max_window_bits=9"));
            assertThat(s.maxWindowBits()).isEqualTo(15);
            assertThat(PerMessageDeflate.offer(s).orElseThrow().toHeaderValue()).isEqualTo("permessage-deflate");
        }

        @Test
        void compressesWithTheHintWeOfferedWhenTheServerSaysNothing() {
            DeflateParameters p = PerMessageDeflate.accept(element("permessage-deflate"),
                    element("permessage-deflate; client_max_window_bits=11"));

            assertThat(p.deflateWindowBits(Role.CLIENT)).isEqualTo(11);
        }

        @Test
        void acceptsBareResponse() {
            assertThat(accept("permessage-deflate")).isEqualTo(DeflateParameters.DEFAULTS);
        }

        @Test
        void serverNoContextTakeoverResetsOurInflater() {
            DeflateParameters p = accept("permessage-deflate; server_no_context_takeover");

            assertThat(p.resetInflaterAfterMessage(Role.CLIENT)).isTrue();
            assertThat(p.resetDeflaterAfterMessage(Role.CLIENT)).isFalse();
        }

        @Test
        void clientNoContextTakeoverMayBeImposedUnoffered() {
            DeflateParameters p = accept("permessage-deflate; client_no_context_takeover");

            assertThat(p.resetDeflaterAfterMessage(Role.CLIENT)).isTrue();
        }

        @Test
        void ourOwnNoContextTakeoverHoldsEvenIfNotEchoed() {
            ExtensionOffer offered = element("permessage-deflate; client_no_context_takeover");

            DeflateParameters p = PerMessageDeflate.accept(element("permessage-deflate"), offered);

            assertThat(p.resetDeflaterAfterMessage(Role.CLIENT)).isTrue();
        }

        @Test
        void serverIgnoringOurServerNoContextTakeoverMeansWeKeepContext() {
            ExtensionOffer offered = element("permessage-deflate; server_no_context_takeover");

            DeflateParameters p = PerMessageDeflate.accept(element("permessage-deflate"), offered);

            assertThat(p.resetInflaterAfterMessage(Role.CLIENT)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(ints = {8, 9, 10, 11, 12, 13, 14, 15})
        void acceptsAnyServerWindow(int bits) {
            DeflateParameters p = accept("permessage-deflate; server_max_window_bits=" + bits);

            assertThat(p.serverMaxWindowBits()).isEqualTo(bits);
            assertThat(p.inflateWindowBits(Role.CLIENT)).isEqualTo(bits);
            assertThat(p.deflateWindowBits(Role.CLIENT)).isEqualTo(15);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "permessage-deflate; foo                              | unknown parameter 'foo'",
            "permessage-deflate; server_no_context_takeover=1     | server_no_context_takeover takes no value",
            "permessage-deflate; client_no_context_takeover=x     | client_no_context_takeover takes no value",
            "permessage-deflate; server_max_window_bits           | server_max_window_bits needs a value",
            "permessage-deflate; server_max_window_bits=16        | server_max_window_bits='16' is not a whole number 8-15",
            "permessage-deflate; server_max_window_bits=7         | server_max_window_bits='7'",
            "permessage-deflate; server_max_window_bits=010       | server_max_window_bits='010'",
            "permessage-deflate; server_max_window_bits=ten       | server_max_window_bits='ten'",
            "permessage-deflate; client_max_window_bits=15        | client_max_window_bits was not offered",
            "permessage-deflate; client_max_window_bits           | client_max_window_bits needs a value",
            "other-extension                                      | is not permessage-deflate",
        })
        void rejectsInvalidResponses(String response, String message) {
            assertThatThrownBy(() -> accept(response))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(message);
        }

        @ParameterizedTest
        @ValueSource(ints = {8, 9, 10, 11, 12, 13, 14, 15})
        void honoursEveryClientWindowTheServerPicks(int bits) {
            ExtensionOffer offered = element("permessage-deflate; client_max_window_bits");

            DeflateParameters p = PerMessageDeflate.accept(element("permessage-deflate; client_max_window_bits=" + bits), offered);

            assertThat(p.deflateWindowBits(Role.CLIENT)).isEqualTo(bits);
        }

        @Test
        void windowsLargerThanOfferedFail() {
            assertThatThrownBy(() -> PerMessageDeflate.accept(
                    element("permessage-deflate; client_max_window_bits=15"),
                    element("permessage-deflate; client_max_window_bits=12")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("client_max_window_bits=15 exceeds the offered 12");
            assertThatThrownBy(() -> PerMessageDeflate.accept(
                    element("permessage-deflate; server_max_window_bits=12"),
                    element("permessage-deflate; server_max_window_bits=10")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("server_max_window_bits=12 exceeds the offered 10");
            assertThat(PerMessageDeflate.accept(
                    element("permessage-deflate; server_max_window_bits=9"),
                    element("permessage-deflate; server_max_window_bits=10")).serverMaxWindowBits()).isEqualTo(9);
        }
    }

    @Nested
    class BothSides {
        @ParameterizedTest
        @CsvSource({"false,false", "false,true", "true,false", "true,true"})
        void clientAndServerAgree(boolean serverAsksNoContext, boolean clientAsksNoContext) {
            DeflateSettings client = DeflateSettings.builder()
                    .noContextTakeover(clientAsksNoContext).requestPeerNoContextTakeover(serverAsksNoContext).build();
            ExtensionOffer offer = PerMessageDeflate.offer(client).orElseThrow();

            PerMessageDeflate.Negotiated server = PerMessageDeflate.negotiate(
                    ExtensionHeader.parse(offer.toHeaderValue()), DEFAULTS).orElseThrow();
            ExtensionOffer response = element(server.response().toHeaderValue());
            DeflateParameters clientSide = PerMessageDeflate.accept(response, offer);

            assertThat(clientSide).isEqualTo(server.parameters());
            assertThat(clientSide).isEqualTo(new DeflateParameters(serverAsksNoContext, clientAsksNoContext, 15, 15));
        }

        @Test
        void responseParametersAreOnlyThoseOfTheRfc() {
            PerMessageDeflate.Negotiated n = negotiate("permessage-deflate; client_max_window_bits; server_max_window_bits=15;"
                    + " client_no_context_takeover; server_no_context_takeover", DEFAULTS).orElseThrow();

            assertThat(n.response().parameters()).containsOnlyKeys(
                    PerMessageDeflate.SERVER_NO_CONTEXT_TAKEOVER, PerMessageDeflate.CLIENT_NO_CONTEXT_TAKEOVER,
                    PerMessageDeflate.SERVER_MAX_WINDOW_BITS);
            assertThat(n.response().parameters())
                    .containsEntry(PerMessageDeflate.SERVER_MAX_WINDOW_BITS, "15")
                    .containsEntry(PerMessageDeflate.SERVER_NO_CONTEXT_TAKEOVER, null)
                    .containsEntry(PerMessageDeflate.CLIENT_NO_CONTEXT_TAKEOVER, null);
        }
    }
}
