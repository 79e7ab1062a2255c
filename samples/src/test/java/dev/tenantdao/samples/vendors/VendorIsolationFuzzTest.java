package dev.tenantdao.samples.vendors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoVendorException;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantRouting;
import dev.tenantdao.samples.vendors.StockStore.Stock;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Vendors inside tenants, fuzzed: a seeded random walk over the generated methods of a
 * vendor-scoped entity under random (tenant, vendor) pairs, explicit tenant-wide blocks and calls
 * with a tenant but neither, for each tenancy strategy, checked after every step against an
 * in-memory model: a vendor never sees or changes another vendor's rows, a tenant-wide call never
 * another tenant's, and a call with neither (or a tenant-wide insert) is refused before any
 * connection is taken. The row strategy runs as a non-superuser role, so row-level security applies.
 *
 * <p>{@code -Dtenantdao.vendors.operations=1000000} scales it (default 3,000 per strategy);
 * {@code -Dtenantdao.vendors.seed=N} replays a run.
 */
class VendorIsolationFuzzTest {

    private static final int OPERATIONS = Integer.getInteger("tenantdao.vendors.operations", 3_000);
    private static final long SEED = Long.getLong("tenantdao.vendors.seed", 20261129L);
    private static final List<String> TENANTS = List.of("t0", "t1", "t2");
    /** The same vendor ids in every tenant: a vendor is only ever a vendor of its tenant. */
    private static final List<String> VENDORS = List.of("v0", "v1", "v2");
    private static final List<HikariDataSource> POOLS = new ArrayList<>();

    @AfterAll
    static void closePools() {
        POOLS.forEach(HikariDataSource::close);
    }

