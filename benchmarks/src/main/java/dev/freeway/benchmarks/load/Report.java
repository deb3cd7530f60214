package dev.freeway.benchmarks.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code RESULTS.md}: per scenario, each server's median and spread over the rounds that count,
 * Freeway's ratio to the best peer and to the ceiling, and its chart; and {@code results.json}.
 */
final class Report {
    private Report() {
    }

    /**
     * The load generator is one thread: at this share of a core it may be what limits the
     * figure, so such a round is flagged and not counted.
     */
    static final double CLIENT_BOUND_CORES = 0.85;

    static String markdown(Settings s, List<Result> results, String header) {
        StringBuilder md = new StringBuilder(header);
        md.append("- Rounds in which the load generator's thread used ").append(CLIENT_BOUND_CORES)
                .append(" cores or more are flagged \"client-bound\" and not counted: the client, not the server, may have set the pace\n");
        md.append("\n## Freeway against the best peer and the ceiling (medians; > 1 is better for Freeway)\n\n");
        md.append("| scenario | metric | best peer | Freeway on Tomcat | Freeway on Jetty | better Freeway / ceiling | ceiling above every server |\n"
                + "|---|---|---|---:|---:|---:|---|\n");
        for (String scenario : s.scenarios()) {
            Scenarios.Spec spec = Scenarios.spec(scenario);
            Optional<ServerKind> best = bestPeer(results, s, spec);
            md.append("| ").append(scenario).append(" | ").append(spec.primary()).append(higher(spec)).append(" | ")
                    .append(best.map(ServerKind::label).orElse("none finished")).append(" | ")
                    .append(ratio(results, spec, ServerKind.FREEWAY_TOMCAT, best)).append(" | ")
                    .append(ratio(results, spec, ServerKind.FREEWAY_JETTY, best)).append(" | ")
                    .append(toCeiling(results, spec)).append(" | ")
                    .append(ceilingAbove(results, s, spec)).append(" |\n");
        }
        for (String scenario : s.scenarios()) {
            Scenarios.Spec spec = Scenarios.spec(scenario);
            md.append("\n## ").append(spec.title()).append(" (`").append(scenario).append("`)\n\n");
            md.append("![").append(spec.title()).append("](charts/").append(scenario).append(".svg)\n\n");
            List<String> metrics = metricNames(results, scenario);
            md.append("| server | ").append(spec.primary()).append(higher(spec)).append(" median | min – max | rounds counted |");
            for (String metric : metrics) {
                if (!metric.equals(spec.primary())) {
                    md.append(' ').append(metric).append(" |");
                }
            }
            md.append("\n|---|---:|---:|---:|").append("---:|".repeat(Math.max(0, metrics.size() - 1))).append('\n');
            for (ServerKind kind : s.servers()) {
                String na = Scenarios.notServed(kind, scenario);
                if (na != null) {
                    md.append("| ").append(kind.label()).append(" | ").append(na).append(" | | |")
                            .append(" |".repeat(Math.max(0, metrics.size() - 1))).append('\n');
                    continue;
                }
                List<Result> rs = of(results, scenario, kind);
                double[] primary = values(rs, spec.primary());
                long bound = rs.stream().filter(Report::clientBound).count();
                md.append("| ").append(kind.label()).append(" | ").append(format(median(primary))).append(" | ")
                        .append(primary.length == 0 ? "–" : format(min(primary)) + " – " + format(max(primary)))
                        .append(" | ").append(primary.length).append('/').append(rs.size())
                        .append(bound > 0 ? " (" + bound + " client-bound)" : "").append(" |");
                for (String metric : metrics) {
                    if (!metric.equals(spec.primary())) {
                        md.append(' ').append(format(median(values(rs, metric)))).append(" |");
                    }
                }
                md.append('\n');
            }
            for (ServerKind kind : s.servers()) {
                of(results, scenario, kind).stream().filter(r -> !r.ok()).map(Result::failure).distinct()
                        .forEach(f -> md.append("\n- ").append(kind.label()).append(" failed: ").append(f));
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** The chart of every scenario, by file name ({@code <scenario>.svg}). */
    static Map<String, String> charts(Settings s, List<Result> results) {
        Map<String, String> charts = new java.util.LinkedHashMap<>();
        for (String scenario : s.scenarios()) {
            Scenarios.Spec spec = Scenarios.spec(scenario);
            List<Charts.Bar> bars = new ArrayList<>();
            for (ServerKind kind : s.servers()) {
                List<Result> rs = of(results, scenario, kind);
                String missing = Scenarios.notServed(kind, scenario) != null ? "n/a"
                        : rs.stream().anyMatch(Report::clientBound) ? "client-bound" : "failed";
                double value = kind == ServerKind.CEILING ? ceiling(results, spec) : median(values(rs, spec.primary()));
                bars.add(new Charts.Bar(kind.label(), kind.role(), value, missing));
            }
            charts.put(scenario + ".svg", Charts.svg(spec.title(), spec.primary(), spec.higherIsBetter(), bars));
        }
        return charts;
    }

    /** A round the load generator may have limited. */
    static boolean clientBound(Result r) {
        Double client = r.metrics().get("clientCores");
        return r.ok() && client != null && client >= CLIENT_BOUND_CORES;
    }

    /** The better Freeway's median over the ceiling's, where the ceiling serves the scenario. */
    private static String toCeiling(List<Result> results, Scenarios.Spec spec) {
        double c = ceiling(results, spec);
        double f = better(spec, median(values(of(results, spec.name(), ServerKind.FREEWAY_TOMCAT), spec.primary())),
                median(values(of(results, spec.name(), ServerKind.FREEWAY_JETTY), spec.primary())));
        if (Double.isNaN(c) || Double.isNaN(f)) {
            return "–";
        }
        return (ceilingClientBound(results, spec) ? "≤ " : "")
                + String.format(Locale.ROOT, "%.2f", spec.higherIsBetter() ? f / c : c / f);
    }

    /**
     * The ceiling's median over every round that ran through. A client-bound round counts here,
     * unlike for the servers: the client then held the ceiling back, so its figure is a lower
     * bound of the ceiling, which still bounds the servers from above if it beats them.
     */
    private static double ceiling(List<Result> results, Scenarios.Spec spec) {
        return median(of(results, spec.name(), ServerKind.CEILING).stream().filter(Result::ok)
                .map(r -> r.metrics().get(spec.primary())).filter(v -> v != null && !v.isNaN())
                .mapToDouble(Double::doubleValue).toArray());
    }

    private static boolean ceilingClientBound(List<Result> results, Scenarios.Spec spec) {
        return of(results, spec.name(), ServerKind.CEILING).stream().anyMatch(Report::clientBound);
    }

    /** Whether the ceiling's median beats every other server's, for the echo scenarios it serves. */
    private static String ceilingAbove(List<Result> results, Settings s, Scenarios.Spec spec) {
        double c = ceiling(results, spec);
        if (!spec.name().startsWith("echo-") || Double.isNaN(c)) {
            return "–";
        }
        List<String> above = new ArrayList<>();
        for (ServerKind k : s.servers()) {
            double v = median(values(of(results, spec.name(), k), spec.primary()));
            if (k != ServerKind.CEILING && !Double.isNaN(v) && !(spec.higherIsBetter() ? c > v : c < v)) {
                above.add(k.label());
            }
        }
        String bound = ceilingClientBound(results, spec) ? " (the ceiling client-bound: its figure is a lower bound)" : "";
        return (above.isEmpty() ? "yes" : "**no**: " + String.join(", ", above)) + bound;
    }

    private static double better(Scenarios.Spec spec, double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return spec.higherIsBetter() ? Math.max(a, b) : Math.min(a, b);
    }

    private static String higher(Scenarios.Spec spec) {
        return spec.higherIsBetter() ? " (higher is better)" : " (lower is better)";
    }

    static Optional<ServerKind> bestPeer(List<Result> results, Settings s, Scenarios.Spec spec) {
        ServerKind best = null;
        double bestValue = Double.NaN;
        for (ServerKind k : s.servers()) {
            double v = median(values(of(results, spec.name(), k), spec.primary()));
            if (k.role() != ServerKind.Role.PEER || Double.isNaN(v)) {
                continue;
            }
            if (best == null || (spec.higherIsBetter() ? v > bestValue : v < bestValue)) {
                best = k;
                bestValue = v;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String ratio(List<Result> results, Scenarios.Spec spec, ServerKind freeway, Optional<ServerKind> best) {
        double f = median(values(of(results, spec.name(), freeway), spec.primary()));
        if (Double.isNaN(f)) {
            return "did not finish";
        }
        if (best.isEmpty()) {
            return "only Freeway finished";
        }
        double b = median(values(of(results, spec.name(), best.get()), spec.primary()));
        return String.format(Locale.ROOT, "%.2f", spec.higherIsBetter() ? f / b : b / f);
    }

    static List<Result> of(List<Result> results, String scenario, ServerKind kind) {
        return results.stream().filter(r -> r.scenario().equals(scenario) && r.server() == kind).toList();
    }

    /** The figures of {@code metric} in the rounds that count: run through, and not client-bound. */
    static double[] values(List<Result> rs, String metric) {
        return rs.stream().filter(r -> r.ok() && !clientBound(r)).map(r -> r.metrics().get(metric)).filter(v -> v != null && !v.isNaN())
                .mapToDouble(Double::doubleValue).toArray();
    }

    private static List<String> metricNames(List<Result> results, String scenario) {
        TreeSet<String> seen = new TreeSet<>();
        List<String> ordered = new ArrayList<>();
        for (Result r : results) {
            if (r.scenario().equals(scenario)) {
                for (String k : r.metrics().keySet()) {
                    if (seen.add(k)) {
                        ordered.add(k);
                    }
                }
            }
        }
        return ordered;
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** The raw figures: every result of every round. */
    static String json(Settings s, List<Result> results, Map<String, String> environment) {
        StringBuilder j = new StringBuilder("{\n  \"environment\": {");
        String sep = "";
        for (var e : environment.entrySet()) {
            j.append(sep).append("\n    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
            sep = ",";
        }
        j.append("\n  },\n  \"results\": [");
        sep = "";
        for (Result r : results) {
            j.append(sep).append("\n    {\"scenario\": ").append(quote(r.scenario())).append(", \"server\": ")
                    .append(quote(r.server().id())).append(", \"round\": ").append(r.round()).append(", \"failure\": ")
                    .append(r.failure() == null ? "null" : quote(r.failure())).append(", \"metrics\": {");
            String msep = "";
            for (var m : r.metrics().entrySet()) {
                j.append(msep).append(quote(m.getKey())).append(": ")
                        .append(m.getValue().isNaN() || m.getValue().isInfinite() ? "null" : m.getValue().toString());
                msep = ", ";
            }
            j.append("}}");
            sep = ",";
        }
        return j.append("\n  ]\n}\n").toString();
    }

    private static String quote(String v) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format("\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
