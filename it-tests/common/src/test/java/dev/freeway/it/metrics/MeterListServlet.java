package dev.freeway.it.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code /meters}: every meter of Micrometer's global registry (the WAR's own Micrometer), one
 * {@code name{tag=value,...} value} line each. The global registry keeps no values of its own: it
 * passes them to the registries added to it, so this adds one, and Freeway's meters, registered
 * when the application started, reach it too.
 */
@WebServlet(urlPatterns = "/meters", loadOnStartup = 1)
public class MeterListServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Override
    public void init() {
        Metrics.addRegistry(registry);
    }

    @Override
    public void destroy() {
        Metrics.removeRegistry(registry);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        for (Meter meter : registry.getMeters()) {
            String tags = meter.getId().getTags().stream().map(MeterListServlet::describe)
                    .collect(Collectors.joining(","));
            lines.add(meter.getId().getName() + "{" + tags + "} " + meter.measure().iterator().next().getValue());
        }
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(String.join("\n", lines));
    }

    private static String describe(Tag tag) {
        return tag.getKey() + "=" + tag.getValue();
    }
}
