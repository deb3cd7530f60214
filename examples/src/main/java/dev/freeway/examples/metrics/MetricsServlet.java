package dev.freeway.examples.metrics;

import dev.freeway.container.FreewayServerContainer;
import dev.freeway.servlet.FreewayInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code /metrics}: this application's WebSocket meters as plain text (see {@link MetricsText}).
 * The same counts are in JMX as {@code dev.freeway:type=WebSocket,context=<context path>}, or in
 * Micrometer when it is on the class path.
 */
public class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        FreewayServerContainer container = (FreewayServerContainer) getServletContext()
                .getAttribute(FreewayInitializer.CONTAINER_ATTRIBUTE);
        if (container == null) {
            resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Freeway is not running in this application");
            return;
        }
        resp.setContentType("text/plain;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store"); // the counts change with every message
        resp.getWriter().write(MetricsText.of(container.metrics()));
    }
}
