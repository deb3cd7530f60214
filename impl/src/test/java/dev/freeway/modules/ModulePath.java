package dev.freeway.modules;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a probe's {@code main} in a new JVM with chosen parts of this JVM's class path on the
 * module path, so a test can watch Freeway's module descriptors work as a modular application
 * would use them; the probe itself stays on the class path.
 */
public final class ModulePath {

    private ModulePath() {
    }

    /**
     * Starts {@code probe} with {@code modules} and every class path entry (with {@code /} as the
     * separator) in which {@code fromClassPath} is found on the module path, {@code root} added
     * to the boot layer.
     *
     * @return the lines the probe printed
     * @throws AssertionError if the probe did not exit with 0 within a minute (with its output)
     */
    public static List<String> run(List<Path> modules, Pattern fromClassPath, String root, Class<?> probe,
            String... args) throws IOException, InterruptedException {
        List<String> modulePath = new ArrayList<>();
        modules.forEach(p -> modulePath.add(p.toAbsolutePath().toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (fromClassPath.matcher(entry.replace('\\', '/')).find()) {
                modulePath.add(entry);
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", String.join(File.pathSeparator, modulePath), "--add-modules", root,
                "-cp", location(probe), probe.getName()));
        command.addAll(Arrays.asList(args));
        Path log = Files.createTempFile("module-path-probe", ".log");
        try {
            // to a file, so a probe that never exits fails the test after a minute instead of
            // holding a pipe open that this thread would read forever
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean exited = process.waitFor(1, TimeUnit.MINUTES);
            if (!exited) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (!exited || process.exitValue() != 0) {
                throw new AssertionError("the probe " + (exited ? "failed" : "did not exit within a minute")
                        + " on the module path " + modulePath + ":\n" + output);
            }
            return output.lines().toList();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
