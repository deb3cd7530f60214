package dev.freeway.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.cdi.app.EchoEndpoint;
import dev.freeway.servlet.FreewayInitializer;
import jakarta.servlet.ServletContainerInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * An application with Freeway and freeway-cdi but no CDI container, or not even the CDI API:
 * endpoints are created by their configurators as usual, and Freeway logs nothing above INFO.
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

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void withoutEvenTheCdiApiFreewayCdiStandsAside(String kind) throws Exception {
        try (CdiServer server = CdiServer.start(kind, List.of(new FreewayInitializer(), cdiInitializerWithoutCdiApi()),
                EchoEndpoint.class)) {
            Peer p = Peer.connect(HttpClient.newHttpClient(), server.port(), "/echo");
            assertThat(p.ask("hi")).isEqualTo("echo hi");
            assertThat(p.close()).isEqualTo(1000);
        }
        assertThat(records).allSatisfy(r -> assertThat(r.getLevel().intValue()).as(r.getMessage())
                .isLessThanOrEqualTo(Level.INFO.intValue()));
        assertThat(records).noneSatisfy(r -> assertThat(r.getLoggerName()).startsWith("dev.freeway.cdi"));
    }

    /**
     * freeway-cdi's initializer as a WAR without the CDI API sees it: loaded from freeway-cdi's
     * classes by a loader whose parent hides {@code jakarta.enterprise} (and this test's own copy of
     * freeway-cdi, so the initializer really comes from the hiding side).
     */
    private static ServletContainerInitializer cdiInitializerWithoutCdiApi() throws Exception {
        ClassLoader hiding = new ClassLoader(WithoutCdiTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("jakarta.enterprise.") || name.startsWith("dev.freeway.cdi.")) {
                    throw new ClassNotFoundException(name + " is hidden");
                }
                return super.loadClass(name, resolve);
            }
        };
        URL cdiClasses = FreewayCdiInitializer.class.getProtectionDomain().getCodeSource().getLocation();
        URLClassLoader war = new URLClassLoader(new URL[] {cdiClasses}, hiding);
        return (ServletContainerInitializer) war.loadClass(FreewayCdiInitializer.class.getName())
                .getConstructor().newInstance();
    }
}
