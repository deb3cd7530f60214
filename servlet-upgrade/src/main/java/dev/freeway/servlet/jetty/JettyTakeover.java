package dev.freeway.servlet.jetty;

import dev.freeway.servlet.upgrade.ConnectionUpgrade;
import dev.freeway.servlet.upgrade.UpgradeContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.TunnelSupport;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Takes over a handshake's connection the way Jetty's own websocket-core does: a
 * {@link JettyConnection} of ours is set on the core request as the upgrade connection (the
 * {@code HttpStream.UPGRADE_CONNECTION_ATTRIBUTE} request attribute), and when the 101 response is
 * complete Jetty's HTTP/1.1 connection swaps it in on the same endpoint, handing over any bytes that
 * came after the request head. Over HTTP/2 the same connection sits on the extended CONNECT's stream
 * endpoint (Jetty's {@code TunnelSupport}), installed by Jetty when the 200 is sent, so the one
 * {@link JettyTransport} serves both. Jetty's Servlet upgrade, and its defect with handshakes that have no
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

    /**
     * The one class only WebSockets over HTTP/2 need. Where the web application cannot see it (its
     * Jetty configuration exposes the older list of classes), HTTP/2 extended CONNECTs are left to
     * the servlets (501) and HTTP/1.1 is taken over as ever; its types are touched only when
     * {@link #tunnels} is set.
     */
    static final String TUNNEL_CLASS = "org.eclipse.jetty.server.TunnelSupport";

    private final MethodHandle coreRequest;
    private final String upgradeConnectionAttribute;
    /** Whether {@link #TUNNEL_CLASS} is visible, so that HTTP/2 streams can be taken over. */
    private final boolean tunnels;

    private JettyTakeover(MethodHandle coreRequest, String upgradeConnectionAttribute, boolean tunnels) {
        this.coreRequest = coreRequest;
        this.upgradeConnectionAttribute = upgradeConnectionAttribute;
        this.tunnels = tunnels;
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
            boolean tunnels = JettyConnectionUpgrade.visible(TUNNEL_CLASS, JettyTakeover.class.getClassLoader());
            if (!tunnels) {
                LOG.log(System.Logger.Level.INFO, "Freeway: " + TUNNEL_CLASS + " is hidden from this web application;"
                        + " WebSockets over HTTP/2 (RFC 8441) are off, HTTP/1.1 WebSockets work as ever");
            }
            return new JettyTakeover(accessor, attribute, tunnels);
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
    public String tunnelProtocol(HttpServletRequest request) {
        if (!tunnels || !"CONNECT".equals(request.getMethod())) {
            return null; // spares the lookup of the core request for every other request
        }
        Request core = coreRequestOf(request);
        TunnelSupport tunnel = core == null ? null : core.getTunnelSupport();
        return tunnel == null ? null : tunnel.getProtocol();
    }

    @Override
    public boolean upgrade(HttpServletRequest request, UpgradeContext context) {
        Request core = coreRequestOf(request);
        if (core == null) {
            return false;
        }
        EndPoint endPoint = endPointToTakeOver(core);
        if (endPoint == null) {
            return false;
        }
        boolean stream = endPoint != core.getConnectionMetaData().getConnection().getEndPoint();
        JettyConnection connection = new JettyConnection(endPoint, context.executor(), context, stream);
        core.setAttribute(upgradeConnectionAttribute, connection);
        // Jetty swaps the connection in once the 101 is written; if that fails, no session comes.
        Request.addCompletionListener(core, failure -> {
            if (failure != null) {
                connection.transport().notOpened(failure);
            }
        });
        return true;
    }

    /**
     * What the session's connection is to sit on: the HTTP/1.1 connection's endpoint (swapped in
     * after the 101), or, for an HTTP/2 extended CONNECT (RFC 8441), the stream's own endpoint,
     * which Jetty's HTTP/2 layer upgrades to our connection once the 200 is sent: its reads are the
     * stream's DATA frames (each returned to HTTP/2 flow control only as it is read, so a paused
     * session holds the peer back), its writes DATA frames sent as the peer's window allows, and
     * its end or reset is the close of the endpoint. Null for anything else (HTTP/3, a plain CONNECT).
     */
    private EndPoint endPointToTakeOver(Request core) {
        ConnectionMetaData meta = core.getConnectionMetaData();
        if ("HTTP/1.1".equals(meta.getProtocol())) {
            return meta.getConnection().getEndPoint();
        }
        if (!tunnels) {
            return null;
        }
        TunnelSupport tunnel = core.getTunnelSupport();
        if ("HTTP/2.0".equals(meta.getProtocol()) && tunnel != null && tunnel.getProtocol() != null) {
            return tunnel.getEndPoint();
        }
        return null;
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
