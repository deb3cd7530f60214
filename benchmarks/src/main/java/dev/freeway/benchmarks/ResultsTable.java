package dev.freeway.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a JMH CSV result file ({@code -rf csv -rff results.csv}) into the Markdown tables of the
 * README: throughput in MB/s (10^6 bytes) per variant, and the ratios Freeway/peer and
 * Freeway/ceiling. Every benchmark here processes {@code size} bytes per operation, so
 * bytes/s = ops/s x size.
 *
 * <p>If the run used {@link CpuShareProfiler}, the first table per group is throughput per
 * CPU-second (robust on a shared machine) and a second one gives the wall-clock scores with the
 * CPU share each variant got.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.freeway.benchmarks.ResultsTable results.csv}
 */
public final class ResultsTable {
    private static final List<String> VARIANTS = List.of("freeway", "jetty", "ceiling");
    private static final String WALL = "";
    private static final String PER_CPU = "perCpu";
    private static final String SHARE = "cpu.share";

    private ResultsTable() {
    }

    /** One line of the CSV: a benchmark's primary score or one of its secondary results. */
    private record Row(String benchmark, String variant, String metric, Map<String, String> params,
                       double score, double error) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ResultsTable <jmh-results.csv>");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        if (lines.size() < 2) {
            System.err.println(args[0] + " holds no results (is the run finished?)");
            System.exit(1);
        }
        List<String> header = split(lines.get(0));
        // Group by benchmark class and every parameter but size; within a group by size, then
        // variant, then metric (the score, or a secondary result of the profiler).
        Map<String, Map<Integer, Map<String, Map<String, Row>>>> groups = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            Row row = parse(header, split(line));
            Map<String, String> others = new TreeMap<>(row.params());
            int size = Integer.parseInt(others.remove("size"));
            String group = row.benchmark() + (others.isEmpty() ? "" : " " + others);
            groups.computeIfAbsent(group, g -> new TreeMap<>())
                    .computeIfAbsent(size, s -> new HashMap<>())
                    .computeIfAbsent(row.variant(), v -> new HashMap<>())
                    .put(row.metric(), row);
        }
        groups.forEach(ResultsTable::print);
    }

    private static void print(String group, Map<Integer, Map<String, Map<String, Row>>> bySize) {
        boolean perCpu = bySize.values().stream()
                .anyMatch(vs -> vs.values().stream().anyMatch(c -> c.containsKey(PER_CPU)));
        if (perCpu) {
            System.out.println("### " + group + ", MB per CPU-second\n");
            table(bySize, PER_CPU, false);
            System.out.println("Wall clock, as JMH measured it, and the CPU share each variant got:\n");
            table(bySize, WALL, true);
        } else {
            System.out.println("### " + group + ", MB/s\n");
            table(bySize, WALL, false);
        }
    }

    private static void table(Map<Integer, Map<String, Map<String, Row>>> bySize, String metric, boolean shares) {
        System.out.println("| size | Freeway | Jetty | ceiling | Freeway/Jetty | Freeway/ceiling |"
                + (shares ? " CPU share |" : ""));
        System.out.println("|---:|---:|---:|---:|---:|---:|" + (shares ? "---:|" : ""));
        bySize.forEach((size, variants) -> {
            StringBuilder line = new StringBuilder("| " + sizeName(size) + " |");
            for (String v : VARIANTS) {
                Row r = row(variants, v, metric);
                line.append(r == null ? " - |"
                        : String.format(Locale.ROOT, " %,.0f ± %,.0f |", mb(r.score(), size), mb(r.error(), size)));
            }
            line.append(ratio(variants, "jetty", metric)).append(ratio(variants, "ceiling", metric));
            if (shares) {
                line.append(' ');
                for (String v : VARIANTS) {
                    Row s = row(variants, v, SHARE);
                    line.append(s == null ? "-" : String.format(Locale.ROOT, "%.2f", s.score()))
                            .append(v.equals("ceiling") ? " |" : " / ");
                }
            }
            System.out.println(line);
        });
        System.out.println();
    }

    private static Row row(Map<String, Map<String, Row>> variants, String variant, String metric) {
        Map<String, Row> c = variants.get(variant);
        return c == null ? null : c.get(metric);
    }

    private static String ratio(Map<String, Map<String, Row>> variants, String other, String metric) {
        Row f = row(variants, "freeway", metric);
        Row o = row(variants, other, metric);
        return f == null || o == null ? " - |" : String.format(Locale.ROOT, " %.2f |", f.score() / o.score());
    }

    private static double mb(double opsPerSecond, int size) {
        return opsPerSecond * size / 1e6;
    }

    private static String sizeName(int size) {
        if (size >= 1 << 20 && size % (1 << 20) == 0) {
            return (size >> 20) + " MiB";
        }
        if (size >= 1 << 10 && size % (1 << 10) == 0) {
            return (size >> 10) + " KiB";
        }
        return size + " B";
    }

    private static Row parse(List<String> header, List<String> cells) {
        Map<String, String> params = new TreeMap<>();
        String name = null;
        double score = 0;
        double error = 0;
        for (int i = 0; i < header.size() && i < cells.size(); i++) {
            String h = header.get(i);
            String c = cells.get(i);
            if (h.equals("Benchmark")) {
                name = c;
            } else if (h.equals("Score")) {
                score = Double.parseDouble(c);
            } else if (h.startsWith("Score Error")) {
                error = c.isEmpty() || c.equals("NaN") ? 0 : Double.parseDouble(c);
            } else if (h.equals("Unit") && (c.endsWith("/ms") || c.endsWith("/us") || c.endsWith("/ns"))) {
                throw new IllegalArgumentException("expected scores per second, found " + c);
            } else if (h.startsWith("Param: ") && !c.isEmpty()) {
                params.put(h.substring("Param: ".length()), c);
            }
        }
        // "package.Class.method" or "package.Class.method:secondary.result"
        int colon = name.indexOf(':');
        String metric = colon < 0 ? WALL : name.substring(colon + 1);
        String method = colon < 0 ? name : name.substring(0, colon);
        int dot = method.lastIndexOf('.');
        String benchmark = method.substring(method.lastIndexOf('.', dot - 1) + 1, dot);
        return new Row(benchmark, method.substring(dot + 1), metric, params, score, error);
    }

    /** Splits one CSV line as JMH writes it: commas, fields optionally in double quotes. */
    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
