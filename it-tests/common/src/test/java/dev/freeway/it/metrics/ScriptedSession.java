package dev.freeway.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.RecordingListener;
import java.net.URL;
import java.net.http.WebSocket;

/**
 * The session both metrics tests count: the JDK client connects to the echo endpoint, sends three
 * texts, waits for each echo, and closes with 1000 "done"; and the wire bytes that makes.
 */
final class ScriptedSession {
    /** The client's frames are masked (2 header bytes, a 4-byte key): three texts and the close 1000 "done". */
    static final long BYTES_RECEIVED = (6 + 3) + (6 + 3) + (6 + 5) + (6 + 2 + 4);
    /** The echoes (2 header bytes each) and the close reply (its code). */
    static final long BYTES_SENT = (2 + 3) + (2 + 3) + (2 + 5) + (2 + 2);

    private ScriptedSession() {
    }

    /** What a test checks while the session is open. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    /**
     * Runs the session against {@code echo} under {@code base}, calling {@code whileOpen} once it is
     * connected; returns once the server answered the close.
     */
    static void run(URL base, Check whileOpen) throws Exception {
        RecordingListener listener = new RecordingListener();
        WebSocket ws = JdkClient.connect(base, "echo", listener); // no Origin header: no browser, let through
        whileOpen.run();
        for (String text : new String[] {"one", "two", "three"}) {
            JdkClient.await(ws.sendText(text, true));
            assertThat(listener.nextText()).isEqualTo(text);
        }
        JdkClient.closeNormally(ws, listener);
    }
}
