package dev.freeway.servlet;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Request;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Takes over a handshake's connection the way Jetty's own websocket-core does: a
 * {@link JettyConnection} of ours is set on the core request as the upgrade connection (the
 * {@code HttpStream.UPGRADE_CONNECTION_ATTRIBUTE} request attribute), and when the 101 response is
 * complete Jetty's HTTP/1.1 connection swaps it in on the same endpoint, handing over any bytes that
 * came after the request head. Jetty's Servlet upgrade, and its defect with handshakes that have no
 * {@code Content-Length}, is never involved.
 *
 * <p>Built once per web application, from the class of the first handshake's request: the Servlet
 * layer (EE 10 or EE 11) is found from the request's own package, and its
 * {@code ServletContextRequest.getServletContextRequest(ServletRequest)} becomes a
 * {@link MethodHandle} to the core request. Only loaded where Jetty's core classes are visible (see
 * {@link JettyConnectionUpgrade}).
 */
final class JettyTakeover implements ConnectionUpgrade {
    private static final System.Logger LOG = System.getLogger(JettyTakeover.class.getName());

    private final MethodHandle coreRequest;
    private final String upgradeConnectionAttribute;

    private JettyTakeover(MethodHandle coreRequest, String upgradeConnectionAttribute) {
        this.coreRequest = coreRequest;
        this.upgradeConnectionAttribute = upgradeConnectionAttribute;
    }

    /**
     * The takeover for requests like {@code request}, or null when it is no Jetty 12 request (or
     * its Jetty is not the one this web application sees).
     */
    static ConnectionUpgrade forRequestsLike(HttpServletRequest request) {
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        Class<?> type = inner.getClass();
        ClassLoader jetty = type.getClassLoader();
        if (!type.getName().startsWith("org.eclipse.jetty.") || jetty == null) {
            return null;
        }
        try {
            Class<?> servletContextRequest = Class.forName(type.getPackageName() + ".ServletContextRequest", false, jetty);
            if (!Request.class.isAssignableFrom(servletContextRequest)) {
                LOG.log(System.Logger.Level.WARNING, "Freeway: " + servletContextRequest.getName()
                        + " is not the org.eclipse.jetty.server.Request this web application sees (does the WAR"
                        + " bring its own Jetty jars?); using the portable Servlet upgrade");
                return null;
            }
            MethodHandle accessor = MethodHandles.publicLookup()
                    .findStatic(servletContextRequest, "getServletContextRequest",
                            MethodType.methodType(servletContextRequest, ServletRequest.class))
                    .asType(MethodType.methodType(Request.class, ServletRequest.class));
            Class<?> httpStream = Class.forName("org.eclipse.jetty.server.HttpStream", false, jetty);
            String attribute = (String) MethodHandles.publicLookup()
                    .findStaticGetter(httpStream, "UPGRADE_CONNECTION_ATTRIBUTE", String.class).invoke();
            return new JettyTakeover(accessor, attribute);
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "no Jetty core request behind " + type.getName(), e);
            return null;
        } catch (VirtualMachineError fatal) {
            throw fatal; // out of memory or stack: nothing here can recover
        } catch (Throwable e) {
            throw new IllegalStateException("reading HttpStream.UPGRADE_CONNECTION_ATTRIBUTE failed", e);
        }
    }

    @Override
    public boolean upgrade(HttpServletRequest request, UpgradeContext context) {
        Request core = coreRequestOf(request);
        if (core == null) {
            return false;
        }
        ConnectionMetaData meta = core.getConnectionMetaData();
        if (!"HTTP/1.1".equals(meta.getProtocol())) {
            return false; // no swapping of connections in HTTP/2 or 3
        }
        EndPoint endPoint = meta.getConnection().getEndPoint();
        JettyConnection connection = new JettyConnection(endPoint, context.executor(), context);
        core.setAttribute(upgradeConnectionAttribute, connection);
        // Jetty swaps the connection in once the 101 is written; if that fails, no session comes.
        Request.addCompletionListener(core, failure -> {
            if (failure != null) {
                connection.transport().notOpened(failure);
            }
        });
        return true;
    }

    /** The core request behind {@code request}, or null where Jetty finds none (the portable way is then taken). */
    private Request coreRequestOf(HttpServletRequest request) {
        try {
            return (Request) coreRequest.invokeExact((ServletRequest) request);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) { // Jetty's accessor throws IllegalStateException for requests it does not know
            LOG.log(System.Logger.Level.DEBUG, "no Jetty core request behind " + request.getClass().getName(), e);
            return null;
        }
    }
}
