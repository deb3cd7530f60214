package dev.freeway.it.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.RecordingListener;
import java.net.URL;
import java.net.http.WebSocket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The executor a line of the it-tests runs with ({@code -Ddev.freeway.executor}, which every
 * application of the JVM takes as its default) is the one that runs the sessions: virtual threads
 * on the Temurin 25 line, Freeway's bounded pool of platform threads otherwise.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkerThreadIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.create("worker-thread", WorkerThreadEndpoint.class);
    }

    @Test
    void sessionsRunOnTheConfiguredExecutor() throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "worker-thread", listener);
        String thread = listener.nextText();
        if ("virtual".equals(System.getProperty("dev.freeway.executor"))) {
            assertThat(Runtime.version().feature()).as("virtual threads need Java 21").isGreaterThanOrEqualTo(21);
            assertThat(thread).startsWith("VirtualThread[").contains("freeway-worker-");
        } else {
            assertThat(thread).startsWith("Thread[").contains("freeway-worker-");
        }
        JdkClient.closeNormally(ws, listener);
    }
}
