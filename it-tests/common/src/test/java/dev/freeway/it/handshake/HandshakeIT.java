package dev.freeway.it.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.RawHttpConnection;
import dev.freeway.it.support.RecordingListener;
import java.net.URL;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the opening handshake decides, seen by the JDK's client and by raw HTTP: the subprotocol,
 * path parameters, and a configurator's origin check refusing with a 403 that says why; and a
 * message sent from {@code @OnOpen}, right after the handshake.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandshakeIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.create("handshake", SubprotocolEndpoint.class, RoomEndpoint.class, GuardedEndpoint.class,
                OriginConfigurator.class, GreetingEndpoint.class);
    }

    @Test
    void sendsFromOnOpen() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "greet", listener);
        assertThat(listener.nextText()).isEqualTo(GreetingEndpoint.GREETING);
        JdkClient.closeNormally(ws, listener);
    }

    @Test
    void agreesOnTheClientsFirstChoiceThatTheServerSupports() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(JdkClient.HTTP.newWebSocketBuilder().subprotocols("v3.chat", "v1.chat", "v2.chat"),
                base, "proto", listener);
        // Jakarta's default configurator: the first of the client's list that the endpoint supports
        assertThat(ws.getSubprotocol()).isEqualTo("v1.chat");
        JdkClient.await(ws.sendText("which?", true));
        assertThat(listener.nextText()).isEqualTo("subprotocol=v1.chat");
        JdkClient.closeNormally(ws, listener);
    }

    @Test
    void agreesOnNoSubprotocolWhenNoneIsShared() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(JdkClient.HTTP.newWebSocketBuilder().subprotocols("v3.chat"),
                base, "proto", listener);
        assertThat(ws.getSubprotocol()).isEmpty();
        JdkClient.await(ws.sendText("which?", true));
        assertThat(listener.nextText()).isEqualTo("subprotocol=");
        JdkClient.closeNormally(ws, listener);
    }

    @Test
    void bindsDecodedPathParameters() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "rooms/caf%C3%A9%20au%20lait/users/41", listener);
        JdkClient.await(ws.sendText("?", true));
        assertThat(listener.nextText()).isEqualTo("room=caf\u00e9 au lait;user=41;next=42;map=caf\u00e9 au lait,41");
        JdkClient.await(ws.sendText("hi", true));
        assertThat(listener.nextText()).isEqualTo("caf\u00e9 au lait: hi");
        JdkClient.closeNormally(ws, listener);
    }

    @Test
    void answers404ForAPathNoTemplateMatches() throws Exception {
        // one segment too many: no endpoint, so the request goes on to the (empty) application
        WebSocketHandshakeException refused = catchThrowableOfType(WebSocketHandshakeException.class,
                () -> JdkClient.connect(base, "rooms/a/users/1/more", new RecordingListener()));
        assertThat(refused.getResponse().statusCode()).isEqualTo(404);
    }

    @Test
    void acceptsTheAllowedOrigin() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(JdkClient.HTTP.newWebSocketBuilder().header("Origin", OriginConfigurator.ALLOWED),
                base, "guarded", listener);
        JdkClient.await(ws.sendText("let me in", true));
        assertThat(listener.nextText()).isEqualTo("let me in");
        JdkClient.closeNormally(ws, listener);
    }

    @Test
    void refusesAnotherOriginWith403ForTheJdkClient() {
        WebSocketHandshakeException refused = catchThrowableOfType(WebSocketHandshakeException.class,
                () -> JdkClient.connect(JdkClient.HTTP.newWebSocketBuilder().header("Origin", "https://evil.example"),
                        base, "guarded", new RecordingListener()));
        assertThat(refused).as("the JDK client reports the refusal").isNotNull();
        assertThat(refused.getResponse().statusCode()).isEqualTo(403);
    }

    @Test
    void refusesAnotherOriginWith403AndAReadableBody() throws Exception {
        try (RawHttpConnection connection = RawHttpConnection.open(base)) {
            connection.sendHead("GET " + base.getPath() + "guarded HTTP/1.1", "Upgrade: websocket", "Connection: Upgrade",
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13",
                    "Origin: https://evil.example", "Content-Length: 0");
            RawHttpConnection.ResponseHead head = connection.readHead();
            assertThat(head.status()).isEqualTo(403);
            assertThat(head.header("Sec-WebSocket-Accept")).isEmpty();
            assertThat(head.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            int length = Integer.parseInt(head.header("Content-Length").orElseThrow());
            String body = new String(connection.readExactly(length), StandardCharsets.UTF_8);
            assertThat(body).contains("https://evil.example").contains("not allowed")
                    .contains(OriginConfigurator.class.getSimpleName());
        }
    }
}
