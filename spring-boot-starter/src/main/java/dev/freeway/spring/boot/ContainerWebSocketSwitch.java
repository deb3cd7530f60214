package dev.freeway.spring.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.core.type.MethodMetadata;

/**
 * Keeps Boot from starting Tomcat's or Jetty's own WebSocket implementation beside Freeway: Boot's
 * web server auto-configuration registers one whenever its jars are on the class path
 * ({@code tomcat-embed-websocket} comes with every Tomcat starter, Jetty's with
 * {@code spring-boot-starter-jetty}), through a {@code WebServerFactoryCustomizer} that no property
 * switches off. Those bean definitions are removed before any bean is created, recognised by the
 * type their {@code @Bean} method declares (or, for Jetty's upgrade filter, a lambda, by its bean
 * name and Boot's declaring class), so no Tomcat or Jetty class is loaded here.
 */
final class ContainerWebSocketSwitch implements BeanDefinitionRegistryPostProcessor {
    private static final System.Logger LOG = System.getLogger(ContainerWebSocketSwitch.class.getName());

    /** The customizers that start the containers' own implementations: Boot 4.0, then Boot 3.5. */
    static final Set<String> CUSTOMIZER_TYPES = Set.of(
            "org.springframework.boot.tomcat.autoconfigure.WebSocketTomcatWebServerFactoryCustomizer",
            "org.springframework.boot.jetty.autoconfigure.servlet.WebSocketJettyServletWebServerFactoryCustomizer",
            "org.springframework.boot.autoconfigure.websocket.servlet.TomcatWebSocketServletWebServerCustomizer",
            "org.springframework.boot.autoconfigure.websocket.servlet.JettyWebSocketServletWebServerCustomizer");

    /** The lambda bean that maps Jetty's WebSocketUpgradeFilter, declared by Boot under this name. */
    static final String JETTY_UPGRADE_FILTER_BEAN = "websocketUpgradeFilterWebServerCustomizer";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        List<String> removed = new ArrayList<>();
        for (String name : registry.getBeanDefinitionNames()) {
            if (startsContainerWebSocket(name, registry.getBeanDefinition(name))) {
                registry.removeBeanDefinition(name);
                removed.add(name);
            }
        }
        if (!removed.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Freeway serves WebSocket: the container''s own WebSocket support"
                    + " that Boot registers is switched off ({0})", removed);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // everything is done on the registry, before any bean is instantiated
    }

    static boolean startsContainerWebSocket(String name, BeanDefinition definition) {
        MethodMetadata method = definition instanceof AnnotatedBeanDefinition annotated
                ? annotated.getFactoryMethodMetadata() : null;
        if (method == null) {
            return isCustomizerType(definition.getBeanClassName());
        }
        return isCustomizerType(method.getReturnTypeName())
                || name.equals(JETTY_UPGRADE_FILTER_BEAN) && method.getDeclaringClassName().startsWith("org.springframework.boot.");
    }

    /** Null-safe: a definition may name no class (a factory bean's product, a lambda's supplier). */
    private static boolean isCustomizerType(String className) {
        return className != null && CUSTOMIZER_TYPES.contains(className);
    }
}
