package dev.freeway.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContainerInitializer;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user who forgets to switch Tomcat's own WebSocket implementation off gets an ERROR at start-up
 * naming it and saying how, whichever initializer runs first, and the application does not start
 * (rather than two implementations answering handshakes side by side).
 */
class ForeignImplementationTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void tomcatsOwnImplementationBesideFreewayIsReported(boolean tomcatFirst) throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(FreewayInitializer.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        Tomcat tomcat = new Tomcat();
        try {
            tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
            tomcat.setPort(0);
            Context ctx = tomcat.addContext("/app", Files.createTempDirectory("app").toString());
            ServletContainerInitializer freeway = new FreewayInitializer();
            if (tomcatFirst) {
                ctx.addServletContainerInitializer(new WsSci(), null);
                ctx.addServletContainerInitializer(freeway, Set.of(EchoEndpoint.class));
            } else {
                ctx.addServletContainerInitializer(freeway, Set.of(EchoEndpoint.class));
                ctx.addServletContainerInitializer(new WsSci(), null);
            }
            tomcat.getConnector();
            tomcat.start();

            assertThat(records).filteredOn(r -> r.getLevel() == Level.SEVERE)
                    .extracting(LogRecord::getMessage)
                    .anySatisfy(m -> assertThat(m)
                            .contains("Another WebSocket implementation is active in /app beside Freeway")
                            .contains("org.apache.tomcat.websocket")
                            .contains("containerSciFilter"));
            assertThat(ctx.getState().isAvailable()).as("the application started").isFalse();
        } finally {
            logger.removeHandler(capture);
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
