package dev.freeway.benchmarks.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scenario on one server in one round: its figures, or why there are none.
 *
 * @param failure {@code null} when the scenario ran through
 */
record Result(String scenario, ServerKind server, int round, Map<String, Double> metrics, String failure) {

    static Result failed(String scenario, ServerKind server, int round, String failure) {
        return new Result(scenario, server, round, new LinkedHashMap<>(), failure);
    }

    boolean ok() {
        return failure == null;
    }
}
