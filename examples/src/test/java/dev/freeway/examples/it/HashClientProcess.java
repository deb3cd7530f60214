package dev.freeway.examples.it;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -cp freeway-demo.jar dev.freeway.examples.HashClient ...} as a user runs it.
 *
 * @param exitCode the client's exit status
 * @param output   what it printed, stdout then stderr
 */
record HashClientProcess(int exitCode, String output) {

    static HashClientProcess run(String variant, URI url, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(Artifacts.java().toString(), "-Xmx64m", "-cp",
                Artifacts.demoJar().toString(), "dev.freeway.examples.HashClient", "--variant", variant,
                "--url", url.toString(), "--timeout", "30"));
        command.addAll(List.of(more));
        Path out = Files.createTempFile(Artifacts.logDirectory(), "hash-client-" + variant + "-", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new IllegalStateException("the hash client did not finish in 120 s; its output: " + out);
        }
        return new HashClientProcess(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }
}
