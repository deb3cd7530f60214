package dev.freeway.servlet;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the container's own WebSocket implementation running beside Freeway in the same web
 * application — a silent mix of two implementations otherwise — and says how to switch it off.
 */
final class ForeignImplementations {
    static final String HOW_TO = "Switch the container's own WebSocket implementation off for this application: "
            + "on Tomcat add META-INF/context.xml with <Context containerSciFilter=\"org.apache.tomcat.websocket.server.WsSci\"/>"
            + " (or leave tomcat-embed-websocket off the class path); on Jetty do not enable the ee11-websocket-jakarta"
            + " (or ee10) module for the application, or set the context init parameter"
            + " org.eclipse.jetty.websocket.jakarta=false.";

    private static final System.Logger LOG = System.getLogger(FreewayInitializer.class.getName());

    private ForeignImplementations() {
    }

    /** Logs why the application cannot start and returns the same text for the exception. */
    static String refuse(ServletContext ctx, List<String> found) {
        String message = "Another WebSocket implementation is active in " + ctx.getContextPath() + " beside Freeway: "
                + found + ". Freeway stops the application rather than let both answer handshakes. " + advice(ctx);
        LOG.log(System.Logger.Level.ERROR, message);
        return message;
    }

    /** The advice an integration left in the context for its users, or the one for a WAR. */
    private static String advice(ServletContext ctx) {
        return ctx.getAttribute(FreewayInitializer.SWITCH_OFF_ADVICE_ATTRIBUTE) instanceof String s ? s : HOW_TO;
    }

    /** What, besides {@code ours}, looks like another WebSocket implementation in {@code ctx}. */
    static List<String> find(ServletContext ctx, Object ours, String ourFilter) {
        List<String> found = new ArrayList<>();
        Object registered = ctx.getAttribute(ServerContainer.class.getName());
        if (registered != null && registered != ours) {
            found.add("the ServerContainer attribute holds " + registered.getClass().getName());
        }
        Map<String, ? extends FilterRegistration> filters;
        try {
            filters = ctx.getFilterRegistrations();
        } catch (UnsupportedOperationException | IllegalStateException e) {
            return found; // a listener added by an initializer may not look (Servlet 4.4); the attribute check stands
        }
        for (Map.Entry<String, ? extends FilterRegistration> f : filters.entrySet()) {
            String className = String.valueOf(f.getValue().getClassName());
            String name = f.getKey();
            boolean websocket = className.toLowerCase(Locale.ROOT).contains("websocket")
                    || name.toLowerCase(Locale.ROOT).contains("websocket");
            if (websocket && !name.equals(ourFilter)) {
                found.add("filter '" + name + "' (" + className + ")");
            }
        }
        return found;
    }
}
