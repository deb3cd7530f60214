package dev.freeway.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.freeway.benchmarks.ResultsTable results.csv}
 */
public final class ResultsTable {
    private static final List<String> VARIANTS = List.of("freeway", "jetty", "ceiling");

    private ResultsTable() {
    }

    /** One measured benchmark: score and error in ops/s. */
    private record Row(String benchmark, String variant, Map<String, String> params, double score, double error) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ResultsTable <jmh-results.csv>");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        List<String> header = split(lines.get(0));
        // Group by benchmark class and every parameter but size; within a group, by size.
        Map<String, Map<Integer, Map<String, Row>>> groups = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            Row row = parse(header, split(line));
            Map<String, String> others = new TreeMap<>(row.params());
            int size = Integer.parseInt(others.remove("size"));
            String group = row.benchmark() + (others.isEmpty() ? "" : " " + others);
            groups.computeIfAbsent(group, g -> new TreeMap<>())
                    .computeIfAbsent(size, s -> new LinkedHashMap<>())
                    .put(row.variant(), row);
        }
        groups.forEach(ResultsTable::print);
    }

    private static void print(String group, Map<Integer, Map<String, Row>> bySize) {
        System.out.println("### " + group + "\n");
        System.out.println("| size | Freeway MB/s | Jetty MB/s | ceiling MB/s | Freeway/Jetty | Freeway/ceiling |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        bySize.forEach((size, variants) -> {
            StringBuilder line = new StringBuilder("| " + sizeName(size) + " |");
            for (String v : VARIANTS) {
                Row r = variants.get(v);
                line.append(r == null ? " - |"
                        : String.format(Locale.ROOT, " %,.0f ± %,.0f |", mb(r.score(), size), mb(r.error(), size)));
            }
            line.append(ratio(variants, "jetty")).append(ratio(variants, "ceiling"));
            System.out.println(line);
        });
        System.out.println();
    }

    private static String ratio(Map<String, Row> variants, String other) {
        Row f = variants.get("freeway");
        Row o = variants.get(other);
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
            } else if (h.equals("Unit") && !c.equals("ops/s")) {
                throw new IllegalArgumentException("expected ops/s (throughput mode), found " + c);
            } else if (h.startsWith("Param: ") && !c.isEmpty()) {
                params.put(h.substring("Param: ".length()), c);
            }
        }
        int dot = name.lastIndexOf('.');
        String benchmark = name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
        return new Row(benchmark, name.substring(dot + 1), params, score, error);
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
