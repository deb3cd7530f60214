package dev.freeway.examples.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes what the launcher unpacked. */
public final class TempFiles {
    private static final System.Logger LOG = System.getLogger(TempFiles.class.getName());

    private TempFiles() {
    }

    /** Deletes {@code root} and everything under it; what cannot be deleted is logged and left. */
    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete " + root + " entirely", e);
        }
    }
}
