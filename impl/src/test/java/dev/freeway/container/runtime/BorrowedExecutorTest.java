package dev.freeway.container.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

class BorrowedExecutorTest {

    @Test
    void countsItsTasksAndShutsDownWithoutShuttingTheOwnerDown() throws Exception {
        ExecutorService owner = Executors.newFixedThreadPool(2);
        try {
            BorrowedExecutor borrowed = new BorrowedExecutor(owner);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            borrowed.execute(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(borrowed.running()).isEqualTo(1);

            borrowed.shutdown();
            assertThatThrownBy(() -> borrowed.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
            assertThat(borrowed.awaitTermination(50, TimeUnit.MILLISECONDS)).as("its task still runs").isFalse();
            release.countDown();
            assertThat(borrowed.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(borrowed.running()).isZero();
            assertThat(owner.isShutdown()).as("the platform's executor").isFalse();
        } finally {
            owner.shutdownNow();
        }
    }

    @Test
    void aTaskTheOwnerRefusesIsNotCounted() {
        ExecutorService owner = Executors.newSingleThreadExecutor();
        owner.shutdown();
        BorrowedExecutor borrowed = new BorrowedExecutor(owner);
        assertThatThrownBy(() -> borrowed.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThat(borrowed.running()).isZero();
    }
}
