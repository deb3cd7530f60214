package dev.freeway.benchmarks.load;

import dev.freeway.benchmarks.load.client.EventLoop;
import dev.freeway.benchmarks.load.client.Workload;

import java.net.InetSocketAddress;
import java.util.concurrent.Callable;

/** Helpers the scenario runs share: a client on the server's port, waiting, and CPU shares. */
final class Measured {
    private Measured() {
    }

    static EventLoop client(ServerProcess server) throws java.io.IOException {
        return new EventLoop(new InetSocketAddress("127.0.0.1", server.port()));
    }

    /** Waits until {@code done} holds (asked on the loop's thread), the workload fails, or the time is up. */
    static boolean await(EventLoop loop, Workload w, Callable<Boolean> done, double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            if (w.failure() != null) {
                return false;
            }
            if (loop.call(done)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /**
     * Lets the warm-up pass, runs {@code start} on the loop's thread, and measures CPU from then on
     * for the measured duration; returns the CPU readings taken at the start.
     */
    static Cpu warmUpThenMeasure(EventLoop loop, ServerProcess server, Settings s, Runnable start)
            throws InterruptedException {
        sleep(s.warmupSeconds());
        loop.call(() -> {
            start.run();
            return null;
        });
        Cpu cpu = Cpu.start(loop, server);
        sleep(s.durationSeconds());
        return cpu;
    }

    static void sleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }

    /** CPU of client and server over a measured interval, in cores. */
    record Cpu(long clientStartNanos, double serverStartSeconds, long wallStartNanos) {
        static Cpu start(EventLoop loop, ServerProcess server) {
            return new Cpu(loop.cpuNanos(), server.cpuSeconds(), System.nanoTime());
        }

        double clientCores(EventLoop loop, long wallEnd) {
            return (loop.cpuNanos() - clientStartNanos) / (double) (wallEnd - wallStartNanos);
        }

        double serverCores(ServerProcess server, long wallEnd) {
            return (server.cpuSeconds() - serverStartSeconds) / ((wallEnd - wallStartNanos) / 1e9);
        }
    }
}
