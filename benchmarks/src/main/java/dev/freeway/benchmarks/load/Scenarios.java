package dev.freeway.benchmarks.load;

import java.util.List;

/** The scenarios, what each reports first, and which servers can serve each. */
final class Scenarios {
    static final List<String> ALL = List.of("echo-64", "latency-64", "echo-64k", "echo-4m", "deflate-64", "idle", "churn", "hash");

    private Scenarios() {
    }

    /** How a scenario is judged. */
    record Spec(String name, String title, String primary, boolean higherIsBetter, boolean smallHeap) {
    }

    static Spec spec(String name) {
        return switch (name) {
            case "echo-64" -> new Spec(name, "Echo of 64 B text", "msgPerSec", true, false);
            case "latency-64" -> new Spec(name, "Latency of 64 B text at " + Math.round(PacedRun.SHARE_OF_PEAK * 100)
                    + " % of each server's own echo-64 rate", "p99us", false, false);
            case "echo-64k" -> new Spec(name, "Echo of 64 KiB binary", "MBps", true, false);
            case "echo-4m" -> new Spec(name, "Echo of 4 MiB binary", "MBps", true, false);
            case "deflate-64" -> new Spec(name, "Echo of 64 B text with permessage-deflate", "msgPerSec", true, false);
            case "idle" -> new Spec(name, "Idle connections", "heapPerConnKiB", false, false);
            case "churn" -> new Spec(name, "Connection churn (open, close handshake, next)", "cyclesPerSec", true, false);
            case "hash" -> new Spec(name, "One message into the SHA-256 endpoint, server at -Xmx64m", "MBps", true, true);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Whether {@code kind} takes part in {@code scenario}: it does unless {@link #notServed} says why not. */
    static boolean serves(ServerKind kind, String scenario) {
        return notServed(kind, scenario) == null;
    }

    /** Why {@code kind} does not take part in {@code scenario}, for RESULTS.md; {@code null} when it does. */
    static String notServed(ServerKind kind, String scenario) {
        if (kind == ServerKind.CEILING && scenario.equals("deflate-64")) {
            return "n/a: the ceiling speaks no extension";
        }
        if (kind == ServerKind.CEILING && scenario.equals("hash")) {
            return "n/a: the ceiling echoes, it has no /hash";
        }
        if (kind == ServerKind.NETTY && scenario.equals("hash")) {
            return "n/a: Netty's frame decoder holds a whole frame before passing it on, so a 1 GiB frame cannot be taken in parts";
        }
        if (kind == ServerKind.TYRUS_GRIZZLY && scenario.equals("deflate-64")) {
            return "n/a: Tyrus keeps permessage-deflate in a separate module (tyrus-extension-deflate) that an endpoint must configure"
                    + " itself; the shared EchoEndpoint does not";
        }
        return null;
    }

    /** Runs {@code scenario} once against {@code server}. */
    static Result run(String scenario, ServerProcess server, Settings s, int round, List<Result> earlier) throws Exception {
        String death = server.death();
        if (death != null) {
            return Result.failed(scenario, server.kind(), round, death);
        }
        return switch (scenario) {
            case "echo-64" -> EchoRun.text(scenario, server, s, round, 64, false, s.smallConnections(), s.smallWindow());
            case "deflate-64" -> EchoRun.text(scenario, server, s, round, 64, true, s.smallConnections(), s.smallWindow());
            case "latency-64" -> PacedRun.run(scenario, server, s, round, earlier);
            case "echo-64k" -> EchoRun.binary(scenario, server, s, round, 64 * 1024, s.kibConnections(), s.kibWindow());
            case "echo-4m" -> EchoRun.binary(scenario, server, s, round, 4 * 1024 * 1024, s.mibConnections(), 1);
            case "idle" -> IdleRun.run(scenario, server, s, round);
            case "churn" -> ChurnRun.run(scenario, server, s, round);
            case "hash" -> HashRun.run(scenario, server, s, round);
            default -> throw new IllegalArgumentException(scenario);
        };
    }
}
