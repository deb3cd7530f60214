package dev.freeway.container.send;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * {@code getSendWriter()}: the characters written become one text message, encoded to UTF-8 and
 * sent in fragments (a surrogate pair cut between two writes is kept whole by the encoder, so no
 * fragment splits a code point's bytes incorrectly).
 */
public final class FragmentingWriter extends Writer {
    private final FragmentingOutputStream bytes;
    private final Writer encoder;

    public FragmentingWriter(Outbound outbound) {
        this.bytes = new FragmentingOutputStream(outbound, true);
        this.encoder = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        encoder.write(cbuf, off, len);
    }

    @Override
    public void flush() throws IOException {
        encoder.flush();
    }

    /** See {@link FragmentingOutputStream#abandon()}; characters the encoder still holds are dropped too. */
    public boolean abandon() {
        return bytes.abandon();
    }

    @Override
    public void close() throws IOException {
        encoder.close(); // flushes the encoder, then closes the stream, which ends the message
    }
}
