package dev.tenantdao.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * What the benchmark's own threads (JMH's workers, which run the contender's code, the pool's and the driver's
 * included) cost per operation, measured per iteration: bytes allocated ({@code client.alloc.norm}) and CPU time
 * ({@code client.cpu.norm}). {@code -prof gc}'s {@code gc.alloc.rate.norm} divides every thread's allocation by the
 * operations, so the fork's background threads' steady allocation (JMH's own, the pool's housekeeping) weighs more
 * per operation when the operations are slower; these two count only the work an operation does on the client,
 * whatever the server's and the machine's speed. CPU time still moves with the machine (caches, frequency, other
 * processes on the core); instructions would not, but need hardware counters ({@code -prof perfnorm}).
 * {@code -prof dev.tenantdao.benchmarks.ClientProfiler}; {@code benchmarks/run compare} adds it.
 */
public final class ClientProfiler implements InternalProfiler {

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private Map<Long, long[]> before = Map.of();

    public ClientProfiler() {
        threads.setThreadAllocatedMemoryEnabled(true);
        threads.setThreadCpuTimeEnabled(true);
    }

    @Override
    public String getDescription() {
        return "bytes allocated and CPU time per operation of the benchmark's own (JMH worker) threads";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = workers();
    }

    @Override
    public List<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        if (ops == 0) {
            return List.of();
        }
        long bytes = 0;
        long cpu = 0;
        for (Map.Entry<Long, long[]> worker : workers().entrySet()) {
            long[] start = before.getOrDefault(worker.getKey(), new long[2]);
            bytes += worker.getValue()[0] - start[0];
            cpu += worker.getValue()[1] - start[1];
        }
        return List.of(
                new ScalarResult("client.alloc.norm", (double) bytes / ops, "B/op", AggregationPolicy.AVG),
                new ScalarResult("client.cpu.norm", (double) cpu / ops, "ns/op", AggregationPolicy.AVG));
    }

    /** Allocated bytes and CPU nanoseconds so far of each live JMH worker thread, by id. */
    private Map<Long, long[]> workers() {
        Map<Long, long[]> workers = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().contains("-jmh-worker-")) {
                long id = thread.getId();
                workers.put(id, new long[] {threads.getThreadAllocatedBytes(id), threads.getThreadCpuTime(id)});
            }
        }
        return workers;
    }
}
