package dev.freeway.bridge.server;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The targets a {@link TargetChooser} may pick: exact {@code host:port} pairs, or {@code host:*}
 * for every port of a host. Host names are compared as written, not resolved: an allow-list of
 * names cannot be passed by pointing a name at another address through the request.
 */
public final class AllowList {
    private final Set<String> exact;
    private final Set<String> anyPort;

    private AllowList(Set<String> exact, Set<String> anyPort) {
        this.exact = exact;
        this.anyPort = anyPort;
    }

    /** An allow-list of {@code host:port} and {@code host:*} entries. */
    public static AllowList of(String... entries) {
        return of(List.of(entries));
    }

    /** An allow-list of {@code host:port} and {@code host:*} entries. */
    public static AllowList of(List<String> entries) {
        Set<String> anyPort = entries.stream().map(String::trim).filter(e -> e.endsWith(":*"))
                .map(e -> new BridgeTarget(e.substring(0, e.length() - 2).replace("[", "").replace("]", ""), 1).host())
                .collect(Collectors.toUnmodifiableSet());
        Set<String> exact = entries.stream().map(String::trim).filter(e -> !e.endsWith(":*"))
                .map(e -> BridgeTarget.parse(e).toString()).collect(Collectors.toUnmodifiableSet());
        return new AllowList(exact, anyPort);
    }

    /** Whether {@code target} is on the list. */
    public boolean permits(BridgeTarget target) {
        return exact.contains(target.toString()) || anyPort.contains(target.host());
    }

    @Override
    public String toString() {
        return "AllowList" + exact + anyPort.stream().map(h -> h + ":*").toList();
    }
}
