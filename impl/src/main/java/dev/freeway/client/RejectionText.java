package dev.freeway.client;

import dev.freeway.engine.HttpHeaders;
import dev.freeway.engine.RejectConnection;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A readable line from a rejected handshake's body: the first non-blank line of a text body,
 * with the markup of an HTML error page stripped (so Tomcat's page gives "HTTP Status 404 – Not
 * Found"), and chunked framing removed.
 */
final class RejectionText {
    private static final int MAX_LINE = 200;

    private RejectionText() {
    }

    /** The first readable line, or {@code ""} for an empty or non-text body. */
    static String firstLine(HttpHeaders headers, byte[] body) {
        if (body.length == 0) {
            return "";
        }
        String type = headers.first("Content-Type");
        type = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.startsWith("text/") && !type.contains("json") && !type.contains("xml")) {
            return "";
        }
        String text = new String(chunked(headers) ? dechunk(body) : body, StandardCharsets.UTF_8);
        if (type.contains("html") || text.stripLeading().startsWith("<")) {
            text = text.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "\n")
                    .replaceAll("<[^>]*>", "\n")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&nbsp;", " ").replace("&amp;", "&");
        }
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                return t.length() > MAX_LINE ? t.substring(0, MAX_LINE) + "..." : t;
            }
        }
        return "";
    }

    /** Whether a chunked body read so far ended with its last chunk: no need to wait for more. */
    static boolean chunkedBodyComplete(RejectConnection reject, ByteArrayOutputStream body) {
        if (reject == null || !chunked(reject.headers())) {
            return false;
        }
        String tail = new String(body.toByteArray(), StandardCharsets.ISO_8859_1);
        return tail.endsWith("\r\n0\r\n\r\n") || tail.equals("0\r\n\r\n");
    }

    private static boolean chunked(HttpHeaders headers) {
        return headers.hasToken("Transfer-Encoding", "chunked");
    }

    /** The data of a chunked body (RFC 9112 section 7.1), as far as it is complete. */
    private static byte[] dechunk(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length) {
            int lineEnd = indexOfCrlf(raw, i);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(raw, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n;
            try {
                n = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (n == 0) {
                break;
            }
            int start = lineEnd + 2;
            int len = Math.min(n, raw.length - start);
            out.write(raw, start, Math.max(0, len));
            i = start + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] a, int from) {
        for (int i = from; i + 1 < a.length; i++) {
            if (a[i] == '\r' && a[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
