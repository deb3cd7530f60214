package dev.freeway.it.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.RawWebSocket;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole chain once, as a first Freeway test: a WAR from {@link FreewayWar} with one annotated
 * endpoint, Freeway's initializer found in WEB-INF/lib, a handshake, an echo and a clean close.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FreewaySmokeIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.create("smoke", SmokeEchoEndpoint.class);
    }

    @Test
    void echoesAndClosesAsBrowsersConnect() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(base, "echo")) {
            echoAndClose(ws);
        }
    }

    @Test
    void echoesAndClosesWithContentLength0() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connect(base, "echo", "Content-Length: 0")) {
            echoAndClose(ws);
        }
    }

    private static void echoAndClose(RawWebSocket ws) throws Exception {
        ws.sendText("hello, Freeway");
        RawWebSocket.Frame echo = ws.readFrame();
        assertThat(echo.opcode()).isEqualTo(RawWebSocket.TEXT);
        assertThat(echo.masked()).isFalse();
        assertThat(echo.text()).isEqualTo("hello, Freeway");

        ws.sendClose(1000, "done");
        RawWebSocket.Frame close = ws.readFrame();
        assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
        assertThat(close.closeCode()).isEqualTo(1000);
        assertThat(ws.connection().input().read()).as("server closes the TCP connection").isEqualTo(-1);
    }
}
