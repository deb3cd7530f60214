package dev.freeway.container.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.engine.AcceptConnection;
import dev.freeway.engine.DeflateSettings;
import dev.freeway.engine.ExtensionHeader;
import dev.freeway.engine.HttpHeaders;
import dev.freeway.engine.RemoteProtocolError;
import dev.freeway.engine.Request;
import dev.freeway.engine.ServerHandshake;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

class HandshakeNegotiationTest {
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    public static class Echo extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    private final HandshakeNegotiation negotiation = new HandshakeNegotiation(DeflateSettings.defaults());

    /** A validated request with the mandatory fields plus {@code extra} name/value pairs. */
    private static Request request(String... extra) {
        HttpHeaders.Builder b = HttpHeaders.builder()
                .add("Host", "example.com")
                .add("Upgrade", "websocket")
                .add("Connection", "Upgrade")
                .add("Sec-WebSocket-Version", "13")
                .add("Sec-WebSocket-Key", KEY);
        for (int i = 0; i < extra.length; i += 2) {
            b.add(extra[i], extra[i + 1]);
        }
        try {
            return ServerHandshake.validate("GET", "/chat/lobby?x=1", "HTTP/1.1", b.build());
        } catch (RemoteProtocolError e) {
            throw new AssertionError(e);
        }
    }

    private static FreewayHandshakeRequest view(Request request) {
        return FreewayHandshakeRequest.builder(URI.create("ws://example.com/chat/lobby?x=1"))
                .headers(request.headers()).build();
    }

    private static ServerEndpointConfig.Builder config() {
        return ServerEndpointConfig.Builder.create(Echo.class, "/chat/{room}");
    }

    private HandshakeOutcome negotiate(Request request, ServerEndpointConfig config) {
        return negotiation.negotiate(request, config, Map.of("room", "lobby"), view(request));
    }

    private HandshakeOutcome.Accepted accepted(Request request, ServerEndpointConfig config) {
        HandshakeOutcome outcome = negotiate(request, config);
        assertThat(outcome).isInstanceOf(HandshakeOutcome.Accepted.class);
        HandshakeOutcome.Accepted a = (HandshakeOutcome.Accepted) outcome;
        // Whatever is accepted must be something the engine can write.
        ServerHandshake.acceptHeaders(request, a.accept());
        return a;
    }

    private HandshakeOutcome.Rejected rejected(Request request, ServerEndpointConfig config) {
        HandshakeOutcome outcome = negotiate(request, config);
        assertThat(outcome).isInstanceOf(HandshakeOutcome.Rejected.class);
        return (HandshakeOutcome.Rejected) outcome;
    }

    private static String failedIn(ServerEndpointConfig.Configurator c, String method) {
        return "the endpoint's configurator " + c.getClass().getName() + " failed in " + method
                + "; the server log has the details";
    }

    @Test
    void plainRequestIsAcceptedAsIs() {
        Request request = request();
        HandshakeOutcome.Accepted a = accepted(request, config().build());
        assertThat(a.accept()).isEqualTo(new AcceptConnection(null, List.of(), HttpHeaders.empty()));
        assertThat(a.subprotocol()).isEmpty();
        assertThat(a.extensions()).isEmpty();
        assertThat(a.pathParameters()).containsExactly(Map.entry("room", "lobby"));
        assertThat(a.request().getRequestURI()).hasToString("ws://example.com/chat/lobby?x=1");
        assertThat(a.endpointConfig().getEndpointClass()).isEqualTo(Echo.class);
    }

