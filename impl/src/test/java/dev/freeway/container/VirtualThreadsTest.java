package dev.freeway.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code dev.freeway.executor=virtual}: on Java 21 and later the workers are virtual threads named
 * after the container; on Java 17 (the baseline) the bounded platform pool serves instead.
 */
class VirtualThreadsTest {

    @Test
    void workersAreVirtualWhereJavaHasThemAndPooledOtherwise() throws Exception {
        try (ContainerResources resources = new ContainerResources("vt", WorkerSettings.standard().withVirtualThreads(true))) {
            CompletableFuture<Thread> ran = new CompletableFuture<>();
            resources.executor().execute(() -> ran.complete(Thread.currentThread()));
            Thread worker = ran.get(10, TimeUnit.SECONDS);
            assertThat(worker.getName()).startsWith("vt-worker-");
            if (Runtime.version().feature() >= 21) {
                assertThat((boolean) Thread.class.getMethod("isVirtual").invoke(worker)).as("a virtual thread").isTrue();
            } else {
                assertThat(worker.isDaemon()).as("a worker of the platform pool").isTrue();
            }
        }
    }
}
