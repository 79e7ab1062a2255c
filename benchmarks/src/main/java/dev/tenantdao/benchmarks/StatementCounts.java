package dev.tenantdao.benchmarks;

import dev.tenantdao.testkit.RecordingDataSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Statements each contender prepares per operation (the round trips it costs, not counting
 * BEGIN/COMMIT a transaction adds): each benchmark method run once on a recording data source.
 * Run with {@code JAVA_OPTS=-Dbench.record=true benchmarks/run main dev.tenantdao.benchmarks.StatementCounts}.
 */
public final class StatementCounts {

    private StatementCounts() {}

    public static void main(String[] args) throws Exception {
        Fixture fixture = new Fixture();
        fixture.setUp();
        RecordingDataSource recording = fixture.recordingForCounts();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Object benchmark : new Object[] {new CrudBenchmark(), new RepositoryBenchmark()}) {
            for (var method : benchmark.getClass().getDeclaredMethods()) {
                if (method.getAnnotation(org.openjdk.jmh.annotations.Benchmark.class) == null) {
                    continue;
                }
                method.invoke(benchmark, fixture);            // warm: metadata queries, caches
                recording.reset();
                method.invoke(benchmark, fixture);
                counts.put(method.getName(), recording.statements().size());
            }
        }
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf("%-28s %d%n", e.getKey(), e.getValue()));
        fixture.removeInserted();
        fixture.tearDown();
    }
}
