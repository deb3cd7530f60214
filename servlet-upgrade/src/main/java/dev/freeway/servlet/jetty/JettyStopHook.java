package dev.freeway.servlet.jetty;

import jakarta.servlet.ServletContext;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.EventListener;

/**
 * Jetty's part of the drain. Jetty stops a server's connectors before its web applications, and
 * stopping a connector closes every connection on it: a web application's {@code contextDestroyed}
 * comes too late to send anyone a close frame (clients saw EOF). So Freeway asks the server itself
 * to be told when it starts stopping ({@code LifeCycle.Listener.lifeCycleStopping}, called before
 * {@code Server.doStop}, hence before the graceful phase and the connectors) and drains there, with
 * the connectors still up to carry the 1001 and the peers' answers. Tomcat needs nothing of this:
 * it pauses its connectors, stops the applications, and only then closes connections.
 *
 * <p>Web applications do not see Jetty's server classes, so nothing here names one: the server is
 * reached by reflection from the {@code ServletContext} Jetty gave us, and the listener is a proxy of
 * Jetty's own interface, made in Jetty's class loader. Nothing needs to be exposed for it.
 */
public final class JettyStopHook {
    private static final System.Logger LOG = System.getLogger(JettyStopHook.class.getName());
    private static final String LISTENER = "org.eclipse.jetty.util.component.LifeCycle$Listener";

    private JettyStopHook() {
    }

    /**
     * Runs {@code drain} when the Jetty server behind {@code ctx} starts stopping.
     *
     * @return what takes the hook off again (when the application stops on its own), a no-op
     *         where {@code ctx} is not Jetty's
     */
    public static Runnable install(ServletContext ctx, Runnable drain) {
        if (!ctx.getClass().getName().startsWith("org.eclipse.jetty.")) {
            return () -> { };
        }
        try {
            Object handler = ctx.getClass().getMethod("getContextHandler").invoke(ctx);
            Object server = handler.getClass().getMethod("getServer").invoke(handler);
            ClassLoader jetty = server.getClass().getClassLoader();
            Class<?> listenerType = Class.forName(LISTENER, false, jetty);
            Object listener = Proxy.newProxyInstance(jetty, new Class<?>[] {listenerType},
                    new OnStopping(drain, ctx.getContextPath()));
            Method add = server.getClass().getMethod("addEventListener", EventListener.class);
            Method remove = server.getClass().getMethod("removeEventListener", EventListener.class);
            add.invoke(server, listener);
            return () -> {
                try {
                    remove.invoke(server, listener);
                } catch (ReflectiveOperationException e) {
                    LOG.log(System.Logger.Level.DEBUG, "taking Freeway's stop listener off Jetty failed", e);
                }
            };
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "Freeway could not ask Jetty to tell it when the server stops ({0});"
                    + " when it does, WebSocket clients of ''{1}'' lose their connections without a close frame",
                    e.toString(), ctx.getContextPath());
            return () -> { };
        }
    }

    /** Jetty's {@code LifeCycle.Listener}: drains on {@code lifeCycleStopping}, ignores the rest. */
    private record OnStopping(Runnable drain, String contextPath) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            return switch (method.getName()) {
                case "lifeCycleStopping" -> {
                    drain.run(); // in Jetty's stopping thread: the connectors wait for it
                    yield null;
                }
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "Freeway's WebSocket drain of '" + contextPath + "'";
                default -> null; // the other life-cycle events (all void) concern us not
            };
        }
    }
}
