package dev.tenantdao.samples.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Audited bulk updates from a repository, as the application connects (row-level security): 8
 * threads run them at once on overlapping rows of three tenants, mixed with single-row updates and
 * with bulk updates that match rows without changing them (without locking rows in id order, such
 * statements deadlock each other); afterwards every row's history versions
 * are exactly 1..n, its last history row equals the row, the hits counted by the statements' own
 * counts are the hits in the rows, and a bulk update rolled back left neither rows nor history.
 */
class AuditedBulkUpdateTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = Integer.getInteger("tenantdao.bulk.operations", 150);
    private static final List<String> TENANTS = List.of("acme", "globex", "initech");
    private static final int ROWS_PER_TENANT = 6;

    @Test
    void concurrentBulkUpdatesRecordEveryChangeOnceAndNothingElse() throws Exception {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("audited_bulk"), Counter.class);
        HikariConfig config = new HikariConfig();
        config.setDataSource(server.applicationRole("tenantdao_app", "audited_bulk"));
        config.setMaximumPoolSize(THREADS);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Database database = new Database(pool);
            CounterDao counters = new CounterDao(database);
            Counters bulk = new CountersImpl(database);
            for (String tenant : TENANTS) {
                for (long id = 1; id <= ROWS_PER_TENANT; id++) {
                    long row = id;
                    TenantContext.runAs(tenant, () -> counters.insert(new Counter(row, 0, "nobody")));
                }
            }
            Map<String, AtomicLong> hits = new HashMap<>();
            TENANTS.forEach(tenant -> hits.put(tenant, new AtomicLong()));
            ExecutorService executor = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    Random random = new Random(thread);
                    for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                        String tenant = TENANTS.get(random.nextInt(TENANTS.size()));
                        int kind = random.nextInt(3);
                        TenantContext.runAs(tenant, () -> {
                            if (kind == 0) {
                                List<Long> ids = new ArrayList<>();
                                for (long id = 1; id <= ROWS_PER_TENANT; id++) {
                                    if (random.nextBoolean()) {
                                        ids.add(id);
                                    }
                                }
                                hits.get(tenant).addAndGet(bulk.hit(ids, "bulk-" + thread));
                            } else if (kind == 1) {
                                bulk.signAll(random.nextInt(5), "signer");     // often the rows' writer already
                            } else {
                                bulk.sign(1 + random.nextInt(ROWS_PER_TENANT), "single-" + thread);
                            }
                        });
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            executor.shutdown();

            for (String tenant : TENANTS) {
                long total = 0;
                for (long id = 1; id <= ROWS_PER_TENANT; id++) {
                    long row = id;
                    List<HistoryEntry<Counter>> history = TenantContext.callAs(tenant, () -> counters.history(row));
                    List<Long> expected = new ArrayList<>();
                    for (long v = history.size(); v >= 1; v--) {
                        expected.add(v);
                    }
                    assertEquals(expected, history.stream().map(HistoryEntry::version).toList(),
                            tenant + "/" + id + ": versions n..1 without gaps or duplicates");
                    Counter current = TenantContext.callAs(tenant, () -> counters.findById(row)).orElseThrow();
                    assertEquals(current, history.get(0).entity(), tenant + "/" + id + ": the last version is the row");
                    for (int v = 0; v + 1 < history.size(); v++) {
                        assertEquals(false, history.get(v).entity().equals(history.get(v + 1).entity()),
                                tenant + "/" + id + ": a version that changed nothing was recorded");
                    }
                    total += current.hits();
                }
                assertEquals(hits.get(tenant).get(), total, tenant + ": the hits the bulk updates counted");
            }

            // rolled back: neither the rows nor their history change
            long before = TenantContext.callAs("acme", () -> counters.history(1L)).size();
            Counter row = TenantContext.callAs("acme", () -> counters.findById(1L)).orElseThrow();
            assertThrows(IllegalStateException.class, () -> TenantContext.runAs("acme", () ->
                    database.useTransaction(tx -> {
                        assertEquals(ROWS_PER_TENANT, bulk.hit(List.of(1L, 2L, 3L, 4L, 5L, 6L), "rolled-back"));
                        throw new IllegalStateException("the business rule says no");
                    })));
            assertEquals(before, TenantContext.callAs("acme", () -> counters.history(1L)).size());
            assertEquals(row, TenantContext.callAs("acme", () -> counters.findById(1L)).orElseThrow());
        }
    }
}
