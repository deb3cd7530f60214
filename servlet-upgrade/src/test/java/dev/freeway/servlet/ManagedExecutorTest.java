package dev.freeway.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ContextEnvironment;
import org.apache.tomcat.util.descriptor.web.ContextResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code dev.freeway.executor} set to a JNDI name runs the sessions on the executor bound there
 * (in an application server, its {@code ManagedExecutorService}): here a resource of Tomcat's
 * naming, looked up by the web application at start-up. A name with nothing bound stops the
 * application at start-up, naming the parameter.
 */
class ManagedExecutorTest {

    private static final String JNDI_NAME = "java:comp/env/concurrent/websocket";
    /** What {@code Tomcat.enableNaming()} sets for the whole JVM, put back after each test. */
    private static final List<String> NAMING_PROPERTIES = List.of(javax.naming.Context.INITIAL_CONTEXT_FACTORY,
            javax.naming.Context.URL_PKG_PREFIXES, "catalina.useNaming");

    private final Map<String, String> namingBefore = new HashMap<>();

    @BeforeEach
    void rememberNaming() {
        NAMING_PROPERTIES.forEach(p -> namingBefore.put(p, System.getProperty(p)));
    }

    /** Tomcat's naming left in the JVM's properties would take over Jetty's {@code java:comp} in later tests. */
    @AfterEach
    void restoreNaming() {
        namingBefore.forEach((p, v) -> {
            if (v == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, v);
            }
        });
    }

    @Test
    void sessionsRunOnTheExecutorTheJndiNameBinds() throws Exception {
        Tomcat tomcat = tomcat(Binding.EXECUTOR);
        try {
            tomcat.start();
            ServletUpgradeTest.Collector collector = new ServletUpgradeTest.Collector();
            URI uri = URI.create("ws://localhost:" + tomcat.getConnector().getLocalPort() + "/app/thread-name");
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, collector).get(10, TimeUnit.SECONDS);
            assertThat((String) collector.messages.poll(10, TimeUnit.SECONDS)).startsWith("managed-executor-");
            ws.sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
            assertThat(collector.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @Test
    void aNameWithNothingBoundStopsTheApplication() throws Exception {
        assertStartRefused(Binding.NOTHING, ": nothing is bound under the JNDI name '" + JNDI_NAME + "'");
    }

    @Test
    void aNameBoundToSomethingElseStopsTheApplication() throws Exception {
        assertStartRefused(Binding.STRING, ": the JNDI name '" + JNDI_NAME + "' names a java.lang.String, not an executor");
    }

    private static void assertStartRefused(Binding binding, String why) throws Exception {
        Tomcat tomcat = tomcat(binding);
        try {
            Throwable failure = catchThrowable(tomcat::start);
            assertThat(failure).isInstanceOf(LifecycleException.class);
            Throwable refusal = failure;
            while (refusal != null && !(refusal instanceof IllegalArgumentException)) {
                refusal = refusal.getCause();
            }
            assertThat(refusal).as("Freeway's refusal in %s", failure).isNotNull()
                    .hasMessageStartingWith("context parameter dev.freeway.executor" + why);
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    /** What the JNDI name is bound to. */
    private enum Binding { EXECUTOR, STRING, NOTHING }

    private static Tomcat tomcat(Binding binding) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        tomcat.setPort(0);
        tomcat.enableNaming();
        Context ctx = tomcat.addContext("/app", Files.createTempDirectory("app").toString());
        if (binding == Binding.STRING) {
            ContextEnvironment text = new ContextEnvironment();
            text.setName("concurrent/websocket");
            text.setType(String.class.getName());
            text.setValue("not an executor");
            ctx.getNamingResources().addEnvironment(text);
        } else if (binding == Binding.EXECUTOR) {
            ContextResource executor = new ContextResource();
            executor.setName("concurrent/websocket");
            executor.setType(ExecutorService.class.getName());
            executor.setProperty("factory", NamedExecutorFactory.class.getName());
            ctx.getNamingResources().addResource(executor);
        }
        ctx.addParameter("dev.freeway.executor", JNDI_NAME);
        ctx.addServletContainerInitializer(new FreewayInitializer(), Set.of(ThreadNameEndpoint.class));
        // Tomcat runs filters only for requests some servlet maps, as a WAR's default servlet does
        Tomcat.addServlet(ctx, "hello", new EmbeddedServer.Hello());
        ctx.addServletMappingDecoded("/", "hello");
        tomcat.getConnector();
        return tomcat;
    }
}
