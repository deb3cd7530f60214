package dev.freeway.spring.boot;

import dev.freeway.servlet.FreewayInitializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWarDeployment;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Freeway as the WebSocket implementation of a Spring Boot servlet application on Boot's embedded
 * Tomcat or Jetty: starts Freeway in the server's ServletContext with the {@code freeway.websocket.*}
 * settings, keeps the container's own WebSocket implementation from starting beside it, and makes
 * Spring's WebSocket endpoints upgrade through Freeway (stopping start-up where it cannot), and
 * publishes Freeway's meters in the application's Micrometer {@code MeterRegistry}. A WAR
 * deployed to a stand-alone server needs none of this: the server runs Freeway's initializer itself.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnNotWarDeployment
@ConditionalOnClass(FreewayInitializer.class)
@EnableConfigurationProperties(FreewayWebSocketProperties.class)
public class FreewayWebSocketAutoConfiguration {

    /** Static, as a registry post-processor must be created before this configuration's instance. */
    @Bean
    static ContainerWebSocketSwitch freewayContainerWebSocketSwitch() {
        return new ContainerWebSocketSwitch();
    }

    /** Static, as a bean post-processor must be created before the beans it processes. */
    @Bean
    static StandardHandshakeSwitch freewayStandardHandshakeSwitch() {
        return new StandardHandshakeSwitch();
    }

    @Bean
    SpringHandshakeCheck freewaySpringHandshakeCheck(ListableBeanFactory beans) {
        return new SpringHandshakeCheck(beans, StandardHandshakeSwitch.CONTAINER_STRATEGIES);
    }

    /** Freeway's meters go to the application's {@code MeterRegistry} where it has one. */
    @Bean
    FreewayServletContextInitializer freewayServletContextInitializer(FreewayWebSocketProperties properties,
                                                                      ListableBeanFactory beans) {
        return new FreewayServletContextInitializer(properties, new MeterRegistryLookup(beans));
    }
}
