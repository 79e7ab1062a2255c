package dev.tenantdao.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the vendor scope costs (issue 21): a vendor's find-by-id and page of 50 of a vendor-scoped
 * table, by hand-written JDBC ({@code tenant_id = ? AND vendor_id = ? AND id = ?}, the reference),
 * the generated DAO inside {@code runAsVendor} (its {@code vendor_id = COALESCE(?, vendor_id)}),
 * the DAO tenant-wide ({@code runTenantWide}, by the unique key (tenant_id, id)), and the DAO under
 * row-level security (its policy checks the vendor too). 10 tenants x 10 vendors x 100 rows. Only
 * these: {@code benchmarks/run full VendorBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VendorBenchmark {

    static final int TENANTS = 10;
    static final int VENDORS = 10;
    static final int ROWS = 100;

    private static final String FIND = "SELECT id, name, price, quantity FROM vendor_item"
            + " WHERE tenant_id = ? AND vendor_id = ? AND id = ?";
    private static final String PAGE = "SELECT id, name, price, quantity FROM vendor_item"
            + " WHERE tenant_id = ? AND vendor_id = ? AND id > ? ORDER BY id LIMIT ?";

    /** The tables, the pool and the DAOs; ids per tenant and vendor. */
    @State(Scope.Benchmark)
    public static class Vendors {
        /** The schema of the tables: the smoke test uses its own, so it never drops a timed run's. */
        String schema = "benchmarks_vendors";
        HikariDataSource pool;
        VendorItemDao items;
        SecuredVendorItemDao securedItems;
        long[][][] ids = new long[TENANTS][VENDORS][ROWS];
        long[][][] securedIds = new long[TENANTS][VENDORS][ROWS];

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            DataSource tables = Postgres.shared().freshSchema(schema);
            Schema.create(tables, VendorItem.class, SecuredVendorItem.class);
            HikariConfig config = new HikariConfig();
            config.setDataSource(tables);
            config.setMaximumPoolSize(4);
            pool = new HikariDataSource(config);
            Database database = new Database(pool);
            items = new VendorItemDao(database);
            securedItems = new SecuredVendorItemDao(database);
            for (int t = 0; t < TENANTS; t++) {
                for (int v = 0; v < VENDORS; v++) {
                    List<VendorItem> rows = new ArrayList<>();
                    List<SecuredVendorItem> secured = new ArrayList<>();
                    for (int r = 0; r < ROWS; r++) {
                        rows.add(new VendorItem(null, "item " + r, BigDecimal.valueOf(r, 2), r));
                        secured.add(new SecuredVendorItem(null, "item " + r, BigDecimal.valueOf(r, 2), r));
                    }
                    int tenant = t;
                    int vendor = v;
                    List<VendorItem> stored = TenantContext.callAsVendor(tenant(t), vendor(v), () -> items.insertAll(rows));
                    List<SecuredVendorItem> storedSecured = TenantContext.callAsVendor(tenant(t), vendor(v),
                            () -> securedItems.insertAll(secured));
                    for (int r = 0; r < ROWS; r++) {
                        ids[tenant][vendor][r] = stored.get(r).id();
                        securedIds[tenant][vendor][r] = storedSecured.get(r).id();
                    }
                }
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("ANALYZE vendor_item");
                s.execute("ANALYZE secured_vendor_item");
            }
            checkContendersAgree();
        }

        /** Every contender returns the same row and page as plain SQL, and none of another vendor's. */
        private void checkContendersAgree() throws SQLException {
            long id = ids[3][4][50];
            VendorItem expected = new VendorItem(id, "item 50", BigDecimal.valueOf(50, 2), 50);
            VendorBenchmark benchmark = new VendorBenchmark();
            require(Optional.of(expected).equals(benchmark.find(this, 3, 4, id)), "jdbc find");
            require(Optional.of(expected).equals(TenantContext.callAsVendor(tenant(3), vendor(4), () -> items.findById(id))),
                    "dao find");
            require(Optional.of(expected).equals(TenantContext.callTenantWide(tenant(3), () -> items.findById(id))),
                    "tenant-wide find");
            require(TenantContext.callAsVendor(tenant(3), vendor(5), () -> items.findById(id)).isEmpty(),
                    "another vendor's row");
            long after = ids[3][4][10];
            List<VendorItem> page = benchmark.page(this, 3, 4, after);
            require(page.size() == 50 && page.equals(TenantContext.callAsVendor(tenant(3), vendor(4),
                    () -> items.findAllAfter(after, 50))), "pages agree");
        }

        private static void require(boolean condition, String what) {
            if (!condition) {
                throw new IllegalStateException("contenders disagree: " + what);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.close();
        }
    }

    static String tenant(int t) {
        return "tenant" + t;
    }

    static String vendor(int v) {
        return "vendor" + v;
    }

    private static int pick(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    private Optional<VendorItem> find(Vendors f, int t, int v, long id) throws SQLException {
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, tenant(t));
            s.setString(2, vendor(v));
            s.setLong(3, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next()
                        ? Optional.of(new VendorItem(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3), rows.getInt(4)))
                        : Optional.empty();
            }
        }
    }

    private List<VendorItem> page(Vendors f, int t, int v, long after) throws SQLException {
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(PAGE)) {
            s.setString(1, tenant(t));
            s.setString(2, vendor(v));
            s.setLong(3, after);
            s.setInt(4, 50);
            List<VendorItem> page = new ArrayList<>(50);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    page.add(new VendorItem(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3), rows.getInt(4)));
                }
            }
            return page;
        }
    }

    @Benchmark
    public Optional<VendorItem> vendorFindById_jdbc(Vendors f) throws SQLException {
        int t = pick(TENANTS);
        int v = pick(VENDORS);
        return find(f, t, v, f.ids[t][v][pick(ROWS)]);
    }

    @Benchmark
    public Optional<VendorItem> vendorFindById_dao(Vendors f) {
        int t = pick(TENANTS);
        int v = pick(VENDORS);
        long id = f.ids[t][v][pick(ROWS)];
        return TenantContext.callAsVendor(tenant(t), vendor(v), () -> f.items.findById(id));
    }

    @Benchmark
    public Optional<VendorItem> vendorFindById_daoTenantWide(Vendors f) {
        int t = pick(TENANTS);
        long id = f.ids[t][pick(VENDORS)][pick(ROWS)];
        return TenantContext.callTenantWide(tenant(t), () -> f.items.findById(id));
    }

    @Benchmark
    public Optional<SecuredVendorItem> vendorFindById_daoWithRls(Vendors f) {
        int t = pick(TENANTS);
        int v = pick(VENDORS);
        long id = f.securedIds[t][v][pick(ROWS)];
        return TenantContext.callAsVendor(tenant(t), vendor(v), () -> f.securedItems.findById(id));
    }

    @Benchmark
    public List<VendorItem> vendorPage50_jdbc(Vendors f) throws SQLException {
        int t = pick(TENANTS);
        int v = pick(VENDORS);
        return page(f, t, v, f.ids[t][v][pick(ROWS - 50)]);
    }

    @Benchmark
    public List<VendorItem> vendorPage50_dao(Vendors f) {
        int t = pick(TENANTS);
        int v = pick(VENDORS);
        long after = f.ids[t][v][pick(ROWS - 50)];
        return TenantContext.callAsVendor(tenant(t), vendor(v), () -> f.items.findAllAfter(after, 50));
    }

    @Benchmark
    public List<SecuredVendorItem> vendorPage50_daoWithRls(Vendors f) {
        int t = pick(TENANTS);
        int v = pick(VENDORS);
        long after = f.securedIds[t][v][pick(ROWS - 50)];
        return TenantContext.callAsVendor(tenant(t), vendor(v), () -> f.securedItems.findAllAfter(after, 50));
    }
}
