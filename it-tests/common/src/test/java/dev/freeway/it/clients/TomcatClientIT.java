package dev.freeway.it.clients;

import dev.freeway.it.support.FreewayWar;
import jakarta.websocket.WebSocketContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tomcat's WebSocket client ({@code WsWebSocketContainer}) against Freeway's server. It runs only
 * where tomcat-embed-websocket is on the test class path, the {@code tomcat11-wsci} execution;
 * elsewhere that jar would clash with the WebSocket API jars or the container.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIf(value = "tomcatClientPresent", disabledReason = "Tomcat's WebSocket client is only on the tomcat11-wsci class path")
class TomcatClientIT extends JakartaClientTests {

    private static final String TOMCAT_CLIENT = "org.apache.tomcat.websocket.WsWebSocketContainer";
    private static WebSocketContainer container;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.create("tomcat-client", ClientsEchoEndpoint.class);
    }

    static boolean tomcatClientPresent() {
        try {
            Class.forName(TOMCAT_CLIENT, false, TomcatClientIT.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @BeforeAll
    static void createContainer() throws Exception {
        if (tomcatClientPresent()) {
            container = (WebSocketContainer) Class.forName(TOMCAT_CLIENT).getConstructor().newInstance();
        }
    }

    @AfterAll
    static void closeContainer() throws Exception {
        if (container != null) {
            container.getClass().getMethod("destroy").invoke(container); // stops its thread group
        }
    }

    @Override
    protected WebSocketContainer container() {
        return container;
    }
}
