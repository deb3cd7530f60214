package dev.freeway.container.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The counting component itself: one set of counters per path, and a bound on the paths. */
class WebSocketMetricsTest {
    private final WebSocketMetrics metrics = new WebSocketMetrics(() -> 0, () -> 0);

    @Test
    void aPathHasOneSetOfCounters() {
        assertThat(metrics.endpoint("/echo")).isSameAs(metrics.endpoint("/echo"));
        metrics.endpoint("/echo").sessionOpened();
        metrics.endpoint("/chat/{room}").sessionOpened();
        assertThat(metrics.openSessions()).isEqualTo(2);
        assertThat(metrics.endpoints()).containsOnlyKeys("/chat/{room}", "/echo");
    }

    @Test
    void pathsBeyondTheBoundAreCountedTogether() {
        for (int i = 0; i < WebSocketMetrics.MAX_PATHS; i++) {
            metrics.endpoint("/sockjs/" + i + "/websocket");
        }
        EndpointCounters first = metrics.endpoint("/sockjs/first-beyond/websocket");
        EndpointCounters second = metrics.endpoint("/sockjs/second-beyond/websocket");
        assertThat(first).isSameAs(second);
        assertThat(first.path()).isEqualTo(WebSocketMetrics.OTHER_PATHS);
        assertThat(metrics.endpoints()).hasSize(WebSocketMetrics.MAX_PATHS + 1);
        assertThat(metrics.endpoint("/sockjs/0/websocket").path()).as("those made before keep theirs")
                .isEqualTo("/sockjs/0/websocket");
    }
}
