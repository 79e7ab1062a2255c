package dev.tenantdao.samples.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.HistoryEntry.Operation;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 8 threads update the same and different rows of several tenants at once (a third of the updates
 * change nothing); afterwards every row's history versions are exactly 1..n, and its last history
 * row equals the row (or records its delete).
 */
class AuditConcurrencyTest {

    private static final int THREADS = 8;
    private static final int UPDATES_PER_THREAD = 300;
    private static final List<String> TENANTS = List.of("acme", "globex", "initech");
    private static final int ROWS_PER_TENANT = 4;

    @Test
    void versionsHaveNoGapsOrDuplicates() throws Exception {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("audit_concurrency"), Counter.class);
        HikariConfig config = new HikariConfig();
        config.setDataSource(server.applicationRole("tenantdao_app", "audit_concurrency"));
        config.setMaximumPoolSize(THREADS);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            CounterDao counters = new CounterDao(new Database(pool));
            for (String tenant : TENANTS) {
                for (long id = 1; id <= ROWS_PER_TENANT; id++) {
                    long row = id;
                    TenantContext.runAs(tenant, () -> counters.insert(new Counter(row, 0, "nobody")));
                }
            }
            AtomicInteger changed = new AtomicInteger();
            AtomicInteger unchanged = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    Random random = new Random(thread);
                    for (int i = 0; i < UPDATES_PER_THREAD; i++) {
                        String tenant = TENANTS.get(random.nextInt(TENANTS.size()));
                        long id = 1 + random.nextInt(ROWS_PER_TENANT);
                        boolean noChange = random.nextInt(3) == 0;
                        TenantContext.runAs(tenant, () -> {
                            Counter current = counters.findById(id).orElseThrow();
                            counters.update(noChange ? current
                                    : new Counter(id, current.hits() + 1, "thread-" + thread + "-" + System.nanoTime()));
                        });
                        (noChange ? unchanged : changed).incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            executor.shutdown();
            for (String tenant : TENANTS) {
                TenantContext.runAs(tenant, () -> counters.deleteById(1L));
            }

            int rows = 0;
            long historyRows = 0;
            for (String tenant : TENANTS) {
                for (long id = 1; id <= ROWS_PER_TENANT; id++) {
                    long row = id;
                    List<HistoryEntry<Counter>> history = TenantContext.callAs(tenant, () -> counters.history(row));
                    historyRows += history.size();
                    List<Long> versions = history.stream().map(HistoryEntry::version).toList();
                    List<Long> expected = new ArrayList<>();
                    for (long v = history.size(); v >= 1; v--) {
                        expected.add(v);
                    }
                    assertEquals(expected, versions, tenant + "/" + id + ": versions must be n..1 without gaps");
                    Optional<Counter> current = TenantContext.callAs(tenant, () -> counters.findById(row));
                    HistoryEntry<Counter> last = history.get(0);
                    if (current.isPresent()) {
                        assertEquals(current.get(), last.entity(), tenant + "/" + id);
                    } else {
                        assertEquals(Operation.DELETE, last.operation());
                    }
                    rows++;
                }
            }
            System.out.printf("audit concurrency: %d threads, %d updates (%d changing, %d not), %d rows,"
                    + " %d history rows, 0 gaps%n", THREADS, changed.get() + unchanged.get(), changed.get(),
                    unchanged.get(), rows, historyRows);
            assertTrue(historyRows < changed.get() + unchanged.get(), "updates that changed nothing wrote no history");
        }
    }
}
