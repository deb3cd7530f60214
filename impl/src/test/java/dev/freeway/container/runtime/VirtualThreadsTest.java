package dev.freeway.container.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code dev.freeway.executor=virtual}: on Java 21 and later the workers are virtual threads named
 * after the container; on Java 17 (the baseline) the bounded platform pool serves instead. Either
 * way the workers running a task are counted for the meters.
 */
class VirtualThreadsTest {

    @Test
    void workersAreVirtualWhereJavaHasThemAndPooledOtherwise() throws Exception {
        try (ContainerResources resources = new ContainerResources("vt", WorkerSettings.standard().withVirtualThreads(true))) {
            CompletableFuture<Thread> ran = new CompletableFuture<>();
            resources.executor().execute(() -> ran.complete(Thread.currentThread()));
            Thread worker = ran.get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> resources.workerThreadsActive() == 0); // that task's worker is done
            CompletableFuture<Void> release = new CompletableFuture<>();
            CompletableFuture<Integer> busy = new CompletableFuture<>();
            resources.executor().execute(() -> {
                busy.complete(resources.workerThreadsActive()); // this task's own worker, counted while it runs
                release.join();
            });
            try {
                assertThat(busy.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            } finally {
                release.complete(null);
            }
            assertThat(worker.getName()).startsWith("vt-worker-");
            if (Runtime.version().feature() >= 21) {
                assertThat((boolean) Thread.class.getMethod("isVirtual").invoke(worker)).as("a virtual thread").isTrue();
            } else {
                assertThat(worker.isDaemon()).as("a worker of the platform pool").isTrue();
            }
        }
    }
}
