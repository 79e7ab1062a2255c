package dev.tenantdao.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaScale}'s smoke mode, part of {@code mvn verify}: 20 tenant schemas (its own prefix, so it never drops a
 * timed run's), both distributions, a fixed number of calls per measurement, no timing asserted. What is asserted
 * is what the harness checks as it goes (it throws otherwise): every tenant sees exactly its own rows through every
 * contender, after creation and after the calls; the search path contender leaves no tenant's path on its pooled
 * connection, fails for a tenant without a schema instead of reading the shared schema's table of the same name,
 * and is not fooled by a temporary table; and that every measurement and memory step was made.
 */
class SchemaScaleTest {

    @Test
    void twentySchemasEveryTenantSeesExactlyItsRows() throws Exception {
        SchemaScale.Config config = new SchemaScale.Config("scale_smoke_", 20, 60, List.of(10, 20),
                List.of("uniform", "zipf"), 2, 0, 0, 15, 1, List.of(0, 10, 20), 6, List.of(SchemaScale.OPERATIONS), false);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SchemaScale scale = new SchemaScale(config, new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            scale.run();
        } finally {
            scale.dropSchemas();
        }
        assertEquals(2, scale.checkedAllTenants, "every tenant checked after creation and after the calls");
        // 2 distributions x 2 rounds x 2 levels x 4 operations x 3 contenders, 15 calls each
        assertEquals(96, scale.measurements.size());
        assertTrue(scale.measurements.stream().allMatch(m -> m.calls() == 15), scale.measurements::toString);
        // 3 variants x 3 steps, read on the backend that made the calls
        assertEquals(9, scale.memory.size());
        assertTrue(scale.memory.stream().allMatch(m -> m.totalBytes() > 0), scale.memory::toString);
        // one text for every tenant: the three statements of each of its two texts (find-by-id, page) are prepared on
        // the server once, whatever the number of tenants
        SchemaScale.Memory searchPath = scale.memory.get(8);
        assertEquals("searchPath", searchPath.variant());
        assertEquals(6, searchPath.prepared(), searchPath::toString);
        String report = printed.toString(StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "schema-scale-smoke.md"), report);
        assertTrue(report.contains("### Throughput, zipf") && report.contains("### Creating tenants"), report);
    }
}
