package dev.freeway.tck.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the TCK totals of each container into the README's Conformance section.
 *
 * <p>Arguments: the README, the TCK's source directory, then one {@code label=reportsDirectory} per
 * container, in the order of the table.
 */
public final class ConformanceReport {

    private static final Pattern VERSION = Pattern.compile(
            "<artifactId>websocket-tck</artifactId>\\s*<version>([^<]+)</version>");
    private static final Pattern COMMIT = Pattern.compile("at commit\\s+([0-9a-f]{7,40})");

    private ConformanceReport() {
    }

    /**
     * Rewrites the section.
     *
     * @param args README path, TCK home, {@code label=reports} pairs
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: README TCK-HOME label=surefire-reports...");
        }
        Path readme = Path.of(args[0]);
        Path tckHome = Path.of(args[1]);
        Map<String, SuiteTotals> runs = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int split = args[i].indexOf('=');
            if (split <= 0) {
                throw new IllegalArgumentException("not label=directory: " + args[i]);
            }
            runs.put(args[i].substring(0, split), SuiteTotals.read(Path.of(args[i].substring(split + 1))));
        }
        String body = section(tckVersion(tckHome), tckCommit(tckHome), runs);
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String updated = MarkedSection.replace(text, body);
        if (!updated.equals(text)) {
            Files.writeString(readme, updated, StandardCharsets.UTF_8);
        }
        System.out.print(body);
    }

    /**
     * Renders the section's Markdown.
     *
     * @param version the TCK's version
     * @param commit the commit of the TCK's repository it was taken from
     * @param runs container label to its totals, in table order
     * @return the Markdown, ending with a line break
     */
    static String section(String version, String commit, Map<String, SuiteTotals> runs) {
        StringBuilder out = new StringBuilder()
                .append("Jakarta WebSocket TCK ").append(version)
                .append(" (the `tck/` folder of `jakartaee/websocket` at commit `").append(commit)
                .append("`), every test class, Freeway's client as the TCK's client:\n\n")
                .append("| container | test classes | run | passed | failed | errors | skipped |\n")
                .append("|---|---|---|---|---|---|---|\n");
        runs.forEach((label, totals) -> out.append("| ").append(label)
                .append(" | ").append(totals.classes())
                .append(" | ").append(totals.run())
                .append(" | ").append(totals.passed())
                .append(" | ").append(totals.failures())
                .append(" | ").append(totals.errors())
                .append(" | ").append(totals.skipped())
                .append(" |\n"));
        return out.toString();
    }

    private static String tckVersion(Path tckHome) throws IOException {
        return find(VERSION, Files.readString(tckHome.resolve("pom.xml")), tckHome.resolve("pom.xml"));
    }

    private static String tckCommit(Path tckHome) throws IOException {
        return find(COMMIT, Files.readString(tckHome.resolve("ORIGIN.md")), tckHome.resolve("ORIGIN.md"));
    }

    private static String find(Pattern pattern, String text, Path file) throws IOException {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IOException(file + " does not match " + pattern.pattern());
        }
        return matcher.group(1);
    }
}
