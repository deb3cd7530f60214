/**
 * Freeway in Spring Boot: the auto-configuration of {@code freeway-spring-boot-starter}, which runs
 * Freeway in Boot's embedded Tomcat or Jetty in place of the container's own WebSocket
 * implementation, with its settings as {@code freeway.websocket.*} properties.
 */
package dev.freeway.spring.boot;
