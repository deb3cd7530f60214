package dev.freeway.container.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the session hands the application keeps the order it was given in (TCK getPathParametersTest). */
class SessionContextTest {

    private static SessionContext context(Map<String, String> path, Map<String, List<String>> query) {
        return new SessionContext("s", null, null, URI.create("ws://localhost/"), null, query, path, null, null,
                null, false, Set.of());
    }

    @Test
    void pathParametersKeepTheTemplatesOrder() {
        // Enough names that Map.copyOf's per-launch order would differ from this one in any launch.
        Map<String, String> path = new LinkedHashMap<>();
        for (String name : List.of("p9", "p1", "p8", "p2", "p7", "p3", "p6", "p4", "p5", "p0", "pa", "pb")) {
            path.put(name, "v-" + name);
        }
        SessionContext c = context(path, null);
        assertThat(c.pathParameters().keySet()).containsExactlyElementsOf(path.keySet());
        assertThatThrownBy(() -> c.pathParameters().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void requestParametersKeepTheQuerysOrder() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String name : List.of("z", "a", "y", "b", "x", "c", "w", "d", "v", "e")) {
            query.put(name, List.of(name));
        }
        assertThat(context(null, query).requestParameters().keySet()).containsExactlyElementsOf(query.keySet());
        assertThat(context(null, null).requestParameters()).isEmpty();
    }
}
