package dev.freeway.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.cdi.app.EchoEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * An application with Freeway and freeway-cdi but no CDI container: endpoints are created by their
 * configurators as usual, and Freeway logs nothing above INFO about it.
 */
class WithoutCdiTest {
    private final Logger freeway = Logger.getLogger("dev.freeway");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
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

    @BeforeEach
    void listen() {
        freeway.addHandler(recorder);
    }

    @AfterEach
    void stopListening() {
        freeway.removeHandler(recorder);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void freewayWorksAndSaysNothingAlarming(String kind) throws Exception {
        try (CdiServer server = CdiServer.start(kind, CdiServer.Setup.NO_CDI, EchoEndpoint.class)) {
            Peer p = Peer.connect(HttpClient.newHttpClient(), server.port(), "/echo");
            assertThat(p.ask("hi")).isEqualTo("echo hi");
            assertThat(p.close()).isEqualTo(1000);
        }
        assertThat(records).as("what Freeway logged").isNotEmpty()
                .allSatisfy(r -> assertThat(r.getLevel().intValue()).as(r.getMessage()).isLessThanOrEqualTo(Level.INFO.intValue()));
        assertThat(records).anySatisfy(r -> assertThat(r.getMessage()).contains("found no CDI container"));
    }
}
