package dev.freeway.examples.it;

import dev.freeway.examples.launcher.ContainerKind;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo page in headless Chromium, on the launcher's each container (see {@link BrowserCheck}). */
class BrowserIT {

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void thePageEchoesAndChatsThroughFreeway(ContainerKind kind) throws Exception {
        try (DemoProcess demo = DemoProcess.start(kind)) {
            BrowserCheck.thePageEchoesAndChats(demo.http(), demo::ws);
        }
    }

    /** Chromium opens WebSockets over HTTP/2 (RFC 8441) when its connection is h2 and the server offers it. */
    @Test
    void thePageOpensItsWebSocketsOverHttp2WithTls() throws Exception {
        try (DemoProcess demo = DemoProcess.start(ContainerKind.JETTY, List.of("--http2", "--tls"))) {
            BrowserCheck.thePageEchoesAndChatsOverHttp2(demo.http(), demo::ws);
        }
    }
}
