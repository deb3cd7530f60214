package dev.freeway.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freeway.spring.boot.app.EchoApplication;
import org.apache.tomcat.websocket.server.WsSci;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An application that starts Tomcat's own WebSocket implementation itself, past the starter's
 * switch, does not start, and the ERROR tells a Boot user what to remove or exclude, not the
 * {@code context.xml} a WAR would use.
 */
@ExtendWith(OutputCaptureExtension.class)
class ForeignImplementationBootTest {

    @Test
    void tomcatsOwnImplementationStartedByTheApplicationStopsStartUpWithBootAdvice(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(EchoApplication.class, OwnWsSci.class)
                .properties("server.port=0", "spring.autoconfigure.exclude="
                        + "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration");
        assertThatThrownBy(app::run).as("the application started").isInstanceOf(RuntimeException.class);
        String error = output.getAll().lines().filter(l -> l.contains("Another WebSocket implementation is active"))
                .findFirst().orElseThrow(() -> new AssertionError("no ERROR about the other implementation"));
        assertThat(error).contains("ERROR").contains("org.apache.tomcat.websocket")
                .contains("freeway-spring-boot-starter")
                .contains("org.apache.tomcat.embed:tomcat-embed-websocket")
                .doesNotContain("context.xml");
    }

    /** What an application might have written before it moved to Freeway. */
    @Configuration(proxyBeanMethods = false)
    static class OwnWsSci {
        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> tomcatWebSocket() {
            return factory -> factory.addContextCustomizers(ctx -> ctx.addServletContainerInitializer(new WsSci(), null));
        }
    }
}
