package dev.freeway.engine;

import java.nio.charset.StandardCharsets;

/** Serializes an HTTP/1.1 head: a start line, the header fields, the empty line. */
final class HttpHeadWriter {
    private HttpHeadWriter() {
    }

    /**
     * The head as ISO-8859-1 bytes. {@link HttpHeaders} already refuses CR, LF and characters
     * above 0xFF, so every field fits one line and one byte per character.
     */
    static byte[] write(String startLine, HttpHeaders headers) {
        StringBuilder sb = new StringBuilder(startLine.length() + 32 * (headers.size() + 1));
        sb.append(startLine).append("\r\n");
        for (HttpHeaders.Field f : headers.fields()) {
            sb.append(f.name()).append(": ").append(f.value()).append("\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
