package dev.freeway.spring.boot;

import dev.freeway.spring.boot.app.EchoApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application on Boot's embedded Jetty, with Jetty's own WebSocket implementation on the class
 * path as {@code spring-boot-starter-jetty} brings it (Tomcat's auto-configuration is left out, as
 * Tomcat is on this module's test class path for {@link TomcatApplicationTest}).
 */
@SpringBootTest(classes = EchoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude="
                + "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration")
class JettyApplicationTest extends BootApplicationContract {

    @Override
    String serverInfoPrefix() {
        return "jetty/";
    }
}
