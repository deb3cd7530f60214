package dev.freeway.servlet.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.servlet.LoggedRecords;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

class TransportFailuresTest {

    @Test
    void whatThePeerCausedIsOneInfoLineWithoutATrace() {
        try (LoggedRecords logged = LoggedRecords.of(TransportFailures.class, Level.INFO)) {
            TransportFailures.log("127.0.0.1:5000", new EOFException("the connection was closed"));

            assertThat(logged.at(Level.WARNING)).isEmpty();
            LogRecord line = logged.at(Level.INFO).get(0);
            assertThat(line.getMessage()).isEqualTo("WebSocket connection from 127.0.0.1:5000 failed: "
                    + "java.io.EOFException: the connection was closed");
            assertThat(line.getThrown()).isNull();
        }
    }

    @Test
    void aFaultOfTheContainersStreamsIsAWarningWithItsCause() {
        try (LoggedRecords logged = LoggedRecords.of(TransportFailures.class, Level.INFO)) {
            NullPointerException fault = new NullPointerException("the stream's buffer");
            TransportFailures.log("127.0.0.1:5000", fault);

            assertThat(logged.at(Level.INFO)).isEmpty();
            assertThat(logged.at(Level.WARNING)).singleElement()
                    .satisfies(r -> assertThat(r.getThrown()).isSameAs(fault));
        }
    }
}
