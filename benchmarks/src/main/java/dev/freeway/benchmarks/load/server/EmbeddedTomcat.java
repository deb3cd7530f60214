package dev.freeway.benchmarks.load.server;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;

/**
 * Tomcat 11 on 127.0.0.1 with one root context: {@code /status}, a default servlet on {@code /}
 * (Tomcat runs filters only for mapped requests, and the WebSocket implementations that work
 * through a filter need that), and what the launcher adds.
 */
final class EmbeddedTomcat {
    /** Enough for the idle scenario's 10,000 connections and then some (NIO's default is 8192). */
    private static final String MAX_CONNECTIONS = "30000";

    private final Tomcat tomcat = new Tomcat();
    private final Context context;

    EmbeddedTomcat(int port) throws Exception {
        tomcat.setBaseDir(Files.createTempDirectory("load-tomcat").toString());
        Connector connector = tomcat.getConnector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxConnections", MAX_CONNECTIONS);
        context = tomcat.addContext("", Files.createTempDirectory("load-app").toString());
        addServlet("status", new StatusServlet(), "/status");
        addServlet("default", new DefaultServlet(), "/");
    }

    EmbeddedTomcat initializer(ServletContainerInitializer sci, Class<?>... endpoints) {
        // A mutable set: Tyrus's initializer removes classes from it.
        context.addServletContainerInitializer(sci, new HashSet<>(Set.of(endpoints)));
        return this;
    }

    EmbeddedTomcat parameter(String name, String value) {
        context.addParameter(name, value);
        return this;
    }

    EmbeddedTomcat addServlet(String name, HttpServlet servlet, String mapping) {
        Tomcat.addServlet(context, name, servlet);
        context.addServletMappingDecoded(mapping, name);
        return this;
    }

    /** Starts Tomcat; returns the port. Tomcat logs start-up failures instead of throwing them. */
    int start() throws Exception {
        tomcat.start();
        if (!context.getState().isAvailable() || tomcat.getConnector().getLocalPort() <= 0) {
            throw new IllegalStateException("Tomcat did not start (see the log above)");
        }
        return tomcat.getConnector().getLocalPort();
    }
}
