package dev.freeway.it.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.RawWebSocket;
import dev.freeway.it.support.WeldLibraries;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * freeway-cdi in a real WAR: Weld Servlet and freeway-cdi in {@code WEB-INF/lib}, found by the
 * container's initializer scanning, a {@code beans.xml} in {@code WEB-INF}. Endpoints are beans
 * per connection, connection-scoped beans die with their connection, {@code @Inject Session}
 * reaches the current one, and observers see sessions open and close. (freeway-cdi's own tests
 * cover the rest on embedded servers.) EE 11 containers only: the WAR brings Weld 6.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "freeway.it.cdi", matches = "true")
class CdiIT {
    private static final String BEANS_XML = "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" "
            + "bean-discovery-mode=\"annotated\"/>\n";

    @ArquillianResource
    private URL base;

    /**
     * {@link FreewayWar#TOMCAT_CONTEXT_XML}, and Weld's jars left out of Tomcat's annotation scanning
     * (they hold no endpoint; weld-servlet-core, with Weld's initializer, is still scanned): scanning
     * weld-core-impl's classes for @HandlesTypes cost Tomcat seconds per deployment.
     */
    private static final String TOMCAT_CONTEXT_XML =
            "<Context containerSciFilter=\"org.apache.tomcat.websocket.server.WsSci\">\n"
            + "  <JarScanner scanClassPath=\"false\">\n"
            + "    <JarScanFilter pluggabilitySkip=\"weld-core-impl-*.jar,weld-environment-common-*.jar,weld-api-*.jar,"
            + "weld-spi-*.jar,weld-lite-extension-translator-*.jar,weld-web-*.jar,jboss-*.jar,jakarta.*.jar\"/>\n"
            + "  </JarScanner>\n"
            + "</Context>\n";

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = FreewayWar.create("cdi", CdiEndpoint.class, CountsEndpoint.class, Tally.class,
                Conversation.class, Whoami.class, SessionWatcher.class)
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
        war.delete("META-INF/context.xml");
        return WeldLibraries.addTo(war.addAsManifestResource(new StringAsset(TOMCAT_CONTEXT_XML), "context.xml"));
    }

    /** Connects with Content-Length: 0, which every container's upgrade handles (see ContainerDefects). */
    private RawWebSocket connect(String path) throws IOException {
        return RawWebSocket.connect(base, path, "Content-Length: 0");
    }

    private String ask(RawWebSocket ws, String text) throws IOException {
        ws.sendText(text);
        RawWebSocket.Frame reply = ws.readFrame();
        assertThat(reply.opcode()).isEqualTo(RawWebSocket.TEXT);
        return reply.text();
    }

    private int count(String event) throws IOException {
        try (RawWebSocket ws = connect("counts")) {
            int n = Integer.parseInt(ask(ws, event));
            ws.sendClose(1000, "");
            ws.readFrame();
            return n;
        }
    }

    private static void close(RawWebSocket ws) throws IOException {
        ws.sendClose(1000, "done");
        assertThat(ws.readFrame().closeCode()).isEqualTo(1000);
        ws.close();
    }

    @Test
    void endpointsAndConnectionBeansLiveAsLongAsTheirConnection() throws Exception {
        int endpoints = count("CdiEndpoint.destroyed");
        int conversations = count("Conversation.destroyed");
        int n = 10;
        List<RawWebSocket> connections = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RawWebSocket ws = connect("cdi");
            String[] first = ask(ws, "a").split("\\|");
            String[] second = ask(ws, "b").split("\\|");
            assertThat(first[0]).isEqualTo("1");
            assertThat(second[0]).as("the connection's own bean").isEqualTo("2");
            assertThat(first[1]).as("@Inject Session in a shared bean").isEqualTo(first[2]);
            connections.add(ws);
        }
        assertThat(count("CdiEndpoint.destroyed")).isEqualTo(endpoints);
        for (RawWebSocket ws : connections) {
            close(ws);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("CdiEndpoint.destroyed") - endpoints).isEqualTo(n);
            assertThat(count("Conversation.destroyed") - conversations).isEqualTo(n);
        });
    }

    @Test
    void observersSeeSessionsOpenAndClose() throws Exception {
        String path = base.getPath() + "cdi";
        int opened = count("opened " + path);
        int closed = count("closed " + path + " 1000");
        RawWebSocket ws = connect("cdi");
        ask(ws, "x");
        assertThat(count("opened " + path) - opened).isEqualTo(1);
        assertThat(count("closed " + path + " 1000") - closed).isZero();
        close(ws);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(count("closed " + path + " 1000") - closed).isEqualTo(1));
    }
}
