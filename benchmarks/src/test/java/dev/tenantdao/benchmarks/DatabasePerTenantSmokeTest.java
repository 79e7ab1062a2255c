package dev.tenantdao.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link DatabasePerTenant} small, in every build: {@code scale.databases} (6 here) tenant databases over two real
 * servers (the testkit's and an embedded one), real HikariCP pools behind {@code TenantRouting.lazy}. No timing is
 * asserted: every tenant sees exactly its rows, eviction closes a pool's server connections ({@code pg_stat_activity})
 * and the tenant reopens on its next call, a pool in use by a running transaction is not closed under it, the
 * Zipf load and the cold-call measurement run, and the databases are dropped at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabasePerTenantSmokeTest {

    private static final int DATABASES = Integer.getInteger("scale.databases", 6);

    private DatabasePerTenant harness;

    @BeforeAll
    void databases() {
        harness = DatabasePerTenant.start(DATABASES);
    }

    @AfterAll
    void drop() {
        if (harness != null) {
            harness.close();
            assertEquals(0, harness.servers.get(0).count("postgres",
                    "SELECT count(*) FROM pg_database WHERE starts_with(datname, '" + harness.prefix + "')"),
                    "the databases are dropped");
        }
    }

    private Database database(DatabasePerTenant.Routed routed) {
        return routed.database(Postgres.shared().dataSource());
    }

    @Test
    void everyTenantSeesExactlyItsOwnRowsOnBothServers() {
        assertEquals(DATABASES, harness.sanity(2));
        assertTrue(DATABASES >= 4, "at least two databases on each server");
        for (int i = 0; i < 2; i++) {
            assertEquals(1, harness.serverOf(i).count(harness.databaseName(i), "SELECT count(DISTINCT owner) FROM tenant_note"));
        }
    }

    @Test
    void evictionClosesThePoolsConnectionsAndTheTenantReopens() throws Exception {
        try (DatabasePerTenant.Routed routed = harness.lazyRouting(2, 2)) {
            TenantNoteDao notes = new TenantNoteDao(database(routed));
            String t0 = DatabasePerTenant.tenant(0);
            String db0 = harness.databaseName(0);
            assertEquals(t0, TenantContext.callAs(t0, () -> notes.findById(1L)).orElseThrow().owner());
            assertTrue(harness.connectionsOpen(db0) >= 1, "t0's pool holds a connection");
            TenantContext.callAs(DatabasePerTenant.tenant(1), () -> notes.findById(1L));
            TenantContext.callAs(DatabasePerTenant.tenant(2), () -> notes.findById(1L));
            eventually(0, () -> harness.connectionsOpen(db0), "t0 evicted: its pool's connections are closed");
            assertEquals(2, routed.open(), "at most two pools open");
            assertEquals(t0, TenantContext.callAs(t0, () -> notes.findById(2L)).orElseThrow().owner(), "t0 reopens");
            assertTrue(harness.connectionsOpen(db0) >= 1);
            assertEquals(4, routed.created().size(), "t0, t1, t2 and t0 again");
        }
    }

    @Test
    void aPoolInUseByATransactionIsNotClosedUnderIt() throws Exception {
        ExecutorService others = Executors.newSingleThreadExecutor();
        try (DatabasePerTenant.Routed routed = harness.lazyRouting(2, 2)) {
            Database database = database(routed);
            TenantNoteDao notes = new TenantNoteDao(database);
            String t0 = DatabasePerTenant.tenant(0);
            String db0 = harness.databaseName(0);
            Optional<TenantNote> read = TenantContext.callAs(t0, () -> database.inTransaction(tx -> {
                TenantNote first = notes.findById(1L).orElseThrow();
                HikariDataSource inUse = routed.created().get(0);
                // other tenants, on another thread, evict t0's pool while this transaction holds its connection
                others.submit(() -> {
                    for (int i = 1; i <= 3; i++) {
                        String tenant = DatabasePerTenant.tenant(i);
                        TenantContext.callAs(tenant, () -> notes.findById(1L));
                    }
                }).get(60, TimeUnit.SECONDS);
                assertTrue(harness.connectionsOpen(db0) >= 1, "evicted, but its transaction's connection stays open");
                assertFalse(inUse.isClosed(), "evicted, but in use: not closed");
                notes.update(new TenantNote(first.id(), first.owner(), first.quantity() + 1000));
                TenantNote changed = notes.findById(1L).orElseThrow();
                notes.update(first);
                return Optional.of(changed);
            }));
            assertEquals(1001, read.orElseThrow().quantity(), "the transaction went on on its connection");
            HikariDataSource first = routed.created().get(0);
            assertTrue(first.isClosed(), "closed once the transaction gave its connection back");
            // (the transaction's later statements asked the routing for t0's data source, to check they stay in its
            // database: that opened a new pool for t0, which is cached; only its connections may remain)
            eventually(0, () -> harness.connectionsOpen(db0) - routed.created().stream()
                    .filter(pool -> !pool.isClosed() && pool.getPoolName().equals("tenant-0"))
                    .mapToLong(pool -> pool.getHikariPoolMXBean().getTotalConnections()).sum(),
                    "the evicted pool's connection is closed on the server");
            assertEquals(1, TenantContext.callAs(t0, () -> notes.findById(1L)).orElseThrow().quantity(), "committed, restored");
        } finally {
            others.shutdownNow();
        }
    }

    @Test
    void theZipfLoadAndTheColdCallsRun() throws Exception {
        DatabasePerTenant.Zipf zipf = new DatabasePerTenant.Zipf(DATABASES, 1.0);
        try (DatabasePerTenant.Routed routed = harness.lazyRouting(2, 2)) {
            DatabasePerTenant.Load load = harness.run("smoke", new TenantNoteDao(database(routed)), zipf, 3, 0, 1, true);
            assertTrue(load.operations() > 0, load.toString());
            assertEquals(0, load.wrongRows(), "every row read is the tenant's own");
        }
        DatabasePerTenant.ColdWarm calls = harness.coldCalls(DATABASES, 2);
        assertEquals(DATABASES, calls.cold().length);
        eventually(0, () -> harness.connectionsOpen(null), "every pool closed with its routing");
    }

    private static void eventually(long expected, LongSupplier actual, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long value = actual.getAsLong();
        while (value != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            value = actual.getAsLong();
        }
        assertEquals(expected, value, what);
    }
}
