package dev.freeway.it.proof;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A tiny protocol over an upgraded connection, with nothing but the Servlet API: the server first
 * writes {@link #GREETING}, then echoes every byte; it closes when the client half-closes, and says
 * {@link #GOODBYE} before closing when the application is undeployed. All I/O is non-blocking: read
 * while {@code isReady()}, write while {@code isReady()}, otherwise wait for the container's next
 * callback, the discipline Freeway's transport relies on.
 *
 * <p>How each connection ended is kept in {@link #EVENTS}, which {@link EventsServlet} publishes, so
 * that tests can see what the container told the handler.
 */
public class EchoHandler implements HttpUpgradeHandler {

    static final byte[] GREETING = "ready\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] GOODBYE = "bye\n".getBytes(StandardCharsets.US_ASCII);
    /**
     * The query parameter that makes the handler write only whole arrays, for containers that
     * write the whole array whatever range {@code write(byte[], int, int)} names
     * ({@link dev.freeway.it.support.ContainerDefects#UPGRADE_WRITE_IGNORES_RANGE}).
     */
    static final String WHOLE_ARRAYS = "whole-arrays";

    /** How connections ended, e.g. {@code end of input after 0 bytes}, oldest first. */
    static final Queue<String> EVENTS = new ConcurrentLinkedQueue<>();
    private static final Set<Pump> OPEN = ConcurrentHashMap.newKeySet();

    private volatile boolean wholeArrays;

    /** Set by the servlet before the container calls {@link #init}. */
    void writeWholeArrays() {
        wholeArrays = true;
    }

    @Override
    public void init(WebConnection connection) {
        try {
            Pump pump = new Pump(connection, wholeArrays);
            OPEN.add(pump);
            connection.getInputStream().setReadListener(pump);
            connection.getOutputStream().setWriteListener(pump);
            // callbacks that came before both listeners were set did nothing; catch up now
            pump.start();
        } catch (IOException e) {
            throw new IllegalStateException("upgraded connection without streams", e);
        }
    }

    @Override
    public void destroy() {
        // nothing held beyond the connection, which the container closes
    }

    /** Says goodbye on, and closes, every connection still open: the application is going away. */
    static void closeAll() {
        OPEN.forEach(Pump::goodbye);
    }

    private static final class Pump implements ReadListener, WriteListener {

        private final WebConnection connection;
        private final ServletInputStream in;
        private final ServletOutputStream out;
        private final byte[] buffer = new byte[8192];
        private final boolean wholeArrays;
        /** Bytes in the buffer not yet written; the greeting goes first. */
        private int pending;
        /** Whether bytes were written since the last flush. */
        private boolean unflushed;
        private long bytesRead;
        private boolean inputEnded;
        private boolean started;
        private boolean closed;

        Pump(WebConnection connection, boolean wholeArrays) throws IOException {
            this.connection = connection;
            this.wholeArrays = wholeArrays;
            this.in = connection.getInputStream();
            this.out = connection.getOutputStream();
            System.arraycopy(GREETING, 0, buffer, 0, GREETING.length);
            pending = GREETING.length;
        }

        @Override
        public void onDataAvailable() throws IOException {
            pump();
        }

        @Override
        public void onWritePossible() throws IOException {
            pump();
        }

        @Override
        public void onAllDataRead() throws IOException {
            synchronized (this) {
                inputEnded = true;
            }
            pump();
        }

        @Override
        public void onError(Throwable failure) {
            close("error " + failure);
        }

        void start() throws IOException {
            synchronized (this) {
                started = true;
            }
            pump();
        }

        // synchronized: containers may call the read and the write listener from different threads
        private synchronized void pump() throws IOException {
            // isReady() must not be asked before both listeners are set
            while (started && !closed) {
                if (pending > 0) {
                    if (!out.isReady()) {
                        return; // onWritePossible follows
                    }
                    if (wholeArrays) {
                        out.write(Arrays.copyOf(buffer, pending));
                    } else {
                        out.write(buffer, 0, pending);
                    }
                    pending = 0;
                    unflushed = true;
                    continue; // isReady() must be asked again before the next write or flush
                }
                if (!inputEnded) {
                    if (in.isFinished()) {
                        inputEnded = true;
                        continue;
                    }
                    if (in.isReady()) {
                        int read = in.read(buffer);
                        if (read < 0) {
                            inputEnded = true;
                        } else {
                            bytesRead += read;
                            pending = read;
                        }
                        continue;
                    }
                }
                // nothing to write, no input at hand (onDataAvailable follows) or none to come
                if (unflushed) {
                    if (!out.isReady()) {
                        return;
                    }
                    out.flush(); // containers may hold written bytes back until then
                    unflushed = false;
                    continue;
                }
                if (inputEnded && out.isReady()) {
                    // echo semantics: everything read has been written; now the half-close is answered
                    close("end of input after " + bytesRead + " bytes");
                }
                return;
            }
        }

        // called from the undeploying thread, not a container callback: write only if ready now
        private synchronized void goodbye() {
            try {
                if (!closed && pending == 0 && out.isReady()) {
                    out.write(GOODBYE);
                    if (out.isReady()) {
                        out.flush();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the goodbye is a courtesy; closing below is what matters
            }
            close("undeployed");
        }

        private synchronized void close(String how) {
            if (closed) {
                return;
            }
            closed = true;
            OPEN.remove(this);
            EVENTS.add(how);
            try {
                connection.close();
            } catch (Exception ignored) {
                // the peer is gone already
            }
        }
    }
}
