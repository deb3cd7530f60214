package dev.freeway.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * STOMP 1.2 frames written and read by hand (command, headers, blank line, body, NUL), so that
 * the STOMP test depends on no STOMP implementation of Spring's.
 */
final class StompFrames {
    private StompFrames() {
    }

    /** A frame of {@code command} with headers given as name, value pairs. */
    static String frame(String command, String body, String... headers) {
        StringBuilder b = new StringBuilder(command).append('\n');
        for (int i = 0; i < headers.length; i += 2) {
            b.append(headers[i]).append(':').append(headers[i + 1]).append('\n');
        }
        return b.append('\n').append(body).append('\0').toString();
    }

    /** A frame read back: its command, headers and body. */
    record Frame(String command, Map<String, String> headers, String body) {
        static Frame parse(String text) {
            int end = text.indexOf('\0');
            String frame = end < 0 ? text : text.substring(0, end);
            int blank = frame.indexOf("\n\n");
            String[] head = frame.substring(0, blank).split("\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.putIfAbsent(head[i].substring(0, colon), head[i].substring(colon + 1));
            }
            return new Frame(head[0], headers, frame.substring(blank + 2));
        }
    }
}
