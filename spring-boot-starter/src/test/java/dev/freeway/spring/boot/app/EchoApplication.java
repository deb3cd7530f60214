package dev.freeway.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.server.standard.ServerEndpointExporter;

/**
 * The Boot application the tests start, written as a user of freeway-spring-boot-starter would:
 * a {@code @ServerEndpoint} deployed by Spring's {@link ServerEndpointExporter}, a Spring
 * {@code WebSocketHandler} ({@link HandlerConfig}) and STOMP with the simple broker
 * ({@link StompConfig}, {@link Greeter}). Nothing in it names Freeway.
 */
@SpringBootApplication
public class EchoApplication {

    @Bean
    ServerEndpointExporter serverEndpointExporter() {
        ServerEndpointExporter exporter = new ServerEndpointExporter();
        exporter.setAnnotatedEndpointClasses(EndpointEcho.class);
        return exporter;
    }
}
