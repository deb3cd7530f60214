package dev.freeway.benchmarks;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Reports, per iteration, how much CPU the benchmark's JVM got: process CPU time over wall
 * time (1.0 = one core all the time). On a shared machine other processes take the core away
 * for part of an iteration, which lowers the wall-clock score without the code getting any
 * slower. It also reports each iteration's score divided by that share, {@code perCpu}:
 * throughput per CPU-second, which {@link ResultsTable} prints next to the raw score.
 *
 * <p>Use with {@code -prof dev.freeway.benchmarks.CpuShareProfiler}. The share includes the
 * JIT and GC threads, so allocation costs stay in; after warm-up the JIT is mostly idle.
 */
public final class CpuShareProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "CPU share of the benchmark JVM (process CPU time / wall time)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    @Override
    public List<ScalarResult> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                             IterationResult result) {
        double share = (double) (os.getProcessCpuTime() - cpuStart) / (System.nanoTime() - wallStart);
        double perCpu = result.getPrimaryResult().getScore() / share;
        return List.of(new ScalarResult("cpu.share", share, "CPUs", AggregationPolicy.AVG),
                new ScalarResult("perCpu", perCpu, "ops/cpu-s", AggregationPolicy.AVG));
    }
}