    private static HikariDataSource pool(DataSource target) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(target);
        config.setMaximumPoolSize(2);
        HikariDataSource pool = new HikariDataSource(config);
        POOLS.add(pool);
        return pool;
    }

    @Test
    void rowStrategyUnderRowLevelSecurity() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("vendors_row"), RowStock.class);
        RecordingDataSource app = new RecordingDataSource(pool(server.applicationRole("tenantdao_app", "vendors_row")));
        Database database = new Database(app);
        new Walk("row", StockStore.of(new RowStockDao(database)), app, () -> 0, true).run();
    }

    @Test
    void schemaPerTenant() {
        Postgres server = Postgres.shared();
        RecordingDataSource admin = new RecordingDataSource(pool(server.freshSchema("vendors_schema")));
        Database database = Database.builder(admin).schemaMapping(tenant -> "vendors_" + tenant).build();
        for (String tenant : TENANTS) {
            server.freshSchema("vendors_" + tenant);
            database.createTenant(tenant, SchemaStock.class);
        }
        new Walk("schema", StockStore.of(new SchemaStockDao(database)), admin, () -> 0, false).run();
    }

    @Test
    void databasePerTenant() {
        Postgres server = Postgres.shared();
        Map<String, RecordingDataSource> databases = new HashMap<>();
        for (String tenant : TENANTS) {
            databases.put(tenant, new RecordingDataSource(pool(server.freshDatabase("vendors_db_" + tenant))));
        }
        RecordingDataSource control = new RecordingDataSource(pool(server.freshSchema("vendors_database")));
        Database database = Database.builder(control).routing(TenantRouting.of(new HashMap<>(databases))).build();
        for (String tenant : TENANTS) {
            database.createTenant(tenant, DatabaseStock.class);
        }
        Supplier<Integer> tenantConnections = () ->
                databases.values().stream().mapToInt(RecordingDataSource::connectionCount).sum();
        new Walk("database", StockStore.of(new DatabaseStockDao(database)), control, tenantConnections, false).run();
    }

    /** One random walk over one strategy. */
    private static final class Walk {
        private final String strategy;
        private final StockStore store;
        private final RecordingDataSource recording;
        private final Supplier<Integer> otherConnections;
        private final boolean audited;
        private final Random random = new Random(SEED);
        /** Per tenant, every row by id: its vendor, body and quantity. */
        private final Map<String, TreeMap<Long, Stock>> model = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new TreeMap<>();
        private int step;
        private int bodies;

        Walk(String strategy, StockStore store, RecordingDataSource recording, Supplier<Integer> otherConnections,
                boolean audited) {
            this.strategy = strategy;
            this.store = store;
            this.recording = recording;
            this.otherConnections = otherConnections;
            this.audited = audited;
            TENANTS.forEach(tenant -> model.put(tenant, new TreeMap<>()));
        }

        void run() {
            for (step = 0; step < OPERATIONS; step++) {
                String tenant = pick(TENANTS);
                int dice = random.nextInt(100);
                if (dice < 5) {
                    refusedWithoutVendor(tenant);
                } else if (dice < 8) {
                    refusedTenantWideInsert(tenant);
                } else if (dice < 25) {
                    TenantContext.runTenantWide(tenant, () -> call(tenant, null));
                } else {
                    String vendor = pick(VENDORS);
                    TenantContext.runAsVendor(tenant, vendor, () -> call(tenant, vendor));
                }
                if (step % 500 == 499) {
                    fullCheck();
                }
            }
            fullCheck();
            assertTrue(counts.getOrDefault("refused", 0) > 0 && counts.getOrDefault("tenantWide", 0) > 0,
                    () -> "the walk covered every kind of call: " + counts);
            System.out.printf("vendors %s: %d operations, seed %d, leaks 0, by kind %s%n", strategy, OPERATIONS, SEED,
                    counts);
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private String context(String what) {
            return strategy + " step " + step + " (seed " + SEED + "): " + what;
        }

        /** The rows a call sees: the vendor's of the tenant, or every vendor's of the tenant (vendor null). */
        private List<Stock> visible(String tenant, String vendor) {
            return model.get(tenant).values().stream()
                    .filter(row -> vendor == null || row.vendor().equals(vendor))
                    .toList();
        }

        /** An id of a row of this vendor, of another vendor of the tenant, of another tenant, or of nobody. */
        private long anyId(String tenant, String vendor) {
            int dice = random.nextInt(4);
            List<Stock> pool = switch (dice) {
                case 0 -> visible(tenant, vendor);
                case 1 -> model.get(tenant).values().stream().filter(r -> !r.vendor().equals(vendor)).toList();
                case 2 -> model.get(pick(TENANTS)).values().stream().toList();
                default -> List.of();
            };
            return pool.isEmpty() ? 1_000_000 + random.nextInt(1000) : pool.get(random.nextInt(pool.size())).id();
        }

        private Optional<Stock> expected(String tenant, String vendor, long id) {
            Stock row = model.get(tenant).get(id);
            return row != null && (vendor == null || row.vendor().equals(vendor)) ? Optional.of(row) : Optional.empty();
        }

        private void call(String tenant, String vendor) {
            counts.merge(vendor == null ? "tenantWide" : "vendor", 1, Integer::sum);
            int dice = random.nextInt(vendor == null ? 7 : 9);
            switch (dice) {
                case 0 -> {
                    long id = anyId(tenant, vendor);
                    assertEquals(expected(tenant, vendor, id), store.findById(id),
                            () -> context("findById(" + id + ") as " + tenant + "/" + vendor));
                }
                case 1 -> {
                    List<Stock> page = store.findAll(1000, 0);
                    assertEquals(visible(tenant, vendor), page, () -> context("findAll as " + tenant + "/" + vendor));
                }
                case 2 -> assertEquals(visible(tenant, vendor).size(), store.count(),
                        () -> context("count as " + tenant + "/" + vendor));
                case 3 -> {
                    long id = anyId(tenant, vendor);
                    assertEquals(expected(tenant, vendor, id).isPresent(), store.existsById(id),
                            () -> context("existsById(" + id + ")"));
                }
                case 4 -> {
                    long id = anyId(tenant, vendor);
                    Optional<Stock> row = expected(tenant, vendor, id);
                    int quantity = random.nextInt(100);
                    Stock changed = new Stock(id, row.map(Stock::vendor).orElse(null), "changed " + (bodies++), quantity);
                    if (row.isPresent()) {
                        Stock stored = store.update(changed);
                        assertEquals(changed, stored, () -> context("update(" + id + ")"));
                        model.get(tenant).put(id, stored);
                    } else {
                        assertThrows(RowNotFoundException.class, () -> store.update(changed),
                                () -> context("update of a row not visible (" + id + ") as " + tenant + "/" + vendor));
                    }
                }
                case 5 -> {
                    long id = anyId(tenant, vendor);
                    boolean visible = expected(tenant, vendor, id).isPresent();
                    assertEquals(visible, store.deleteById(id), () -> context("deleteById(" + id + ")"));
                    if (visible) {
                        model.get(tenant).remove(id);
                        if (audited) {
                            List<String> history = store.history(id);
                            assertEquals("DELETE", history.get(0), () -> context("history of a deleted row"));
                        }
                    }
                }
                case 6 -> {
                    if (audited) {
                        long id = anyId(tenant, vendor);
                        boolean visible = expected(tenant, vendor, id).isPresent();
                        List<String> history = store.history(id);
                        assertTrue(visible ? !history.isEmpty() && history.get(history.size() - 1).equals("INSERT")
                                : history.isEmpty() || history.get(0).equals("DELETE") && vendor == null
                                        && model.get(tenant).get(id) == null,
                                () -> context("history(" + id + ") as " + tenant + "/" + vendor + ": " + history));
                    }
                }
                case 7 -> {
                    Stock inserted = store.insert(new Stock(null, null, tenant + "/" + vendor + " " + (bodies++),
                            random.nextInt(100)));
                    assertEquals(vendor, inserted.vendor(), () -> context("insert's vendor"));
                    model.get(tenant).put(inserted.id(), inserted);
                }
                default -> {
                    List<Stock> rows = new ArrayList<>();
                    for (int i = random.nextInt(3) + 1; i > 0; i--) {
                        rows.add(new Stock(null, null, tenant + "/" + vendor + " " + (bodies++), random.nextInt(100)));
                    }
                    for (Stock inserted : store.insertAll(rows)) {
                        assertEquals(vendor, inserted.vendor(), () -> context("insertAll's vendor"));
                        model.get(tenant).put(inserted.id(), inserted);
                    }
                }
            }
        }

        /** A tenant but no vendor and no tenant-wide block: refused before any connection is taken. */
        private void refusedWithoutVendor(String tenant) {
            counts.merge("refused", 1, Integer::sum);
            int before = recording.connectionCount() + otherConnections.get();
            long id = anyId(tenant, null);
            List<Runnable> calls = List.of(() -> store.findById(id), () -> store.findAll(10, 0), store::count,
                    () -> store.deleteById(id), () -> store.insert(new Stock(null, null, "never", 1)),
                    () -> store.update(new Stock(id, null, "never", 1)));
            Runnable call = calls.get(random.nextInt(calls.size()));
            NoVendorException refused = assertThrows(NoVendorException.class,
                    () -> TenantContext.runAs(tenant, call::run), () -> context("a call without a vendor"));
            assertEquals(tenant, refused.tenant());
            assertEquals(before, recording.connectionCount() + otherConnections.get(),
                    () -> context("a refused call took a connection"));
        }

        /** A tenant-wide block names no vendor, so it inserts no vendor-scoped row. */
        private void refusedTenantWideInsert(String tenant) {
            counts.merge("refused", 1, Integer::sum);
            int before = recording.connectionCount() + otherConnections.get();
            assertThrows(NoVendorException.class, () -> TenantContext.runTenantWide(tenant,
                    () -> store.insert(new Stock(null, null, "never", 1))), () -> context("a tenant-wide insert"));
            assertEquals(before, recording.connectionCount() + otherConnections.get(),
                    () -> context("a refused insert took a connection"));
        }

        /** Every (tenant, vendor) sees exactly its rows, every tenant-wide block its tenant's. */
        private void fullCheck() {
            for (String tenant : TENANTS) {
                for (String vendor : VENDORS) {
                    List<Stock> seen = TenantContext.callAsVendor(tenant, vendor, () -> store.findAll(100_000, 0));
                    assertEquals(visible(tenant, vendor), seen, () -> context("full check of " + tenant + "/" + vendor));
                }
                List<Stock> all = TenantContext.callTenantWide(tenant, () -> store.findAll(100_000, 0));
                List<Stock> expected = new ArrayList<>(model.get(tenant).values());
                expected.sort(Comparator.comparing(Stock::id));
                assertEquals(expected, all, () -> context("full check of " + tenant + " tenant-wide"));
            }
        }
    }
}
