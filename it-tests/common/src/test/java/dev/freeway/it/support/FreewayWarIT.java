package dev.freeway.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checks {@link FreewayWar}: Freeway's jars of this build are in the WAR and only there, while the
 * WebSocket API comes from the server. Names a few central Freeway classes; rename them here too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FreewayWarIT {

    private static final String API_CLASS = "dev.freeway.api.Freeway";
    private static final String IMPL_CLASS = "dev.freeway.container.FreewayServerContainer";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.create("libs", WhereServlet.class);
    }

    @Test
    void freewayComesFromTheWarOnly() throws Exception {
        assertThat(where("class", API_CLASS)).contains("/WEB-INF/lib/");
        assertThat(where("class", IMPL_CLASS)).contains("/WEB-INF/lib/");
        // the test JVM is the container's class path: Freeway must not be on it
        assertThatExceptionOfType(ClassNotFoundException.class).isThrownBy(() -> Class.forName(IMPL_CLASS));
    }

    @Test
    void webSocketApiComesFromTheServer() throws Exception {
        assertThat(where("class", "jakarta.websocket.Session")).isNotEqualTo("missing").doesNotContain("/WEB-INF/");
    }

    @Test
    void freewaysDefaultConfiguratorWinsTheServiceLookup() throws Exception {
        // matters where the container's own WebSocket jar, with its own provider, stays on the class path
        assertThat(where("service", "jakarta.websocket.server.ServerEndpointConfig$Configurator"))
                .startsWith("dev.freeway.");
    }

    private String where(String kind, String name) throws Exception {
        URL url = new URL(base, "where?" + kind + "=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(url.toURI()).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
