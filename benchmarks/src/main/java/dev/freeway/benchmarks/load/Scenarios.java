package dev.freeway.benchmarks.load;

import java.util.List;

/** The scenarios, what each reports first, and which servers can serve each. */
final class Scenarios {
    static final List<String> ALL = List.of("echo-64", "echo-64k", "echo-4m", "deflate-64", "idle", "churn", "hash");

    private Scenarios() {
    }

    /** How a scenario is judged. */
    record Spec(String name, String title, String primary, boolean higherIsBetter, boolean smallHeap) {
    }

    static Spec spec(String name) {
        return switch (name) {
            case "echo-64" -> new Spec(name, "Echo of 64 B text", "msgPerSec", true, false);
            case "echo-64k" -> new Spec(name, "Echo of 64 KiB binary", "MBps", true, false);
            case "echo-4m" -> new Spec(name, "Echo of 4 MiB binary", "MBps", true, false);
            case "deflate-64" -> new Spec(name, "Echo of 64 B text with permessage-deflate", "msgPerSec", true, false);
            case "idle" -> new Spec(name, "Idle connections", "heapPerConnKiB", false, false);
            case "churn" -> new Spec(name, "Connection churn (open, close handshake, next)", "cyclesPerSec", true, false);
            case "hash" -> new Spec(name, "One message into the SHA-256 endpoint, server at -Xmx64m", "MBps", true, true);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * The bare ceiling speaks no WebSocket: it serves the plain echoes (its echo of the client's
     * own frames counts alike), idle connections and churn (it echoes the close frame), not
     * permessage-deflate or hashing.
     */
    static boolean serves(ServerKind kind, String scenario) {
        return kind.role() != ServerKind.Role.CEILING || !(scenario.equals("deflate-64") || scenario.equals("hash"));
    }

    /** Runs {@code scenario} once against {@code server}. */
    static Result run(String scenario, ServerProcess server, Settings s, int round) throws Exception {
        String death = server.death();
        if (death != null) {
            return Result.failed(scenario, server.kind(), round, death);
        }
        return switch (scenario) {
            case "echo-64" -> EchoRun.text(scenario, server, s, round, 64, false, s.smallConnections(), s.smallWindow());
            case "deflate-64" -> EchoRun.text(scenario, server, s, round, 64, true, s.smallConnections(), s.smallWindow());
            case "echo-64k" -> EchoRun.binary(scenario, server, s, round, 64 * 1024, s.kibConnections(), s.kibWindow());
            case "echo-4m" -> EchoRun.binary(scenario, server, s, round, 4 * 1024 * 1024, s.mibConnections(), 1);
            case "idle" -> IdleRun.run(scenario, server, s, round);
            case "churn" -> ChurnRun.run(scenario, server, s, round);
            case "hash" -> HashRun.run(scenario, server, s, round);
            default -> throw new IllegalArgumentException(scenario);
        };
    }
}
