package dev.freeway.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.examples.launcher.ContainerKind;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The streaming hash server takes one frame four times larger than its whole heap: 256 MiB into
 * a server started with {@code -Xmx64m} (and a client with {@code -Xmx64m} too). Anything that
 * buffered the frame would fail with an OutOfMemoryError long before the end.
 */
class StreamMemoryIT {
    private static final System.Logger LOG = System.getLogger(StreamMemoryIT.class.getName());

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void streamsAFrameLargerThanTheHeapInConstantMemory(ContainerKind kind) throws Exception {
        try (DemoProcess demo = DemoProcess.start(kind, "-Xmx64m")) {
            HashClientProcess run = HashClientProcess.run("stream", demo.ws("hash/stream"), "--bytes", "256m", "--quiet");
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("OK: 256 digests matched, 256.0 MiB sent");
            LOG.log(System.Logger.Level.INFO, "{0} at -Xmx64m after 256 MiB: {1}", kind, peakResidentMemory(demo.pid()));
        }
    }

    /** The server's peak resident set (Linux), for the record. */
    private static String peakResidentMemory(long pid) throws Exception {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            return "unknown";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM")).findFirst().orElse("unknown");
    }
}
