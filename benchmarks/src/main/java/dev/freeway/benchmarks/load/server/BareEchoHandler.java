package dev.freeway.benchmarks.load.server;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

import java.io.IOException;

/**
 * Echoes the upgraded connection's bytes with the Servlet API's non-blocking I/O: read while
 * there is input and the output can take it, resume when either side is ready again.
 */
public final class BareEchoHandler implements HttpUpgradeHandler {
    private static final int BUFFER_SIZE = 64 * 1024;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private WebConnection connection;
    private ServletInputStream in;
    private ServletOutputStream out;
    private boolean unflushed;

    @Override
    public void init(WebConnection wc) {
        connection = wc;
        try {
            in = wc.getInputStream();
            out = wc.getOutputStream();
        } catch (IOException e) {
            close();
            return;
        }
        Listener listener = new Listener();
        out.setWriteListener(listener);
        in.setReadListener(listener);
    }

    /** Moves bytes from input to output until one side must wait. Both listeners call it. */
    private synchronized void pump() throws IOException {
        while (out.isReady()) {
            if (!in.isReady()) {
                if (unflushed) {
                    unflushed = false;
                    out.flush(); // the container may hold small writes back otherwise
                }
                return;
            }
            int n = in.read(buffer);
            if (n < 0) {
                close();
                return;
            }
            out.write(buffer, 0, n);
            unflushed = true;
        }
    }

    private void close() {
        try {
            connection.close();
        } catch (Exception e) {
            // the connection is gone either way
        }
    }

    @Override
    public void destroy() {
    }

    private final class Listener implements ReadListener, WriteListener {
        @Override
        public void onDataAvailable() throws IOException {
            pump();
        }

        @Override
        public void onAllDataRead() {
            close();
        }

        @Override
        public void onWritePossible() throws IOException {
            pump();
        }

        @Override
        public void onError(Throwable t) {
            close();
        }
    }
}
