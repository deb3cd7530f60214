package dev.freeway.container.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.container.ProtocolException;
import dev.freeway.container.SendTimeoutException;
import dev.freeway.engine.Data;
import jakarta.websocket.MessageHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a session logs when its endpoint, which has no error handler, fails: a failure the peer
 * caused is one line with no stack trace, an application's exception keeps its trace. The records
 * are captured from {@code java.util.logging}, where {@link System.Logger} goes by default.
 */
class PeerFailureLogTest {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(WsSession.class.getName());
    private final Handler capture = new Handler() {
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
    private Level levelBefore;

    @BeforeEach
    void capture() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        logger.setLevel(levelBefore);
    }

    @Test
    void aSendTimeoutThroughTheApplicationIsOneLineWithoutATrace() throws Exception {
        LogRecord r = failWith(new IOException("broadcast failed", new SendTimeoutException("send timed out after 10 ms")));
        assertThat(r.getLevel()).isEqualTo(Level.INFO);
        assertThat(r.getThrown()).isNull();
        assertThat(r.getMessage()).doesNotContain("\n")
                .contains("IOException: broadcast failed <- SendTimeoutException: send timed out after 10 ms");
    }

    @Test
    void aProtocolErrorOrAResetIsThePeersToo() {
        assertThat(PeerFailures.isPeerCaused(new ProtocolException(1002, "bad frame", null))).isTrue();
        assertThat(PeerFailures.isPeerCaused(new java.net.SocketException("Connection reset"))).isTrue();
        assertThat(PeerFailures.isPeerCaused(new java.io.EOFException())).isTrue();
    }

    @Test
    void anApplicationExceptionKeepsItsTrace() throws Exception {
        LogRecord r = failWith(new IllegalStateException("the application's bug"));
        assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
        assertThat(r.getThrown()).isInstanceOf(IllegalStateException.class);
        // an IOException of the application's own doing (a file it reads) is the application's too
        IOException fileFailure = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> java.nio.file.Files.readString(java.nio.file.Path.of("/no/such/template.txt")));
        assertThat(PeerFailures.isPeerCaused(fileFailure)).isFalse();
    }

    /** A handler throws {@code failure}; returns what the session logged of it. */
    private LogRecord failWith(Exception failure) throws Exception {
        try (Harness h = Harness.openWithoutErrorHandler(s -> s.addMessageHandler(String.class,
                (MessageHandler.Whole<String>) m -> {
                    throw failure instanceof RuntimeException re ? re : new java.io.UncheckedIOException((IOException) failure);
                }))) {
            h.peer.send(Data.text("x", true));
            h.awaitClosed();
        }
        List<LogRecord> failures = records.stream().filter(r -> r.getMessage().contains("has no error handler")).toList();
        assertThat(failures).hasSize(1);
        return failures.get(0);
    }
}
