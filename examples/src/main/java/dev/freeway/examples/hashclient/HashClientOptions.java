package dev.freeway.examples.hashclient;

import java.net.URI;
import java.util.OptionalLong;

/**
 * What a hash client run was asked for.
 *
 * @param variant        which client
 * @param url            the server's WebSocket URL
 * @param bytes          how many bytes to send, rounded up to whole messages, frames or batches;
 *                       empty to send until stopped, as the tutorial's clients do
 * @param size           bytes per message or frame; for the stream variant, per chunk sent
 * @param timeoutSeconds how long to wait for each digest
 * @param quiet          print only the summary, not every digest
 */
public record HashClientOptions(Variant variant, URI url, OptionalLong bytes, int size, long timeoutSeconds,
                                boolean quiet) {

    /** The tutorial's 1 MiB messages, frames and batches. */
    public static final int DEFAULT_SIZE = 1024 * 1024;

    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -cp freeway-demo.jar dev.freeway.examples.HashClient --variant message|frame|stream",
            "              [--url ws://localhost:8080/hash/VARIANT] [--bytes N] [--size N] [--timeout SECONDS] [--quiet]",
            "  --variant  message: whole messages; frame: frames of one message; stream: one frame of 2^63-1 bytes",
            "  --url      the hash server (default ws://localhost:8080/hash/<variant>)",
            "  --bytes    stop after this much data, like 16m or 4g (default: run until stopped)",
            "  --size     bytes per message or frame, or per chunk of the stream (default 1m)",
            "  --timeout  seconds to wait for each digest (default 60)",
            "  --quiet    print only the summary",
            "Sizes take k, m, g suffixes (powers of 1024). Exit status: 0 all digests matched, 1 a digest did not,",
            "2 bad arguments, 3 the connection failed or closed early.");

    public HashClientOptions {
        if (size <= 0) {
            throw new IllegalArgumentException("--size must be positive");
        }
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
    }

    /** Parses the command line; throws {@link IllegalArgumentException} with a message for the user. */
    public static HashClientOptions parse(String... args) {
        Variant variant = null;
        URI url = null;
        OptionalLong bytes = OptionalLong.empty();
        long size = DEFAULT_SIZE;
        long timeout = 60;
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--variant" -> variant = Variant.parse(value(args, ++i, arg));
                case "--url" -> url = URI.create(value(args, ++i, arg));
                case "--bytes" -> bytes = OptionalLong.of(ByteSize.parse(value(args, ++i, arg)));
                case "--size" -> size = ByteSize.parse(value(args, ++i, arg));
                case "--timeout" -> timeout = Long.parseLong(value(args, ++i, arg));
                case "--quiet" -> quiet = true;
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (variant == null) {
            throw new IllegalArgumentException("--variant is required");
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("--size must be below 2g");
        }
        if (url == null) {
            url = URI.create("ws://localhost:8080" + variant.defaultPath());
        }
        return new HashClientOptions(variant, url, bytes, (int) size, timeout, quiet);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
