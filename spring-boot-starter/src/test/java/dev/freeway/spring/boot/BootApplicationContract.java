package dev.freeway.spring.boot;

import static dev.freeway.spring.boot.StompFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.container.FreewayServerContainer;
import dev.freeway.spring.boot.StompFrames.Frame;
import jakarta.websocket.server.ServerContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.context.WebApplicationContext;

/**
 * What a Boot application with freeway-spring-boot-starter gets on one embedded container, checked
 * from outside with the JDK's WebSocket client: Freeway is the only WebSocket implementation, and
 * a {@code @ServerEndpoint}, a Spring {@code WebSocketHandler} and STOMP all run on it.
 */
abstract class BootApplicationContract {
    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    /**
     * How the embedded server the subclass starts names itself ({@code ServletContext.getServerInfo()}),
     * checked this way so that the contract compiles against Boot 3.5 as well as Boot 4.
     */
    abstract String serverInfoPrefix();

    @Test
    void freewayIsTheOnlyWebSocketImplementation() {
        assertThat(context.getServletContext().getServerInfo()).startsWith(serverInfoPrefix());
        Object container = context.getServletContext().getAttribute(ServerContainer.class.getName());
        assertThat(container).isInstanceOf(FreewayServerContainer.class);
        assertThat(context.getServletContext().getFilterRegistrations().keySet())
                .as("no upgrade filter of the container's own implementation")
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("upgradefilter")
                        || name.contains("Tomcat WebSocket"));
    }

    /** {@code endpoint}: the {@code @ServerEndpoint}; {@code handler}: the Spring {@code WebSocketHandler}. */
    @ParameterizedTest
    @ValueSource(strings = {"endpoint", "handler"})
    void echoes(String which) throws Exception {
        try (JdkClient client = JdkClient.connect(port, "/" + which)) {
            for (int i = 0; i < 100; i++) {
                client.send("ping " + i);
                assertThat(client.next()).isEqualTo(which + ":ping " + i);
            }
        }
    }

    @Test
    void stompSubscribeAndSend() throws Exception {
        try (JdkClient client = JdkClient.connect(port, "/stomp", "v12.stomp")) {
            assertThat(client.subprotocol()).isEqualTo("v12.stomp");
            client.send(frame("CONNECT", "", "accept-version", "1.2", "host", "localhost", "heart-beat", "0,0"));
            Frame connected = Frame.parse(client.next());
            assertThat(connected.command()).isEqualTo("CONNECTED");
            assertThat(connected.headers()).containsEntry("version", "1.2");

            client.send(frame("SUBSCRIBE", "", "id", "sub-0", "destination", "/topic/greetings"));
            client.send(frame("SEND", "Freeway", "destination", "/app/greet", "content-type", "text/plain"));
            Frame message = Frame.parse(client.next());
            assertThat(message.command()).isEqualTo("MESSAGE");
            assertThat(message.headers()).containsEntry("subscription", "sub-0")
                    .containsEntry("destination", "/topic/greetings");
            assertThat(message.body()).isEqualTo("Hello, Freeway");

            client.send(frame("DISCONNECT", "", "receipt", "bye"));
            Frame receipt = Frame.parse(client.next());
            assertThat(receipt.command()).isEqualTo("RECEIPT");
            assertThat(receipt.headers()).containsEntry("receipt-id", "bye");
        }
    }
}
