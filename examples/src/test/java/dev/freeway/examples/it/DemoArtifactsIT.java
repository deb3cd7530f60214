package dev.freeway.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * What the build put in the WAR and the launcher's jar: a WAR that deploys unchanged anywhere, and
 * a jar that runs Freeway and nothing else as the WebSocket implementation.
 */
class DemoArtifactsIT {

    @Test
    void theWarCarriesFreewayCdiTheApiAndThePageAndNoContainer() throws Exception {
        try (JarFile war = new JarFile(Artifacts.demoWar().toFile())) {
            List<String> libs = war.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
                    .map(n -> n.substring("WEB-INF/lib/".length()).replaceAll("-[0-9][^-]*(-SNAPSHOT)?\\.jar$", ""))
                    .sorted().toList();
            // Freeway (with its TCP bridge), JZlib (small deflate windows) and the WebSocket API;
            // freeway-cdi, Weld Servlet and the APIs Weld needs (the chat is CDI beans); no Servlet API
            // and no container
            assertThat(libs).containsExactly("freeway-api", "freeway-bridge", "freeway-cdi", "freeway-impl", "freeway-servlet-upgrade",
                    "jakarta.annotation-api", "jakarta.el-api", "jakarta.enterprise.cdi-api",
                    "jakarta.enterprise.cdi-el-api", "jakarta.enterprise.lang-model", "jakarta.inject-api",
                    "jakarta.interceptor-api", "jakarta.websocket-api", "jakarta.websocket-client-api",
                    "jboss-classfilewriter", "jboss-logging", "jzlib", "weld-api", "weld-core-impl",
                    "weld-environment-common", "weld-lite-extension-translator", "weld-servlet-core", "weld-spi",
                    "weld-web");
            assertThat(war.getEntry("WEB-INF/beans.xml")).isNotNull();
            assertThat(war.getEntry("WEB-INF/jetty-ee11-web.xml")).isNotNull();
            assertThat(war.getEntry("WEB-INF/jetty-ee10-web.xml")).as("stand-alone Jetty EE 10 reads its own file")
                    .isNotNull();
            assertThat(war.getEntry("index.html")).isNotNull();
            assertThat(war.getEntry("app.js")).isNotNull();
            assertThat(war.getEntry("WEB-INF/classes/dev/freeway/examples/hash/StreamHashEndpoint.class")).isNotNull();
            assertThat(war.getEntry("WEB-INF/classes/dev/freeway/examples/bridge/BridgeDemo.class")).isNotNull();
            assertThat(war.getEntry("WEB-INF/classes/dev/freeway/examples/metrics/MetricsServlet.class"))
                    .as("it reads the WAR's own Freeway").isNotNull();
            assertThat(war.stream().map(ZipEntry::getName))
                    .as("the launcher and the clients stay out of the WAR")
                    .noneMatch(n -> n.contains("/launcher/") || n.contains("/hashclient/"));
            String context = new String(war.getInputStream(war.getEntry("META-INF/context.xml")).readAllBytes());
            assertThat(context).contains("containerSciFilter=\"org.apache.tomcat.websocket.server.WsSci\"");
        }
    }

    @Test
    void theJarRunsTheLauncherWithTheWarInsideAndNoContainerWebSocket() throws Exception {
        try (JarFile jar = new JarFile(Artifacts.demoJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.freeway.examples.Demo");
            assertThat(jar.getEntry("freeway-demo.war")).isNotNull();
            assertThat(jar.getEntry("dev/freeway/examples/HashClient.class")).isNotNull();
            assertThat(jar.getEntry("dev/freeway/client/FreewayClientContainer.class")).isNotNull();
            assertThat(jar.stream().map(ZipEntry::getName))
                    .as("neither container's own WebSocket implementation, nor Freeway's initializer outside the WAR")
                    .noneMatch(n -> n.startsWith("org/apache/tomcat/websocket/")
                            || n.startsWith("org/eclipse/jetty/ee11/websocket/")
                            || n.startsWith("org/eclipse/jetty/websocket/")
                            || n.startsWith("dev/freeway/servlet/")
                            || n.equals("META-INF/services/jakarta.servlet.ServletContainerInitializer"));
            String configurations = new String(jar.getInputStream(
                    jar.getEntry("META-INF/services/org.eclipse.jetty.ee11.webapp.Configuration")).readAllBytes());
            assertThat(configurations).as("service files merged, Jetty's annotation support among them")
                    .contains("org.eclipse.jetty.ee11.annotations.AnnotationConfiguration")
                    .contains("org.eclipse.jetty.ee11.webapp.WebXmlConfiguration");
        }
    }
}
