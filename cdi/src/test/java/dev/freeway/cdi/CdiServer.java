package dev.freeway.cdi;

import dev.freeway.servlet.FreewayInitializer;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jboss.weld.environment.servlet.EnhancedListener;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Jetty 12.1 (EE 11) or Tomcat 11, embedded, running an application at {@code /app} the way a WAR
 * with Freeway, freeway-cdi and Weld Servlet would: the three initializers, in an order the test
 * picks (a Servlet container gives no guarantee). The bean archive is the test classes, through
 * their {@code META-INF/beans.xml}.
 */
abstract class CdiServer implements AutoCloseable {
    /** Which initializers run, and in which order. */
    enum Setup {
        /** Weld first, then Freeway and freeway-cdi: CDI stops last. */
        WELD_FIRST,
        /** Freeway and freeway-cdi first, then Weld: CDI stops before Freeway closes its sessions. */
        WELD_LAST,
        /** Freeway and freeway-cdi, no CDI container. */
        NO_CDI
    }

    /**
     * Weld's name for a container. Each server gets its own: Weld keeps its containers in a registry
     * per class loader, and here every application shares the test's class loader (in a real server
     * each WAR has its own, and its own Weld).
     */
    private static final String WELD_CONTEXT_ID = "WELD_CONTEXT_ID_KEY";

    abstract int port();

    abstract ServletContext servletContext();

    /** Stops the server (and so the application); unchecked, so try-with-resources needs no catch. */
    @Override
    public abstract void close();

    static CdiServer start(String kind, Setup setup, Class<?>... classes) throws Exception {
        return start(kind, initializers(setup), classes);
    }

    /** A server running exactly {@code initializers}, in that order. */
    static CdiServer start(String kind, List<ServletContainerInitializer> initializers, Class<?>... classes)
            throws Exception {
        return kind.equals("jetty") ? new JettyServer(initializers, classes) : new TomcatServer(initializers, classes);
    }

    private static List<ServletContainerInitializer> initializers(Setup setup) {
        List<ServletContainerInitializer> initializers = new ArrayList<>();
        if (setup == Setup.WELD_FIRST) {
            initializers.add(new EnhancedListener());
        }
        initializers.add(new FreewayInitializer());
        initializers.add(new FreewayCdiInitializer());
        if (setup == Setup.WELD_LAST) {
            initializers.add(new EnhancedListener());
        }
        return initializers;
    }

    /** A contextual reference to the application's bean of {@code type}. */
    <T> T bean(Class<T> type) {
        BeanManager bm = (BeanManager) servletContext().getAttribute(BeanManagerLookup.WELD_SERVLET_ATTRIBUTE);
        Bean<?> bean = bm.resolve(bm.getBeans(type));
        return type.cast(bm.getReference(bean, type, bm.createCreationalContext(bean)));
    }

    /** A plain servlet, as a WAR's default servlet would be. */
    public static final class Hello extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print("hello");
        }
    }

    private static final class JettyServer extends CdiServer {
        private final Server server = new Server(0);
        private final ServletContextHandler ctx = new ServletContextHandler("/app");

        JettyServer(List<ServletContainerInitializer> initializers, Class<?>... classes) throws Exception {
            ctx.setInitParameter(WELD_CONTEXT_ID, "jetty-" + System.identityHashCode(this));
            for (ServletContainerInitializer sci : initializers) {
                ctx.addServletContainerInitializer(sci, classes);
            }
            ctx.addServlet(new ServletHolder(new Hello()), "/");
            server.setHandler(ctx);
            server.start();
        }

        @Override
        int port() {
            return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        }

        @Override
        ServletContext servletContext() {
            return ctx.getServletContext();
        }

        @Override
        public void close() {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Jetty did not stop", e);
            }
        }
    }

    private static final class TomcatServer extends CdiServer {
        private final Tomcat tomcat = new Tomcat();
        private final Context ctx;

        TomcatServer(List<ServletContainerInitializer> initializers, Class<?>... classes) throws Exception {
            tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
            tomcat.setPort(0);
            ctx = tomcat.addContext("/app", Files.createTempDirectory("app").toString());
            ctx.addParameter(WELD_CONTEXT_ID, "tomcat-" + System.identityHashCode(this));
            for (ServletContainerInitializer sci : initializers) {
                ctx.addServletContainerInitializer(sci, Set.of(classes));
            }
            // Tomcat runs filters only for requests some servlet maps, as a WAR's default servlet does.
            Tomcat.addServlet(ctx, "hello", new Hello()).addMapping("/");
            tomcat.getConnector();
            tomcat.start();
        }

        @Override
        int port() {
            return tomcat.getConnector().getLocalPort();
        }

        @Override
        ServletContext servletContext() {
            return ctx.getServletContext();
        }

        @Override
        public void close() {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (Exception e) {
                throw new IllegalStateException("Tomcat did not stop", e);
            }
        }
    }
}
