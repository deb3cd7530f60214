package dev.freeway.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SVG bar chart per scenario for RESULTS.md: a horizontal bar per server (its median of the
 * counted rounds), Freeway's bars in their own colour, and the ceiling drawn as a vertical line
 * across the bars instead of a bar, since it bounds them rather than competes. Plain SVG, no
 * script or fonts beyond a generic family, so it renders on GitHub and in any browser.
 */
final class Charts {
    private static final int WIDTH = 720;
    private static final int LABEL = 250;
    private static final int BAR = 22;
    private static final int GAP = 8;
    private static final int TOP = 40;
    private static final String FREEWAY = "#d9480f";
    private static final String PEER = "#868e96";
    private static final String CEILING = "#1c7ed6";

    private Charts() {
    }

    /**
     * A bar of the chart.
     *
     * @param missing what to print instead of a bar when {@code value} is NaN ("n/a", "failed")
     */
    record Bar(String label, ServerKind.Role role, double value, String missing) {
    }

    /** The chart of {@code title} in {@code unit}; a bar without a value shows why instead. */
    static String svg(String title, String unit, boolean higherIsBetter, List<Bar> all) {
        List<Bar> bars = new ArrayList<>();
        double ceiling = Double.NaN;
        double max = 0;
        for (Bar b : all) {
            if (!Double.isNaN(b.value())) {
                max = Math.max(max, b.value());
            }
            if (b.role() == ServerKind.Role.CEILING && !Double.isNaN(b.value())) {
                ceiling = b.value();
            } else {
                bars.add(b);
            }
        }
        int plot = WIDTH - LABEL - 90;
        int height = TOP + Math.max(1, bars.size()) * (BAR + GAP) + 30;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"13\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(text(10, 22, escape(title) + " (" + escape(unit) + ", " + (higherIsBetter ? "higher" : "lower")
                + " is better)", "font-weight=\"bold\""));
        int y = TOP;
        for (Bar b : bars) {
            int w = max <= 0 || Double.isNaN(b.value()) ? 0 : (int) Math.round(b.value() / max * plot);
            String colour = b.role() == ServerKind.Role.FREEWAY ? FREEWAY : PEER;
            s.append(text(LABEL - 8, y + 16, escape(b.label()), "text-anchor=\"end\""
                    + (b.role() == ServerKind.Role.FREEWAY ? " font-weight=\"bold\"" : "")));
            s.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y).append("\" width=\"").append(w)
                    .append("\" height=\"").append(BAR).append("\" fill=\"").append(colour).append("\"/>\n");
            s.append(text(LABEL + w + 6, y + 16, Double.isNaN(b.value()) ? escape(b.missing()) : Report.format(b.value()), ""));
            y += BAR + GAP;
        }
        if (bars.isEmpty()) {
            s.append(text(LABEL, y + 16, "no server finished", ""));
        }
        if (!Double.isNaN(ceiling) && max > 0) {
            int x = LABEL + (int) Math.round(ceiling / max * plot);
            s.append("<line x1=\"").append(x).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(y).append("\" stroke=\"").append(CEILING)
                    .append("\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\n");
            s.append(text(x, y + 18, "ceiling " + Report.format(ceiling), "text-anchor=\"middle\" fill=\"" + CEILING + "\""));
        }
        return s.append("</svg>\n").toString();
    }

    private static String text(int x, int y, String body, String attributes) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" %s>%s</text>%n", x, y, attributes, body);
    }

    private static String escape(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
