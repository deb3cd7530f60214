package dev.freeway.spring.boot;

import dev.freeway.spring.boot.app.EchoApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The starter's application on Boot 3.5's embedded Tomcat 10.1, with Tomcat's own WebSocket on
 * the class path: Boot 3.5 registers it through another customizer than Boot 4, and Spring 6.2's
 * default handshake goes through Tomcat's own API, which the starter must both switch off.
 */
@SpringBootTest(classes = EchoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Boot3TomcatApplicationTest extends BootApplicationContract {

    @Override
    String serverInfoPrefix() {
        return "Apache Tomcat/10.1.";
    }
}