    @Test
    void theConfiguratorSeesPathParametersAmongTheRequestParameters() {
        // TCK server.handshakerequest getParameterMapOneParamTest: the query's, then the path's
        List<Map<String, List<String>>> seen = new ArrayList<>();
        ServerEndpointConfig.Configurator looking = new ServerEndpointConfig.Configurator() {
            @Override
            public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
                seen.add(request.getParameterMap());
            }
        };
        Request request = request();
        HandshakeOutcome.Accepted a = accepted(request, config().configurator(looking).build());
        assertThat(seen).singleElement().satisfies(m -> assertThat(m).containsExactly(
                Map.entry("x", List.of("1")), Map.entry("room", List.of("lobby"))));
        assertThat(a.request().getParameterMap()).isEqualTo(seen.get(0)); // what the session is opened with
        assertThatThrownBy(() -> seen.get(0).put("y", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPathParameterReplacesAQueryParameterOfTheSameName() {
        FreewayHandshakeRequest r = FreewayHandshakeRequest.builder(URI.create("ws://h/chat/blue?room=red&room=x&n=1")).build()
                .withPathParameters(Map.of("room", "blue"));
        assertThat(r.getParameterMap()).containsExactly(Map.entry("room", List.of("blue")), Map.entry("n", List.of("1")));
        assertThat(r.getQueryString()).isEqualTo("room=red&room=x&n=1");
    }

    @Test
    void registryMatchOverload() throws DeploymentException {
        EndpointRegistry registry = new EndpointRegistry();
        registry.add(config().build());
        Request request = request();
        HandshakeOutcome outcome = negotiation.negotiate(request, registry.find("/chat/hall"), view(request));
        assertThat(((HandshakeOutcome.Accepted) outcome).pathParameters()).containsExactly(Map.entry("room", "hall"));
    }

    @Nested
    class Origin {
        @Test
        void refusedOriginIs403() {
            ServerEndpointConfig.Configurator strict = new ServerEndpointConfig.Configurator() {
                @Override
                public boolean checkOrigin(String origin) {
                    return "https://good.example".equals(origin);
                }
            };
            ServerEndpointConfig config = config().configurator(strict).build();
            HandshakeOutcome.Rejected r = rejected(request("Origin", "https://evil.example"), config);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.message()).isEqualTo("origin 'https://evil.example' is not allowed by "
                    + strict.getClass().getName() + ".checkOrigin");
            assertThat(r.cause()).isNull();
            assertThat(r.rejection().status()).isEqualTo(403);
            assertThat(r.rejection().headers().first("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(r.message());
            assertThat(new String(ServerHandshake.rejectResponse(r.rejection(), r.body()), StandardCharsets.UTF_8))
                    .startsWith("HTTP/1.1 403 ").endsWith(r.message());

            assertThat(rejected(request(), config).message()).isEqualTo("a request without an Origin header is not "
                    + "allowed by " + strict.getClass().getName() + ".checkOrigin");
            accepted(request("Origin", "https://good.example"), config);
        }

        @Test
        void checkOriginSeesTheHeaderValue() {
            AtomicReference<String> seen = new AtomicReference<>("unset");
            ServerEndpointConfig config = config().configurator(new ServerEndpointConfig.Configurator() {
                @Override
                public boolean checkOrigin(String origin) {
                    seen.set(origin);
                    return true;
                }
            }).build();
            accepted(request("Origin", "https://a.example"), config);
            assertThat(seen.get()).isEqualTo("https://a.example");
            accepted(request(), config);
            assertThat(seen.get()).isNull();
        }
    }

    @Nested
    class Subprotocols {
        private final ServerEndpointConfig config = config().subprotocols(List.of("v1.chat", "v2.chat")).build();

        @Test
        void clientsFirstSupportedChoiceWins() {
            HandshakeOutcome.Accepted a = accepted(request("Sec-WebSocket-Protocol", "v3.chat, v2.chat, v1.chat"), config);
            assertThat(a.subprotocol()).isEqualTo("v2.chat");
            assertThat(a.accept().subprotocol()).isEqualTo("v2.chat");
        }

        @Test
        void noneInCommonMeansNone() {
            HandshakeOutcome.Accepted a = accepted(request("Sec-WebSocket-Protocol", "v3.chat"), config);
            assertThat(a.subprotocol()).isEmpty();
            assertThat(a.accept().subprotocol()).isNull();
        }

        @Test
        void aConfiguratorMayPreferTheServersOrder() {
            ServerEndpointConfig serverOrder = config().subprotocols(List.of("v1.chat", "v2.chat"))
                    .configurator(new ServerEndpointConfig.Configurator() {
                        @Override
                        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
                            return supported.stream().filter(requested::contains).findFirst().orElse("");
                        }
                    }).build();
            assertThat(accepted(request("Sec-WebSocket-Protocol", "v2.chat, v1.chat"), serverOrder).subprotocol())
                    .isEqualTo("v1.chat");
        }

        @Test
        void choosingWhatTheClientDidNotOfferIs500() {
            ServerEndpointConfig.Configurator wrong = new ServerEndpointConfig.Configurator() {
                @Override
                public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
                    return "v9.chat";
                }
            };
            HandshakeOutcome.Rejected r = rejected(request("Sec-WebSocket-Protocol", "v1.chat"),
                    config().configurator(wrong).build());
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.message()).isEqualTo(failedIn(wrong, "getNegotiatedSubprotocol"));
            assertThat(r.cause()).hasMessage("it returned 'v9.chat', which the client did not offer (offered: [v1.chat])");
        }
    }

