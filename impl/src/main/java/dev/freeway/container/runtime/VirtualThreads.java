package dev.freeway.container.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Virtual threads where the running Java has them (21 and later), found at run time: Freeway is
 * built for Java 17, whose class library has no {@code Thread.ofVirtual()}. A virtual thread per
 * task needs no bound of its own: no task of Freeway's waits for a peer, and one that blocks in the
 * application's code costs no platform thread.
 */
final class VirtualThreads {
    private VirtualThreads() {
    }

    /** Whether this Java runs virtual threads. */
    static boolean available() {
        return Runtime.version().feature() >= 21;
    }

    /**
     * An executor that starts a virtual thread named {@code prefix-N} per task, or nothing before
     * Java 21; {@code alive} counts the threads running.
     */
    static Optional<ExecutorService> executor(String prefix, AtomicInteger alive) {
        if (!available()) {
            return Optional.empty();
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Object ofVirtual = lookup.findStatic(Thread.class, "ofVirtual",
                    MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual"))).invoke();
            MethodHandle name = lookup.findVirtual(builder, "name", MethodType.methodType(builder, String.class, long.class));
            MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
            ThreadFactory virtual = (ThreadFactory) factory.invoke(name.invoke(ofVirtual, prefix + "-", 1L));
            ThreadFactory threads = task -> virtual.newThread(() -> {
                alive.incrementAndGet();
                try {
                    task.run();
                } finally {
                    alive.decrementAndGet();
                }
            });
            MethodHandle perTask = lookup.findStatic(Executors.class, "newThreadPerTaskExecutor",
                    MethodType.methodType(ExecutorService.class, ThreadFactory.class));
            return Optional.of((ExecutorService) perTask.invoke(threads));
        } catch (VirtualMachineError fatal) {
            throw fatal; // out of memory or stack: nothing here can recover
        } catch (Throwable e) {
            throw new IllegalStateException("Java " + Runtime.version().feature() + " has no usable virtual threads", e);
        }
    }
}
