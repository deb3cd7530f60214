package dev.freeway.spring.boot;

import dev.freeway.spring.boot.app.EchoApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application on Boot's embedded Tomcat, with {@code tomcat-embed-websocket} on the class path
 * as {@code spring-boot-starter-web} brings it (Jetty's auto-configuration is left out, as Jetty is
 * on this module's test class path for {@link JettyApplicationTest}).
 */
@SpringBootTest(classes = EchoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude="
                + "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration")
class TomcatApplicationTest extends BootApplicationContract {

    @Override
    String serverInfoPrefix() {
        return "Apache Tomcat/";
    }
}