    @Nested
    class Deflate {
        @Test
        void acceptedWhenOfferedAndEnabled() {
            HandshakeOutcome.Accepted a = accepted(
                    request("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"), config().build());
            assertThat(a.accept().extensions()).extracting(e -> e.toHeaderValue()).containsExactly("permessage-deflate");
            assertThat(a.extensions()).containsExactly(FreewayExtension.of("permessage-deflate"));
        }

        @Test
        void responseCarriesTheEnginesParameters() {
            HandshakeOutcome.Accepted a = accepted(request("Sec-WebSocket-Extensions",
                    "permessage-deflate; server_no_context_takeover; server_max_window_bits=15"), config().build());
            assertThat(a.accept().extensions()).extracting(e -> e.toHeaderValue())
                    .containsExactly("permessage-deflate; server_no_context_takeover; server_max_window_bits=15");
            assertThat(a.extensions()).extracting(Extension::getName).containsExactly("permessage-deflate");
            assertThat(a.extensions().get(0).getParameters()).extracting(Extension.Parameter::getName)
                    .containsExactly("server_no_context_takeover", "server_max_window_bits");
        }

        @Test
        void smallServerWindowIsAcceptedAndAnswered() {
            HandshakeOutcome.Accepted a = accepted(request("Sec-WebSocket-Extensions",
                    "permessage-deflate; server_no_context_takeover; server_max_window_bits=9"), config().build());
            assertThat(a.accept().extensions()).extracting(e -> e.toHeaderValue())
                    .containsExactly("permessage-deflate; server_no_context_takeover; server_max_window_bits=9");
        }

        /** As a container without JZlib on its class path negotiates. */
        private HandshakeOutcome.Accepted acceptedWithoutJzlib(String offers) {
            HandshakeNegotiation noJzlib = new HandshakeNegotiation(DeflateSettings.builder().smallWindows(false).build());
            Request request = request("Sec-WebSocket-Extensions", offers);
            return (HandshakeOutcome.Accepted) noJzlib.negotiate(request, config().build(), Map.of(), view(request));
        }

        @Test
        void declinedWhenTheEngineCannotHonourTheOffer() {
            HandshakeOutcome.Accepted a = acceptedWithoutJzlib("permessage-deflate; server_max_window_bits=10");
            assertThat(a.accept().extensions()).isEmpty();
            assertThat(a.extensions()).isEmpty();
        }

        @Test
        void aLaterOfferCanBeTaken() {
            HandshakeOutcome.Accepted a = acceptedWithoutJzlib(
                    "permessage-deflate; server_max_window_bits=10, permessage-deflate; client_no_context_takeover");
            assertThat(a.accept().extensions()).extracting(e -> e.toHeaderValue())
                    .containsExactly("permessage-deflate; client_no_context_takeover");
        }

