package dev.freeway.benchmarks.load.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the first exception this JVM logs, through {@code java.util.logging} (Tomcat, Tyrus) or
 * on standard error (Jetty's SLF4J binding), so a failed self-check can name the exception the
 * container or Tyrus threw. Everything still reaches the log as before.
 */
final class FirstLoggedFailure {
    /** An exception line as a logger prints it, and the frame under it. */
    private static final Pattern PRINTED = Pattern.compile("(?m)^((?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error)(?:: [^\\n]*)?)\\n\\s+at ([^\\n]+)");
    private static final int STDERR_LIMIT = 1 << 20;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private volatile boolean watching;
    private volatile Throwable logged;
    private int stderrMark;

    /** Starts listening; call before the container is created, so its logger writes through here. */
    static FirstLoggedFailure install() {
        FirstLoggedFailure f = new FirstLoggedFailure();
        PrintStream original = System.err;
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                f.keep(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                f.keep(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
        Logger.getLogger("").addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getThrown() != null && r.getLevel().intValue() >= Level.INFO.intValue() && f.watching && f.logged == null) {
                    f.logged = r.getThrown();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return f;
    }

    private void keep(byte[] b, int off, int len) {
        synchronized (stderr) {
            if (stderr.size() < STDERR_LIMIT) {
                stderr.write(b, off, len);
            }
        }
    }

    /** Forgets what start-up logged (Tyrus logs expected lookups failing): only what follows counts. */
    void watch() {
        synchronized (stderr) {
            stderrMark = stderr.size();
        }
        watching = true;
    }

    /** The first exception logged since {@link #watch()}, as "exception: message at frame (via frame)", or {@code null}. */
    String describe() {
        Throwable t = logged;
        if (t != null) {
            Throwable root = t;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            StackTraceElement[] frames = root.getStackTrace();
            return root + (frames.length > 0 ? " at " + frames[0] : "") + (frames.length > 1 ? " (via " + frames[1] + ")" : "");
        }
        String text;
        synchronized (stderr) {
            text = new String(stderr.toByteArray(), stderrMark, stderr.size() - stderrMark, StandardCharsets.UTF_8);
        }
        Matcher m = PRINTED.matcher(text);
        return m.find() ? m.group(1) + " at " + m.group(2) : null;
    }
}
