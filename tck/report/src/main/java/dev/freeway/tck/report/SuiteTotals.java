package dev.freeway.tck.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The totals of one container's TCK run, as surefire counted them in its {@code TEST-*.xml} reports.
 *
 * @param classes test classes that reported
 * @param run tests run
 * @param failures tests whose assertions failed
 * @param errors tests that threw
 * @param skipped tests skipped (disabled ones included)
 */
public record SuiteTotals(int classes, int run, int failures, int errors, int skipped) {

    /** @return tests that ran and passed */
    public int passed() {
        return run - failures - errors - skipped;
    }

    /**
     * Adds up the reports in a surefire reports directory.
     *
     * @param reports the directory, e.g. {@code target/surefire-reports}
     * @return the totals
     * @throws IOException when the directory has no report or one cannot be read
     */
    public static SuiteTotals read(Path reports) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(reports)) {
            files = listing.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith("TEST-") && name.endsWith(".xml");
            }).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no TEST-*.xml report in " + reports + ": did the TCK run?");
        }
        SuiteTotals totals = new SuiteTotals(0, 0, 0, 0, 0);
        for (Path file : files) {
            totals = totals.plus(readOne(file));
        }
        return totals;
    }

    private static SuiteTotals readOne(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // surefire's reports need no DTD; a report is never a reason to fetch anything
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element suite = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
            return new SuiteTotals(1, count(suite, "tests"), count(suite, "failures"), count(suite, "errors"),
                    count(suite, "skipped"));
        } catch (ParserConfigurationException | SAXException | NumberFormatException e) {
            throw new IOException("unreadable surefire report " + file + ": " + e.getMessage(), e);
        }
    }

    private static int count(Element suite, String attribute) {
        String value = suite.getAttribute(attribute);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    private SuiteTotals plus(SuiteTotals other) {
        return new SuiteTotals(classes + other.classes, run + other.run, failures + other.failures,
                errors + other.errors, skipped + other.skipped);
    }
}
