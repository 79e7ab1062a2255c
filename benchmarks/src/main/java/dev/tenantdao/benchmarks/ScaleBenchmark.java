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
 * The row strategy at scale (issue 20): find-by-id and a keyset page of 50 of a random tenant's rows
 * in one table of {@code -Dscale.tenants} (default 10,000) tenants x {@code -Dscale.rowsPerTenant}
 * (default 1,000) rows, against the same in a table of {@code -Dscale.smallTenants} (default 100)
 * tenants ({@code Small}/{@code Large}), each in a plain table and in 16 hash partitions of the tenant
 * column ({@code Partitioned}, {@link PartitionedScaleItem}), by hand-written JDBC (the reference) and
 * by the generated DAO. Operation names: {@code findById|page50} + {@code Small|Large} + {@code
 * [Partitioned]}, each with {@code _jdbc} and {@code _dao}.
 *
 * <p>The fixture is not the measured path, and 2 x 10 million rows take minutes to load: each size
 * lives in its own schema ({@code benchmarks_scale_<tenants>x<rows>}), loaded once with {@code INSERT
 * ... SELECT FROM generate_series} (ids {@code tenant * rows + row + 1}, assigned) and kept between
 * forks and runs; a fork reuses it when it is complete ({@code benchmarks/run main
 * dev.tenantdao.benchmarks.ScaleBenchmark} loads it ahead of a run; {@code -Dscale.drop=true} drops
 * the schemas instead).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScaleBenchmark {

    private static final String COLUMNS = "id, name, price, quantity";

    /** One size: its schema's pool, the two DAOs and the number of tenants. */
    static final class Size {
        final int tenants;
        final int rows;
        final HikariDataSource pool;
        final ScaleItemDao items;
        final PartitionedScaleItemDao partitioned;

        Size(int tenants, int rows) throws SQLException {
            this.tenants = tenants;
            this.rows = rows;
            HikariConfig config = new HikariConfig();
            config.setDataSource(load(tenants, rows));
            config.setMaximumPoolSize(4);
            pool = new HikariDataSource(config);
            Database database = new Database(pool);
            items = new ScaleItemDao(database);
            partitioned = new PartitionedScaleItemDao(database);
        }

        long id(int tenant, int row) {
            return (long) tenant * rows + row + 1;
        }
    }

    /** Both sizes, from the system properties (the smoke test sets them smaller). */
    @State(Scope.Benchmark)
    public static class Scale {
        int smallTenants = Integer.getInteger("scale.smallTenants", 100);
        int largeTenants = Integer.getInteger("scale.tenants", 10_000);
        int rows = Integer.getInteger("scale.rowsPerTenant", 1_000);
        Size small;
        Size large;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            if (smallTenants < 2 || rows < 60) {
                throw new IllegalStateException("the checks need at least 2 tenants and 60 rows per tenant");
            }
            small = new Size(smallTenants, rows);
            large = new Size(largeTenants, rows);
            for (Size size : List.of(small, large)) {
                checkContendersAgree(size);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            for (Size size : java.util.Arrays.asList(small, large)) {
                if (size != null) {
                    size.pool.close();
                }
            }
        }
    }

    static String schema(int tenants, int rows) {
        return "benchmarks_scale_" + tenants + "x" + rows;
    }

    static String tenant(int t) {
        return "tenant" + t;
    }

    /**
     * The schema of {@code tenants} x {@code rows} with both tables filled, loaded unless it already
     * holds them (its table {@code scale_fixture}, created after the rows, says so).
     */
    static DataSource load(int tenants, int rows) throws SQLException {
        String schema = schema(tenants, rows);
        long expected = (long) tenants * rows;
        DataSource existing = Postgres.shared().freshSchemaDataSource(schema);
        try (Connection c = existing.getConnection(); Statement s = c.createStatement();
                ResultSet done = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema
                        + "' AND tablename = 'scale_fixture'")) {
            done.next();
            if (done.getLong(1) == 1) {
                return existing;     // (the schema's name is its size; the marker is written after the rows)
            }
        } catch (SQLException noSchemaYet) {
            // (loaded below)
        }
        long start = System.nanoTime();
        DataSource fresh = Postgres.shared().freshSchema(schema);
        Schema.create(fresh, ScaleItem.class, PartitionedScaleItem.class);
        try (Connection c = fresh.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            s.execute("SET work_mem = '256MB'");
            s.execute("SET maintenance_work_mem = '512MB'");
            // in key order, so the primary key's B-tree is filled left to right
            s.execute("INSERT INTO scale_item (tenant_id, id, name, price, quantity)"
                    + " SELECT 'tenant' || t, t::bigint * " + rows + " + r + 1, 'item ' || r, round(r / 100.0, 2), r"
                    + " FROM generate_series(0, " + (tenants - 1) + ") t CROSS JOIN generate_series(0, " + (rows - 1)
                    + ") r ORDER BY 1, 2");
            s.execute("INSERT INTO partitioned_scale_item (tenant_id, id, name, price, quantity)"
                    + " SELECT tenant_id, id, name, price, quantity FROM scale_item ORDER BY tenant_id, id");
            for (String table : List.of("scale_item", "partitioned_scale_item")) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + expected + ")");
            }
            s.execute("VACUUM ANALYZE scale_item");
            s.execute("VACUUM ANALYZE partitioned_scale_item");
            s.execute("CREATE TABLE scale_fixture (loaded_in_seconds bigint)");
            s.execute("INSERT INTO scale_fixture VALUES (" + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)
                    + ")");
        }
        return fresh;
    }

    /** Every contender returns the same row and page as the other, and no row of another tenant. */
    static void checkContendersAgree(Size size) throws SQLException {
        ScaleBenchmark benchmark = new ScaleBenchmark();
        int t = size.tenants - 1;
        long id = size.id(t, 7);
        ScaleItem expected = new ScaleItem(id, "item 7", new BigDecimal("0.07"), 7);
        require(Optional.of(expected).equals(benchmark.find(size, "scale_item", t, id)), "jdbc find");
        require(Optional.of(expected).equals(benchmark.find(size, "partitioned_scale_item", t, id)), "jdbc find partitioned");
        require(Optional.of(expected).equals(TenantContext.callAs(tenant(t), () -> size.items.findById(id))), "dao find");
        require(TenantContext.callAs(tenant(t), () -> size.partitioned.findById(id)).map(ScaleBenchmark::plain)
                .equals(Optional.of(expected)), "dao find partitioned");
        require(TenantContext.callAs(tenant(0), () -> size.items.findById(id)).isEmpty()
                && TenantContext.callAs(tenant(0), () -> size.partitioned.findById(id)).isEmpty(), "another tenant's row");
        long after = size.id(t, 3);
        List<ScaleItem> page = benchmark.page(size, "scale_item", t, after);
        require(page.size() == 50 && page.get(0).id() == after + 1, "a page of 50");
        require(page.equals(benchmark.page(size, "partitioned_scale_item", t, after)), "jdbc pages agree");
        require(page.equals(TenantContext.callAs(tenant(t), () -> size.items.findAllAfter(after, 50))), "dao page");
        require(page.equals(TenantContext.callAs(tenant(t), () -> size.partitioned.findAllAfter(after, 50)).stream()
                .map(ScaleBenchmark::plain).toList()), "dao page partitioned");
    }

    private static ScaleItem plain(PartitionedScaleItem item) {
        return new ScaleItem(item.id(), item.name(), item.price(), item.quantity());
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("contenders disagree: " + what);
        }
    }

    private static int pick(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    private Optional<ScaleItem> find(Size size, String table, int t, long id) throws SQLException {
        try (Connection c = size.pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                        + " WHERE tenant_id = ? AND id = ?")) {
            s.setString(1, tenant(t));
            s.setLong(2, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next()
                        ? Optional.of(new ScaleItem(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3), rows.getInt(4)))
                        : Optional.empty();
            }
        }
    }

    private List<ScaleItem> page(Size size, String table, int t, long after) throws SQLException {
        try (Connection c = size.pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                        + " WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?")) {
            s.setString(1, tenant(t));
            s.setLong(2, after);
            s.setInt(3, 50);
            List<ScaleItem> page = new ArrayList<>(50);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    page.add(new ScaleItem(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3), rows.getInt(4)));
                }
            }
            return page;
        }
    }

    // ---- find by id: a random tenant's random row ----

    private Optional<ScaleItem> findJdbc(Size size, String table) throws SQLException {
        int t = pick(size.tenants);
        return find(size, table, t, size.id(t, pick(size.rows)));
    }

    private static Optional<ScaleItem> findDao(Size size) {
        int t = pick(size.tenants);
        long id = size.id(t, pick(size.rows));
        return TenantContext.callAs(tenant(t), () -> size.items.findById(id));
    }

    private static Optional<PartitionedScaleItem> findPartitionedDao(Size size) {
        int t = pick(size.tenants);
        long id = size.id(t, pick(size.rows));
        return TenantContext.callAs(tenant(t), () -> size.partitioned.findById(id));
    }

    @Benchmark
    public Optional<ScaleItem> findByIdSmall_jdbc(Scale f) throws SQLException {
        return findJdbc(f.small, "scale_item");
    }

    @Benchmark
    public Optional<ScaleItem> findByIdSmall_dao(Scale f) {
        return findDao(f.small);
    }

    @Benchmark
    public Optional<ScaleItem> findByIdLarge_jdbc(Scale f) throws SQLException {
        return findJdbc(f.large, "scale_item");
    }

    @Benchmark
    public Optional<ScaleItem> findByIdLarge_dao(Scale f) {
        return findDao(f.large);
    }

    @Benchmark
    public Optional<ScaleItem> findByIdSmallPartitioned_jdbc(Scale f) throws SQLException {
        return findJdbc(f.small, "partitioned_scale_item");
    }

    @Benchmark
    public Optional<PartitionedScaleItem> findByIdSmallPartitioned_dao(Scale f) {
        return findPartitionedDao(f.small);
    }

    @Benchmark
    public Optional<ScaleItem> findByIdLargePartitioned_jdbc(Scale f) throws SQLException {
        return findJdbc(f.large, "partitioned_scale_item");
    }

    @Benchmark
    public Optional<PartitionedScaleItem> findByIdLargePartitioned_dao(Scale f) {
        return findPartitionedDao(f.large);
    }

    // ---- a page of 50 of a random tenant, after a random row ----

    private List<ScaleItem> pageJdbc(Size size, String table) throws SQLException {
        int t = pick(size.tenants);
        return page(size, table, t, size.id(t, pick(size.rows - 50)));
    }

    private static List<ScaleItem> pageDao(Size size) {
        int t = pick(size.tenants);
        long after = size.id(t, pick(size.rows - 50));
        return TenantContext.callAs(tenant(t), () -> size.items.findAllAfter(after, 50));
    }

    private static List<PartitionedScaleItem> pagePartitionedDao(Size size) {
        int t = pick(size.tenants);
        long after = size.id(t, pick(size.rows - 50));
        return TenantContext.callAs(tenant(t), () -> size.partitioned.findAllAfter(after, 50));
    }

    @Benchmark
    public List<ScaleItem> page50Small_jdbc(Scale f) throws SQLException {
        return pageJdbc(f.small, "scale_item");
    }

    @Benchmark
    public List<ScaleItem> page50Small_dao(Scale f) {
        return pageDao(f.small);
    }

    @Benchmark
    public List<ScaleItem> page50Large_jdbc(Scale f) throws SQLException {
        return pageJdbc(f.large, "scale_item");
    }

    @Benchmark
    public List<ScaleItem> page50Large_dao(Scale f) {
        return pageDao(f.large);
    }

    @Benchmark
    public List<ScaleItem> page50SmallPartitioned_jdbc(Scale f) throws SQLException {
        return pageJdbc(f.small, "partitioned_scale_item");
    }

    @Benchmark
    public List<PartitionedScaleItem> page50SmallPartitioned_dao(Scale f) {
        return pagePartitionedDao(f.small);
    }

    @Benchmark
    public List<ScaleItem> page50LargePartitioned_jdbc(Scale f) throws SQLException {
        return pageJdbc(f.large, "partitioned_scale_item");
    }

    @Benchmark
    public List<PartitionedScaleItem> page50LargePartitioned_dao(Scale f) {
        return pagePartitionedDao(f.large);
    }

    /**
     * Loads (or finds loaded) both sizes' fixtures ahead of a run, printing the schemas; with
     * {@code -Dscale.drop=true}, drops them instead.
     */
    public static void main(String[] args) throws SQLException {
        Scale scale = new Scale();
        for (int tenants : List.of(scale.smallTenants, scale.largeTenants)) {
            String schema = schema(tenants, scale.rows);
            if (Boolean.getBoolean("scale.drop")) {
                Postgres.shared().dropSchema(schema);
                System.out.println("dropped " + schema);
                continue;
            }
            long start = System.nanoTime();
            try (Connection c = load(tenants, scale.rows).getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT loaded_in_seconds, pg_size_pretty(pg_total_relation_size("
                            + "'scale_item')), (SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid)))"
                            + " FROM pg_inherits WHERE inhparent = 'partitioned_scale_item'::regclass)"
                            + " FROM scale_fixture")) {
                r.next();
                System.out.printf("%s: %,d tenants x %,d rows, loaded in %d s (%d s now); scale_item %s,"
                        + " partitioned_scale_item %s%n", schema, tenants, scale.rows, r.getLong(1),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), r.getString(2), r.getString(3));
            }
        }
    }
}
