package dev.freeway.it.support;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.CodeSource;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Tells where the web application's class loader finds things: {@code ?class=NAME} answers the
 * location the class was loaded from, {@code ?service=NAME} the first provider the ServiceLoader
 * finds for a service type, as the WebSocket API does to pick the container's default configurator.
 */
@WebServlet("/where")
public class WhereServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String answer;
        try {
            if (request.getParameter("class") != null) {
                Class<?> type = Class.forName(request.getParameter("class"), false, loader);
                CodeSource source = type.getProtectionDomain().getCodeSource();
                answer = source == null ? "bootstrap" : String.valueOf(source.getLocation());
            } else {
                Class<?> service = Class.forName(request.getParameter("service"), false, loader);
                Iterator<?> providers = ServiceLoader.load(service, loader).iterator();
                answer = providers.hasNext() ? providers.next().getClass().getName() : "none";
            }
        } catch (ClassNotFoundException e) {
            answer = "missing";
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print(answer);
    }
}
