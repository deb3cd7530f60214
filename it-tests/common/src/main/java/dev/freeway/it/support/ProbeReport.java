package dev.freeway.it.support;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a probe servlet in a test WAR reported: plain text, one {@code key=value} per line. The
 * servlets report server-side effects the client cannot see (callbacks, counters, failures).
 *
 * @param values the reported values, in order
 */
public record ProbeReport(Map<String, String> values) {

    /**
     * Fetches a report.
     *
     * @param base the deployment's base URL
     * @param path the probe servlet's path relative to it
     * @return the report
     */
    public static ProbeReport fetch(URL base, String path) throws Exception {
        HttpResponse<String> response = JdkClient.get(base, path);
        if (response.statusCode() != 200) {
            throw new AssertionError("probe " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : response.body().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new ProbeReport(values);
    }

    /**
     * Fetches the report until it satisfies a condition: server-side effects of a client's action
     * come a little later than the action.
     *
     * @param base the deployment's base URL
     * @param path the probe servlet's path relative to it
     * @param timeout how long to try
     * @param condition what the report must show
     * @return the first report that shows it
     * @throws AssertionError with the last report when none did in time
     */
    public static ProbeReport await(URL base, String path, Duration timeout, Predicate<ProbeReport> condition)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ProbeReport report = fetch(base, path);
            if (condition.test(report)) {
                return report;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the probe did not show the expected state within " + timeout + ": " + report);
            }
            Thread.sleep(50);
        }
    }

    /**
     * @param key a reported key
     * @return its value, or {@code ""} when absent
     */
    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    /**
     * @param key a reported key
     * @return its value as a number, or -1 when absent
     */
    public long number(String key) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? -1 : Long.parseLong(value);
    }

    /**
     * Returns the events (keys {@code event.N}) reported since an earlier report of the same probe.
     *
     * @param earlier an earlier report
     * @return the newer events, oldest first
     */
    public List<String> eventsSince(ProbeReport earlier) {
        return values.entrySet().stream()
                .filter(e -> e.getKey().startsWith("event.") && !earlier.values().containsKey(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }
}
