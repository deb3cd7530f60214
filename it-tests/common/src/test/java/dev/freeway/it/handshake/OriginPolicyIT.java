package dev.freeway.it.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.smoke.SmokeEchoEndpoint;
import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.RawHttpConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code dev.freeway.allowedOrigins} on a real container, against cross-site WebSocket hijacking:
 * the page's own origin and the listed ones are upgraded, any other (and {@code Origin: null}) gets
 * a 403 that says why, and a client that sends no Origin (no browser) is let through.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OriginPolicyIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.contextParams(FreewayWar.create("origins", SmokeEchoEndpoint.class),
                Map.of("dev.freeway.allowedOrigins", "same-origin, https://*.trusted.example"));
    }

    @Test
    void theSameOriginIsUpgraded() throws Exception {
        try (RawHttpConnection connection = RawHttpConnection.open(base)) {
            assertThat(handshake(connection, "http://" + connection.hostHeader())).isEqualTo(101);
        }
    }

    @Test
    void aListedOriginIsUpgraded() throws Exception {
        try (RawHttpConnection connection = RawHttpConnection.open(base)) {
            assertThat(handshake(connection, "https://app.trusted.example")).isEqualTo(101);
        }
    }

    @Test
    void noOriginIsNoBrowserAndIsUpgraded() throws Exception {
        try (RawHttpConnection connection = RawHttpConnection.open(base)) {
            assertThat(handshake(connection, null)).isEqualTo(101);
        }
    }

    @Test
    void anotherOriginGets403WithTheReason() throws Exception {
        for (String origin : new String[] {"https://evil.example", "null", "https://trusted.example.evil.net"}) {
            try (RawHttpConnection connection = RawHttpConnection.open(base)) {
                assertThat(handshake(connection, origin)).as(origin).isEqualTo(403);
                RawHttpConnection.ResponseHead head = lastHead;
                assertThat(head.header("Sec-WebSocket-Accept")).isEmpty();
                int length = Integer.parseInt(head.header("Content-Length").orElseThrow());
                String body = new String(connection.readExactly(length), StandardCharsets.UTF_8);
                assertThat(body).isEqualTo("the origin " + origin + " may not open a WebSocket here (allowed: "
                        + "same-origin, https://*.trusted.example)");
            }
        }
    }

    private RawHttpConnection.ResponseHead lastHead;

    private int handshake(RawHttpConnection connection, String origin) throws Exception {
        String[] headers = {"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                "Sec-WebSocket-Version: 13", "Content-Length: 0", origin == null ? "X-No-Origin: 1" : "Origin: " + origin};
        connection.sendHead("GET " + base.getPath() + "echo HTTP/1.1", headers);
        lastHead = connection.readHead();
        return lastHead.status();
    }
}
