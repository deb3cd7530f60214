package dev.freeway.it.proof;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * A ServletContainerInitializer in a WEB-INF/lib jar with {@code @HandlesTypes}, the way Freeway's
 * is shipped. It publishes, at {@code /probe}, which classes the container handed it and whether a
 * WebSocket {@code ServerContainer} was registered by someone else (the container's own WebSocket
 * implementation, which must be switched off where Freeway runs).
 */
@HandlesTypes({Probe.class, ProbeBase.class})
public class ProbeInitializer implements ServletContainerInitializer {

    /** The attribute under which a WebSocket implementation registers its ServerContainer. */
    static final String SERVER_CONTAINER = "jakarta.websocket.server.ServerContainer";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Set<String> names = new TreeSet<>();
        if (classes != null) {
            classes.forEach(type -> names.add(type.getName()));
        }
        context.addServlet("probe", new ProbeServlet(String.join(",", names))).addMapping("/probe");
    }

    /** Reports what the initializer saw, one {@code key=value} per line. */
    static final class ProbeServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;
        private final String handled;

        ProbeServlet(String handled) {
            this.handled = handled;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Object serverContainer = getServletContext().getAttribute(SERVER_CONTAINER);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter()
                    .append("handled=").append(handled).append('\n')
                    .append("serverContainer=")
                    .append(serverContainer == null ? "none" : serverContainer.getClass().getName()).append('\n');
        }
    }
}