        @Test
        void disabledByTheContainer() {
            HandshakeNegotiation off = new HandshakeNegotiation(DeflateSettings.disabled());
            Request request = request("Sec-WebSocket-Extensions", "permessage-deflate");
            HandshakeOutcome.Accepted a = (HandshakeOutcome.Accepted) off.negotiate(request, config().build(),
                    Map.of(), view(request));
            assertThat(a.accept().extensions()).isEmpty();
        }

        @Test
        void anEndpointListingItOptsIn() {
            HandshakeNegotiation off = new HandshakeNegotiation(DeflateSettings.disabled());
            Request request = request("Sec-WebSocket-Extensions", "permessage-deflate");
            ServerEndpointConfig optIn = config().extensions(List.of(FreewayExtension.of("permessage-deflate"))).build();
            HandshakeOutcome.Accepted a = (HandshakeOutcome.Accepted) off.negotiate(request, optIn, Map.of(), view(request));
            assertThat(a.accept().extensions()).extracting(e -> e.toHeaderValue()).containsExactly("permessage-deflate");
        }

        @Test
        void extensionsFreewayCannotRunAreNeverAgreed() {
            ServerEndpointConfig listsFoo = config().extensions(List.of(FreewayExtension.of("x-foo"))).build();
            HandshakeOutcome.Accepted a = accepted(request("Sec-WebSocket-Extensions", "x-foo, permessage-deflate"), listsFoo);
            assertThat(a.accept().extensions()).extracting(e -> e.name()).containsExactly("permessage-deflate");
            ServerEndpointConfig.Configurator greedy = new ServerEndpointConfig.Configurator() {
                @Override
                public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
                    return requested;
                }
            };
            HandshakeOutcome.Accepted b = accepted(request("Sec-WebSocket-Extensions", "x-foo"),
                    config().configurator(greedy).build());
            assertThat(b.accept().extensions()).isEmpty();
        }

