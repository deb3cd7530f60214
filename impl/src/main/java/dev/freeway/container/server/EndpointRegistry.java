package dev.freeway.container.server;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The server endpoints of one application, by path, and the look-up of the endpoint for a
 * request path with the precedence of Jakarta WebSocket 2.2 section 3.1.1.
 *
 * <p>Reads never lock: they use an immutable snapshot that {@link #add} replaces (copy on
 * write). Endpoints may thus be added while requests are served, as a
 * {@code ServletContextListener} may do, at the cost of copying the table per addition.
 */
public final class EndpointRegistry {
    private static final System.Logger LOG = System.getLogger(EndpointRegistry.class.getName());

    private volatile Snapshot snapshot = Snapshot.EMPTY;

    /**
     * The endpoint chosen for a request path.
     *
     * @param config         the endpoint's configuration
     * @param template       its parsed path
     * @param pathParameters the decoded values of the path's variables, by name
     */
    public record Match(ServerEndpointConfig config, UriTemplate template, Map<String, String> pathParameters) {
        public Match {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(template, "template");
            pathParameters = pathParameters == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters));
        }
    }

    /** An endpoint with its parsed path. */
    private record Entry(ServerEndpointConfig config, UriTemplate template) {
    }

    /**
     * Deploys an endpoint.
     *
     * @throws DeploymentException naming the endpoint class and the rule when the config has no
     *                             endpoint class, its path is invalid, or another endpoint has the
     *                             same path or an equivalent template (section 3.1.1)
     */
    public void add(ServerEndpointConfig config) throws DeploymentException {
        if (config == null) {
            throw new DeploymentException("no ServerEndpointConfig given");
        }
        Class<?> endpointClass = config.getEndpointClass();
        if (endpointClass == null) {
            throw new DeploymentException("the ServerEndpointConfig for path '" + config.getPath()
                    + "' has no endpoint class");
        }
        UriTemplate template;
        try {
            template = UriTemplate.parse(config.getPath());
        } catch (DeploymentException e) {
            throw new DeploymentException(endpointClass.getName() + ": " + e.getMessage(), e);
        }
        warnAboutExtensions(config);
        synchronized (this) {
            Snapshot current = snapshot;
            Entry clash = current.equivalent(template);
            if (clash != null) {
                throw conflict(endpointClass, template, clash);
            }
            snapshot = current.with(new Entry(config, template));
        }
    }

    private static DeploymentException conflict(Class<?> endpointClass, UriTemplate template, Entry existing) {
        String other = existing.config().getEndpointClass().getName();
        String reason = existing.template().path().equals(template.path())
                ? "both have the same path"
                : "both match the same URIs";
        return new DeploymentException(endpointClass.getName() + ": path '" + template.path() + "' conflicts with "
                + other + "'s '" + existing.template().path() + "': " + reason + " (Jakarta WebSocket 2.2 section 3.1.1)");
    }

    /** Said once at deployment rather than ignored silently on every handshake. */
    private static void warnAboutExtensions(ServerEndpointConfig config) {
        List<Extension> extensions = config.getExtensions();
        if (extensions == null) {
            return;
        }
        for (Extension e : extensions) {
            if (e != null && !HandshakeNegotiation.canRun(e.getName())) {
                LOG.log(Level.WARNING, () -> config.getEndpointClass().getName() + ": extension '" + e.getName()
                        + "' is not implemented by Freeway and will never be negotiated; only "
                        + HandshakeNegotiation.RUNNABLE_EXTENSIONS + " can be");
            }
        }
    }

    /**
     * The endpoint for a request path, or {@code null} when none matches (the handshake must then
     * not succeed, section 3.1.1 [WSC-3.1.1-4]).
     *
     * <p>An endpoint path without variables that equals the request path wins. Otherwise, among
     * the templates with as many segments as the path, segments are compared from left to right
     * and a literal segment is preferred to a variable one. Section 3.1.1 describes this as a
     * pruning that keeps only the literal matches at a segment when there are any; where that
     * pruning would leave nothing although a template with a variable further left does match,
     * that template is chosen rather than none, since the request path is a valid expansion of
     * it ([WSC-3.1.1-1]). Whenever the pruning finds a template this finds the same one.
     *
     * @param requestPath the path relative to the application's root, still percent-encoded,
     *                    without the query: for a Servlet request, {@code getRequestURI()} without
     *                    {@code getContextPath()} and without {@code ;} path parameters. The
     *                    decoded {@code getServletPath()} must not be used: it would turn
     *                    {@code %2F} into a segment separator.
     */
    public Match find(String requestPath) {
        List<String> segments = PathSegments.ofRequestPath(requestPath);
        if (segments == null) {
            return null;
        }
        Snapshot s = snapshot;
        Entry exact = s.exact.get(segments);
        if (exact != null) {
            return new Match(exact.config(), exact.template(), Map.of());
        }
        for (Entry e : s.templatesBySegments.getOrDefault(segments.size(), List.of())) {
            Map<String, String> params = e.template().matchSegments(segments);
            if (params != null) {
                return new Match(e.config(), e.template(), params);
            }
        }
        return null;
    }

    /** Removes every endpoint (the application's deployment failed). */
    public synchronized void clear() {
        snapshot = Snapshot.EMPTY;
    }

    /** The deployed configurations, in order of deployment. */
    public List<ServerEndpointConfig> configs() {
        List<ServerEndpointConfig> out = new ArrayList<>();
        for (Entry e : snapshot.all) {
            out.add(e.config());
        }
        return Collections.unmodifiableList(out);
    }

    public boolean isEmpty() {
        return snapshot.all.isEmpty();
    }

    /** An immutable table: exact paths by decoded segments, templates by length in precedence order. */
    private static final class Snapshot {
        static final Snapshot EMPTY = new Snapshot(List.of());

        final List<Entry> all;
        final Map<List<String>, Entry> exact;
        final Map<Integer, List<Entry>> templatesBySegments;

        Snapshot(List<Entry> all) {
            this.all = all;
            Map<List<String>, Entry> exactPaths = new HashMap<>();
            Map<Integer, List<Entry>> byLength = new HashMap<>();
            for (Entry e : all) {
                if (e.template().hasVariables()) {
                    byLength.computeIfAbsent(e.template().segmentCount(), n -> new ArrayList<>()).add(e);
                } else {
                    exactPaths.put(e.template().literalSegments(), e);
                }
            }
            byLength.replaceAll((n, list) -> {
                list.sort((a, b) -> UriTemplate.PRECEDENCE.compare(a.template(), b.template()));
                return List.copyOf(list);
            });
            this.exact = Map.copyOf(exactPaths);
            this.templatesBySegments = Map.copyOf(byLength);
        }

        Entry equivalent(UriTemplate template) {
            for (Entry e : all) {
                if (e.template().equals(template)) {
                    return e;
                }
            }
            return null;
        }

        Snapshot with(Entry entry) {
            List<Entry> next = new ArrayList<>(all);
            next.add(entry);
            return new Snapshot(List.copyOf(next));
        }
    }
}
