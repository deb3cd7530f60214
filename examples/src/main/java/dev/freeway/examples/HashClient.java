package dev.freeway.examples;

import dev.freeway.examples.hashclient.HashClientOptions;
import dev.freeway.examples.hashclient.HashClientRun;

/**
 * The tutorial's hash clients on Freeway's client:
 * {@code java -cp freeway-demo.jar dev.freeway.examples.HashClient --variant stream --url
 * ws://localhost:8080/hash/stream --bytes 4g}. Exits with 0 when every digest matched, 1 at the
 * first that did not, 2 for bad arguments, 3 when the connection failed or closed early.
 */
public final class HashClient {
    private HashClient() {
    }

    public static void main(String[] args) {
        HashClientOptions options;
        try {
            options = HashClientOptions.parse(args);
        } catch (IllegalArgumentException e) {
            boolean help = args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
            if (!help) {
                System.err.println(e.getMessage());
            }
            (help ? System.out : System.err).println(HashClientOptions.USAGE);
            System.exit(help ? 0 : HashClientRun.BAD_ARGUMENTS);
            return;
        }
        System.exit(new HashClientRun(options, System.out, System.err).call());
    }
}