        @Test
        void aConfiguratorMayRefuseIt() {
            ServerEndpointConfig none = config().configurator(new ServerEndpointConfig.Configurator() {
                @Override
                public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
                    return List.of();
                }
            }).build();
            assertThat(accepted(request("Sec-WebSocket-Extensions", "permessage-deflate"), none).extensions()).isEmpty();
        }

        @Test
        void aConfiguratorReturningTheInstalledFormStillAnswersTheClientsOffer() {
            AtomicReference<List<Extension>> installedSeen = new AtomicReference<>();
            ServerEndpointConfig installedForm = config().configurator(new ServerEndpointConfig.Configurator() {
                @Override
                public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
                    installedSeen.set(installed);
                    return installed;
                }
            }).build();
            HandshakeOutcome.Accepted a = accepted(
                    request("Sec-WebSocket-Extensions", "permessage-deflate; server_max_window_bits=15"), installedForm);
            assertThat(installedSeen.get()).containsExactly(FreewayExtension.of("permessage-deflate"));
            assertThat(a.accept().extensions()).extracting(e -> e.toHeaderValue())
                    .containsExactly("permessage-deflate; server_max_window_bits=15");
        }

        @Test
        void installedForTheConfiguratorOnlyWhenEnabled() {
            AtomicReference<List<Extension>> installedSeen = new AtomicReference<>();
            ServerEndpointConfig spy = config().configurator(new ServerEndpointConfig.Configurator() {
                @Override
                public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
                    installedSeen.set(installed);
                    return super.getNegotiatedExtensions(installed, requested);
                }
            }).build();
            Request request = request("Sec-WebSocket-Extensions", "permessage-deflate");
            new HandshakeNegotiation(DeflateSettings.disabled()).negotiate(request, spy, Map.of(), view(request));
            assertThat(installedSeen.get()).isEmpty();
        }

        @Test
        void theConfiguratorChoosesAmongTheEndpointsExtensionsAndTheContainers() {
            // TCK server.serverendpointconfig.configurator getNegotiatedExtensionsInstalledTest/ResultedTest
            List<List<Extension>> seen = new ArrayList<>();
            ServerEndpointConfig twoOwn = config().extensions(List.of(FreewayExtension.of("x-first"), FreewayExtension.of("x-second")))
                    .configurator(new ServerEndpointConfig.Configurator() {
                        @Override
                        public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
                            List<Extension> resulted = super.getNegotiatedExtensions(installed, requested);
                            seen.addAll(List.of(installed, requested, resulted));
                            return resulted;
                        }
                    }).build();
            HandshakeOutcome.Accepted a = accepted(request("Sec-WebSocket-Extensions", "x-second; p=1, x-other, permessage-deflate"), twoOwn);
            assertThat(seen.get(0)).extracting(Extension::getName).containsExactly("x-first", "x-second", "permessage-deflate");
            assertThat(seen.get(2)).extracting(Extension::getName).containsExactly("x-second", "permessage-deflate");
            assertThat(seen.get(2).get(0).getParameters()).extracting(Extension.Parameter::getName).containsExactly("p");
            // what Freeway cannot run is chosen by the configurator, yet not agreed on the wire
            assertThat(a.accept().extensions()).extracting(e -> e.name()).containsExactly("permessage-deflate");
        }
    }

    @Nested
    class ModifyHandshake {
        @Test
        void addedHeadersEndUpInTheAcceptance() {
            ServerEndpointConfig config = config().configurator(new ServerEndpointConfig.Configurator() {
                @Override
                public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
                    response.getHeaders().put("X-Room", List.of("lobby"));
                    response.getHeaders().put("Set-Cookie", List.of("a=1", "b=2"));
                }
            }).build();
            Request request = request();
            HandshakeOutcome.Accepted a = accepted(request, config);
            assertThat(a.accept().headers().first("x-room")).isEqualTo("lobby");
            assertThat(a.accept().headers().all("Set-Cookie")).containsExactly("a=1", "b=2");
            HttpHeaders written = ServerHandshake.acceptHeaders(request, a.accept());
            assertThat(written.first("Sec-WebSocket-Accept")).isEqualTo(ACCEPT);
            assertThat(written.all("Set-Cookie")).containsExactly("a=1", "b=2");
        }

        @Test
        void seesTheNegotiatedResponseAndTheRequest() {
            AtomicReference<Map<String, List<String>>> seen = new AtomicReference<>();
            AtomicReference<HandshakeRequest> seenRequest = new AtomicReference<>();
            ServerEndpointConfig config = config().subprotocols(List.of("v1")).configurator(
                    new ServerEndpointConfig.Configurator() {
                        @Override
                        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request,
                                                    HandshakeResponse response) {
                            seen.set(Map.copyOf(response.getHeaders()));
                            seenRequest.set(request);
                        }
                    }).build();
            Request request = request("Sec-WebSocket-Protocol", "v1", "Sec-WebSocket-Extensions", "permessage-deflate");
            HandshakeOutcome.Accepted a = accepted(request, config);
            assertThat(seen.get()).containsOnly(
                    Map.entry("Sec-WebSocket-Accept", List.of(ACCEPT)),
                    Map.entry("Sec-WebSocket-Protocol", List.of("v1")),
                    Map.entry("Sec-WebSocket-Extensions", List.of("permessage-deflate")));
            assertThat(seenRequest.get()).isSameAs(a.request());
            assertThat(a.subprotocol()).isEqualTo("v1");
            assertThat(a.accept().extensions()).hasSize(1);
        }

        @Test
        void mayDropOrReplaceTheSubprotocolAndDropExtensions() {
            ServerEndpointConfig dropping = config().subprotocols(List.of("v1")).configurator(
                    new ServerEndpointConfig.Configurator() {
                        @Override
                        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request,
                                                    HandshakeResponse response) {
                            response.getHeaders().remove("sec-websocket-protocol");
                            response.getHeaders().remove("Sec-WebSocket-Extensions");
                        }
                    }).build();
            Request request = request("Sec-WebSocket-Protocol", "v1, v2", "Sec-WebSocket-Extensions", "permessage-deflate");
            HandshakeOutcome.Accepted a = accepted(request, dropping);
            assertThat(a.subprotocol()).isEmpty();
            assertThat(a.accept().subprotocol()).isNull();
            assertThat(a.accept().extensions()).isEmpty();
            assertThat(a.extensions()).isEmpty();

            ServerEndpointConfig replacing = config().subprotocols(List.of("v1")).configurator(
                    new ServerEndpointConfig.Configurator() {
                        @Override
                        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request,
                                                    HandshakeResponse response) {
                            response.getHeaders().put("Sec-WebSocket-Protocol", List.of("v2"));
                            response.getHeaders().put("Upgrade", List.of("websocket"));
                        }
                    }).build();
            HandshakeOutcome.Accepted b = accepted(request, replacing);
            assertThat(b.subprotocol()).isEqualTo("v2");
            assertThat(b.accept().extensions()).hasSize(1);
            assertThat(b.accept().headers().contains("Upgrade")).isFalse();
        }

        @Test
        void userPropertiesAreAPerConnectionCopy() {
            ServerEndpointConfig deployed = config().configurator(new ServerEndpointConfig.Configurator() {
                @Override
                public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
                    sec.getUserProperties().put("user", request.getRequestURI().getQuery());
                }
            }).build();
            deployed.getUserProperties().put("shared", "yes");
            HandshakeOutcome.Accepted a = accepted(request(), deployed);
            HandshakeOutcome.Accepted b = accepted(request(), deployed);
            assertThat(a.endpointConfig()).isNotSameAs(deployed);
            assertThat(a.endpointConfig().getUserProperties()).containsOnly(Map.entry("shared", "yes"),
                    Map.entry("user", "x=1"));
            assertThat(a.endpointConfig().getUserProperties()).isNotSameAs(b.endpointConfig().getUserProperties());
            assertThat(deployed.getUserProperties()).containsOnly(Map.entry("shared", "yes"));
            assertThat(a.endpointConfig().getConfigurator()).isSameAs(deployed.getConfigurator());
            assertThat(a.endpointConfig().getPath()).isEqualTo("/chat/{room}");
        }

        private HandshakeOutcome.Rejected misuse(Request request, List<String> subprotocols,
                                                 java.util.function.Consumer<Map<String, List<String>>> change,
                                                 String detail) {
            ServerEndpointConfig.Configurator c = new ServerEndpointConfig.Configurator() {
                @Override
                public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest req, HandshakeResponse response) {
                    change.accept(response.getHeaders());
                }
            };
            HandshakeOutcome.Rejected r = rejected(request, config().subprotocols(subprotocols).configurator(c).build());
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.message()).isEqualTo(failedIn(c, "modifyHandshake"));
            assertThat(r.cause()).isInstanceOf(IllegalStateException.class).hasMessage(detail);
            return r;
        }

        @Test
        void settingWhatTheHandshakeCannotSendIs500() {
            misuse(request("Sec-WebSocket-Protocol", "v1"), List.of("v1"),
                    h -> h.put("Sec-WebSocket-Protocol", List.of("v9")),
                    "it set Sec-WebSocket-Protocol to 'v9', which the client did not offer (offered: [v1])");
            misuse(request("Sec-WebSocket-Protocol", "v1, v2"), List.of("v1"),
                    h -> h.put("Sec-WebSocket-Protocol", List.of("v1", "v2")),
                    "it set Sec-WebSocket-Protocol to [v1, v2], but a server chooses exactly one subprotocol "
                            + "(RFC 6455 section 4.2.2)");
            misuse(request(), List.of(), h -> h.put("Sec-WebSocket-Accept", List.of("forged")),
                    "it set Sec-WebSocket-Accept to [forged], but the handshake computes that header from "
                            + "Sec-WebSocket-Key; leave it as it is");
            misuse(request("Sec-WebSocket-Extensions", "permessage-deflate"), List.of(),
                    h -> h.put("Sec-WebSocket-Extensions", List.of("permessage-deflate; server_no_context_takeover")),
                    "it set Sec-WebSocket-Extensions to [permessage-deflate; server_no_context_takeover], but Freeway "
                            + "runs only the extensions it negotiated ('permessage-deflate'); a configurator may remove "
                            + "them, not add or change them");
            misuse(request(), List.of(), h -> h.put("Sec-WebSocket-Extensions", List.of("x-foo")),
                    "it set Sec-WebSocket-Extensions to [x-foo], but Freeway runs only the extensions it negotiated (''); "
                            + "a configurator may remove them, not add or change them");
            misuse(request(), List.of(), h -> h.put("Sec-WebSocket-Extensions", List.of("a;;")),
                    "it set Sec-WebSocket-Extensions to [a;;], which is not valid: "
                            + invalidExtensionMessage("a;;"));
            misuse(request(), List.of(), h -> h.put("Content-Length", List.of("5")),
                    "it set 'Content-Length: 5', a header the WebSocket handshake writes itself; remove it");
            misuse(request(), List.of(), h -> h.put("Connection", List.of("keep-alive")),
                    "it set 'Connection: keep-alive', a header the WebSocket handshake writes itself; remove it");
            misuse(request(), List.of(), h -> h.put("X-Bad", List.of("a\r\nInjected: yes")),
                    "it set an invalid header: header 'X-Bad' value has an invalid character at 1");
        }

        private String invalidExtensionMessage(String value) {
            try {
                ExtensionHeader.parse(value);
                throw new AssertionError(value + " parsed");
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
    }

    @Nested
    class ConfiguratorThrowing {
        private ServerEndpointConfig.Configurator throwingIn(String method) {
            return new ServerEndpointConfig.Configurator() {
                private void maybeThrow(String m) {
                    if (m.equals(method)) {
                        throw new IllegalStateException("bug in " + m);
                    }
                }

                @Override
                public boolean checkOrigin(String origin) {
                    maybeThrow("checkOrigin");
                    return true;
                }

                @Override
                public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
                    maybeThrow("getNegotiatedSubprotocol");
                    return "";
                }

                @Override
                public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
                    maybeThrow("getNegotiatedExtensions");
                    return new ArrayList<>();
                }

                @Override
                public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
                    maybeThrow("modifyHandshake");
                }
            };
        }

        @Test
        void eachMethodFailureIs500NamingTheConfigurator() {
            for (String method : List.of("checkOrigin", "getNegotiatedSubprotocol", "getNegotiatedExtensions",
                    "modifyHandshake")) {
                ServerEndpointConfig.Configurator c = throwingIn(method);
                HandshakeOutcome.Rejected r = rejected(request(), config().configurator(c).build());
                assertThat(r.status()).isEqualTo(500);
                assertThat(r.message()).isEqualTo(failedIn(c, method));
                assertThat(r.cause()).isInstanceOf(IllegalStateException.class).hasMessage("bug in " + method);
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("bug in");
            }
        }

        @Test
        void noneThrowingIsAccepted() {
            accepted(request(), config().configurator(throwingIn("none")).build());
        }
    }

    @Test
    void aConfigWithoutConfiguratorUsesTheDefault() {
        ServerEndpointConfig real = config().subprotocols(List.of("v1")).build();
        ServerEndpointConfig noConfigurator = (ServerEndpointConfig) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServerEndpointConfig.class},
                (proxy, method, args) -> method.getName().equals("getConfigurator") ? null : method.invoke(real, args));
        assertThat(accepted(request("Sec-WebSocket-Protocol", "v1"), noConfigurator).subprotocol()).isEqualTo("v1");
    }
}
