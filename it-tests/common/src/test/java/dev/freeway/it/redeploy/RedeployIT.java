package dev.freeway.it.redeploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.RecordingListener;
import java.net.URL;
import java.net.http.WebSocket;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two applications one after the other, each with a configurator that inherits some methods:
 * the second still negotiates and makes its endpoint instances after the first is undeployed.
 * The WebSocket API comes from the server here and caches, in a static field, the container
 * default configurator of the first application that asks; Freeway routes inherited methods to
 * its own per-application default instead (see {@code ConfiguratorRouting}, whose unit test
 * shows the API's default is never called), so the second application never runs code of the
 * first one's closed class loader.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedeployIT {
    private static final String FIRST = "redeploy-first";
    private static final String SECOND = "redeploy-second";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = FIRST, managed = false, testable = false)
    static WebArchive first() {
        return FreewayWar.create(FIRST, MadeEchoEndpoint.class, MakingConfigurator.class);
    }

    @Deployment(name = SECOND, managed = false, testable = false)
    static WebArchive second() {
        return FreewayWar.create(SECOND, ConfiguredEchoEndpoint.class, HeaderConfigurator.class);
    }

    @Test
    @Order(1)
    void deployTheFirst() {
        deployer.deploy(FIRST);
    }

    @Test
    @Order(2)
    void theFirstApplicationServesThenGoes(@ArquillianResource @OperateOnDeployment(FIRST) URL base) throws Exception {
        echoesThroughTheConfigurator(base, "first");
        deployer.undeploy(FIRST);
    }

    @Test
    @Order(3)
    void deployTheSecond() {
        deployer.deploy(SECOND);
    }

    @Test
    @Order(4)
    void theSecondApplicationStillNegotiatesAndInstantiates(@ArquillianResource @OperateOnDeployment(SECOND) URL base)
            throws Exception {
        try {
            echoesThroughTheConfigurator(base, "second");
            echoesThroughTheConfigurator(base, "again");
        } finally {
            deployer.undeploy(SECOND);
        }
    }

    private static void echoesThroughTheConfigurator(URL base, String text) throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(JdkClient.HTTP.newWebSocketBuilder().subprotocols("other", "chat"),
                base, "configured", listener);
        assertThat(ws.getSubprotocol()).isEqualTo("chat");
        JdkClient.await(ws.sendText(text, true));
        assertThat(listener.nextText()).isEqualTo(text);
        JdkClient.closeNormally(ws, listener);
    }
}
