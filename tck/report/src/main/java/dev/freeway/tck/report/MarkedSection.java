package dev.freeway.tck.report;

/**
 * A generated part of a text file, between a start marker line and an end marker line, which the
 * build rewrites while leaving everything around it as it is.
 */
public final class MarkedSection {

    /** The line that opens the section; what follows it on the line is free text. */
    public static final String START = "<!-- tck-results:start";
    /** The line that closes the section. */
    public static final String END = "<!-- tck-results:end -->";

    private MarkedSection() {
    }

    /**
     * Replaces what stands between the markers.
     *
     * @param text the whole file
     * @param body the new content, without the marker lines, ending with a line break
     * @return the file with the new section
     * @throws IllegalArgumentException when the markers are missing or out of order
     */
    public static String replace(String text, String body) {
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the file has no '" + START + " ... -->' line followed by a '"
                    + END + "' line");
        }
        int bodyStart = text.indexOf('\n', start) + 1;
        if (bodyStart == 0 || bodyStart > end) {
            throw new IllegalArgumentException("the start marker must be a line of its own before the end marker");
        }
        return text.substring(0, bodyStart) + body + text.substring(end);
    }
}
