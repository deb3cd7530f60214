package dev.freeway.tck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteTotalsTest {

    @TempDir
    Path reports;

    @Test
    void addsUpEverySurefireReportOfTheDirectory() throws IOException {
        report("TEST-a.WSClientIT.xml", 10, 1, 2, 3);
        report("TEST-b.WSClientIT.xml", 5, 0, 0, 0);
        Files.writeString(reports.resolve("a.WSClientIT.txt"), "Tests run: 99");

        SuiteTotals totals = SuiteTotals.read(reports);

        assertThat(totals).isEqualTo(new SuiteTotals(2, 15, 1, 2, 3));
        assertThat(totals.passed()).isEqualTo(9);
    }

    @Test
    void aDirectoryWithoutReportsIsAnErrorNotZero() {
        assertThatThrownBy(() -> SuiteTotals.read(reports))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no TEST-*.xml report");
    }

    @Test
    void theSectionHasOneRowPerContainerInOrder() {
        Map<String, SuiteTotals> runs = new LinkedHashMap<>();
        runs.put("Tomcat", new SuiteTotals(93, 737, 0, 0, 0));
        runs.put("Jetty", new SuiteTotals(93, 737, 1, 2, 0));

        String section = ConformanceReport.section("2.2.1", "988163d", runs);

        assertThat(section).contains("TCK 2.2.1", "`988163d`")
                .contains("| Tomcat | 93 | 737 | 737 | 0 | 0 | 0 |\n| Jetty | 93 | 737 | 734 | 1 | 2 | 0 |\n");
    }

    @Test
    void onlyTheTextBetweenTheMarkersIsReplaced() {
        String readme = "# Title\n<!-- tck-results:start generated -->\nold\n<!-- tck-results:end -->\nafter\n";

        assertThat(MarkedSection.replace(readme, "new\n"))
                .isEqualTo("# Title\n<!-- tck-results:start generated -->\nnew\n<!-- tck-results:end -->\nafter\n");
        assertThatThrownBy(() -> MarkedSection.replace("# no markers\n", "x\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void report(String name, int tests, int failures, int errors, int skipped) throws IOException {
        Files.writeString(reports.resolve(name), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"x\" tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + errors
                + "\" skipped=\"" + skipped + "\"><testcase name=\"t\"/></testsuite>\n");
    }
}
