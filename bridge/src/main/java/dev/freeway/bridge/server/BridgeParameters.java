package dev.freeway.bridge.server;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The bridges a WAR's context parameters ask for: paths to targets, and the settings they share.
 * Every value is checked here, and a bad one names its parameter.
 */
record BridgeParameters(Map<String, BridgeTarget> routes, BridgeSettings settings, List<String> origins) {
    static final String PREFIX = "dev.freeway.bridge.";

    static BridgeParameters read(Function<String, String> parameter) {
        Map<String, BridgeTarget> routes = new LinkedHashMap<>();
        String list = parameter.apply(PREFIX + "routes");
        if (list != null) {
            for (String route : list.split(",")) {
                if (route.isBlank()) {
                    continue;
                }
                int eq = route.indexOf('=');
                if (eq < 0 || !route.trim().startsWith("/")) {
                    throw new IllegalArgumentException(PREFIX + "routes: \"" + route.trim()
                            + "\" is not /path=host:port");
                }
                try {
                    routes.put(route.substring(0, eq).trim(), BridgeTarget.parse(route.substring(eq + 1)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(PREFIX + "routes: " + e.getMessage(), e);
                }
            }
        }
        BridgeSettings s = BridgeSettings.defaults();
        try {
            s = s.withConnectTimeoutMillis(number(parameter, "connectTimeout", s.connectTimeoutMillis()))
                    .withBufferSize(intNumber(parameter, "bufferSize", s.bufferSize()))
                    .withIdleTimeoutMillis(number(parameter, "idleTimeout", s.idleTimeoutMillis()))
                    .withWriteTimeoutMillis(number(parameter, "writeTimeout", s.writeTimeoutMillis()))
                    .withSocketBufferSize(intNumber(parameter, "socketBufferSize", s.socketBufferSize()))
                    .withMaxConnections(intNumber(parameter, "maxConnections", s.maxConnections()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the bridge's context parameters: " + e.getMessage(), e);
        }
        String originList = parameter.apply(PREFIX + "origins");
        List<String> origins = originList == null ? List.of()
                : Arrays.stream(originList.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList();
        return new BridgeParameters(Map.copyOf(routes), s, origins);
    }

    private static int intNumber(Function<String, String> parameter, String name, int otherwise) {
        long n = number(parameter, name, otherwise);
        if (n != (int) n) {
            throw new IllegalArgumentException(PREFIX + name + " is out of range: " + n);
        }
        return (int) n;
    }

    private static long number(Function<String, String> parameter, String name, long otherwise) {
        String value = parameter.apply(PREFIX + name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + name + " is not a number: \"" + value + "\"", e);
        }
    }
}
