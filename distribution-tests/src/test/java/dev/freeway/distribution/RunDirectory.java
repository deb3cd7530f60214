package dev.freeway.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** File chores for the runs' directories under {@code target/}: emptying one, copying a tree. */
final class RunDirectory {
    private RunDirectory() {
    }

    /** Deletes what a previous run left in {@code dir} and creates it anew. */
    static void empty(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** Copies the tree {@code from} to {@code to}, keeping file attributes (the scripts' exec bits). */
    static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IllegalStateException(from + " is not there: the build unpacks the distributions before the tests");
        }
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                try {
                    Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
