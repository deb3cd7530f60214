package dev.freeway.it.proof;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Upgrades a request carrying {@code Upgrade: echo} to {@link EchoHandler}, with nothing but the
 * Servlet API: the same path Freeway takes for WebSocket.
 */
@WebServlet("/echo")
public class EchoUpgradeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!"echo".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Upgrade: echo expected");
            return;
        }
        // the application, not the container, writes the 101 response (Servlet 6, 2.3.3.5)
        response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        response.setHeader("Upgrade", "echo");
        response.setHeader("Connection", "Upgrade");
        EchoHandler handler = request.upgrade(EchoHandler.class);
        if (request.getParameter(EchoHandler.WHOLE_ARRAYS) != null) {
            handler.writeWholeArrays();
        }
    }
}
