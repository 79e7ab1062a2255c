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
 * What a soft delete costs (issue 19): the same reads and deletes of a {@code @SoftDelete} entity
 * ({@code softDao}) and of the plain entity of the same shape ({@code dao}), with hand-written JDBC on
 * the plain table as the reference ({@code jdbc}) and on the soft-delete table ({@code softJdbc}: the
 * same SQL as the soft DAO's, by hand). 10 tenants x 1,000 rows of each table; in the soft-delete table
 * every 10th row is soft-deleted (in the plain one it does not exist), so reads skip them.
 *
 * <ul>
 *   <li>{@code findById}: a live row by id;
 *   <li>{@code page50}: a keyset page of 50 live rows after a random id;
 *   <li>{@code deleteRestore}: one row deleted and brought back: the plain table's DELETE then INSERT
 *       of the same row, the soft-delete table's soft delete then {@code restore} (two UPDATEs). A delete
 *       alone would use rows up; the pair keeps the tables as they were.
 * </ul>
 * Only these: {@code benchmarks/run compare SoftDeleteBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SoftDeleteBenchmark {

    static final int TENANTS = 10;
    static final int ROWS = 1_000;

    private static final String FIND = "SELECT id, name, price, quantity FROM hard_item WHERE tenant_id = ? AND id = ?";
    private static final String PAGE = "SELECT id, name, price, quantity FROM hard_item"
            + " WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?";
    private static final String DELETE = "DELETE FROM hard_item WHERE tenant_id = ? AND id = ?";
    private static final String INSERT = "INSERT INTO hard_item (tenant_id, id, name, price, quantity) VALUES (?, ?, ?, ?, ?)";
    private static final String SOFT_FIND = "SELECT id, name, price, quantity FROM soft_item"
            + " WHERE tenant_id = ? AND deleted_at IS NULL AND id = ?";
    private static final String SOFT_PAGE = "SELECT id, name, price, quantity FROM soft_item"
            + " WHERE tenant_id = ? AND deleted_at IS NULL AND id > ? ORDER BY id LIMIT ?";
    private static final String SOFT_DELETE = "UPDATE soft_item SET deleted_at = statement_timestamp()"
            + " WHERE tenant_id = ? AND deleted_at IS NULL AND id = ?";
    private static final String SOFT_RESTORE = "UPDATE soft_item SET deleted_at = NULL"
            + " WHERE tenant_id = ? AND deleted_at IS NOT NULL AND id = ?";

    /** The tables, the pool and the DAOs; the live ids (every id but each 10th). */
    @State(Scope.Benchmark)
    public static class Tables {
        /** The schema of the tables: the smoke test uses its own, so it never drops a timed run's. */
        String schema = "benchmarks_soft_delete";
        HikariDataSource pool;
        SoftItemDao soft;
        HardItemDao hard;
        long[] live;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            DataSource tables = Postgres.shared().freshSchema(schema);
            Schema.create(tables, SoftItem.class, HardItem.class);
            HikariConfig config = new HikariConfig();
            config.setDataSource(tables);
            config.setMaximumPoolSize(4);
            pool = new HikariDataSource(config);
            Database database = new Database(pool);
            soft = new SoftItemDao(database);
            hard = new HardItemDao(database);
            List<Long> liveIds = new ArrayList<>();
            for (int t = 0; t < TENANTS; t++) {
                List<SoftItem> softRows = new ArrayList<>();
                List<HardItem> hardRows = new ArrayList<>();
                for (int r = 1; r <= ROWS; r++) {
                    softRows.add(new SoftItem(r, "item " + r, BigDecimal.valueOf(r, 2), r));
                    if (r % 10 != 0) {
                        hardRows.add(new HardItem(r, "item " + r, BigDecimal.valueOf(r, 2), r));
                        if (t == 0) {
                            liveIds.add((long) r);
                        }
                    }
                }
                TenantContext.runAs(tenant(t), () -> {
                    soft.insertAll(softRows);
                    hard.insertAll(hardRows);
                    for (int r = 10; r <= ROWS; r += 10) {
                        soft.deleteById(r);
                    }
                });
            }
            live = liveIds.stream().mapToLong(Long::longValue).toArray();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE soft_item");
                s.execute("VACUUM ANALYZE hard_item");
            }
            checkContendersAgree();
        }

        /** Every contender returns the same row and page as plain SQL, skips deleted rows, and leaves the tables as they were. */
        private void checkContendersAgree() throws SQLException {
            SoftDeleteBenchmark benchmark = new SoftDeleteBenchmark();
            HardItem expected = new HardItem(55, "item 55", BigDecimal.valueOf(55, 2), 55);
            require(Optional.of(expected).equals(benchmark.find(this, FIND, 3, 55)), "jdbc find");
            require(Optional.of(expected).equals(TenantContext.callAs(tenant(3), () -> hard.findById(55L))), "dao find");
            require(Optional.of(expected).equals(benchmark.find(this, SOFT_FIND, 3, 55)), "soft jdbc find");
            require(TenantContext.callAs(tenant(3), () -> soft.findById(55L)).map(SoftDeleteBenchmark::asHard)
                    .equals(Optional.of(expected)), "soft dao find");
            require(TenantContext.callAs(tenant(3), () -> soft.findById(60L)).isEmpty(), "a deleted row is not found");
            List<HardItem> page = benchmark.page(this, PAGE, 3, 5);
            require(page.size() == 50 && page.stream().noneMatch(i -> i.id() % 10 == 0), "jdbc page skips nothing it has");
            require(page.equals(TenantContext.callAs(tenant(3), () -> hard.findAllAfter(5L, 50))), "dao page");
            require(page.equals(benchmark.page(this, SOFT_PAGE, 3, 5)), "soft jdbc page");
            require(page.equals(TenantContext.callAs(tenant(3), () -> soft.findAllAfter(5L, 50)).stream()
                    .map(SoftDeleteBenchmark::asHard).toList()), "soft dao page");
            benchmark.deleteRestore_jdbc(this);
            benchmark.deleteRestore_dao(this);
            benchmark.deleteRestore_softJdbc(this);
            benchmark.deleteRestore_softDao(this);
            for (int t = 0; t < TENANTS; t++) {
                int tenant = t;
                require(TenantContext.callAs(tenant(t), () -> hard.count()) == ROWS - ROWS / 10, "hard rows kept");
                require(TenantContext.callAs(tenant(t), () -> soft.count()) == ROWS - ROWS / 10, "soft rows live");
                require(TenantContext.callAs(tenant(tenant), () -> soft.findAllDeleted(ROWS, 0)).size() == ROWS / 10,
                        "soft rows deleted");
            }
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

    static HardItem asHard(SoftItem item) {
        return new HardItem(item.id(), item.name(), item.price(), item.quantity());
    }

    private static int pick(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    private static long liveId(Tables f) {
        return f.live[pick(f.live.length)];
    }

    private Optional<HardItem> find(Tables f, String sql, int t, long id) throws SQLException {
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant(t));
            s.setLong(2, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next()
                        ? Optional.of(new HardItem(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3), rows.getInt(4)))
                        : Optional.empty();
            }
        }
    }

    private List<HardItem> page(Tables f, String sql, int t, long after) throws SQLException {
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant(t));
            s.setLong(2, after);
            s.setInt(3, 50);
            List<HardItem> page = new ArrayList<>(50);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    page.add(new HardItem(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3), rows.getInt(4)));
                }
            }
            return page;
        }
    }

    /** Two statements by hand on one connection, auto-commit each, as the DAOs run them (one connection each). */
    private static int twice(Tables f, String first, String second, int t, long id) throws SQLException {
        int changed = 0;
        try (Connection c = f.pool.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(first)) {
                s.setString(1, tenant(t));
                s.setLong(2, id);
                changed += s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(second)) {
                s.setString(1, tenant(t));
                s.setLong(2, id);
                if (second.equals(INSERT)) {
                    s.setString(3, "item " + id);
                    s.setBigDecimal(4, BigDecimal.valueOf(id, 2));
                    s.setInt(5, (int) id);
                }
                changed += s.executeUpdate();
            }
        }
        if (changed != 2) {
            throw new IllegalStateException("expected one row deleted and one brought back, changed " + changed);
        }
        return changed;
    }

    @Benchmark
    public Optional<HardItem> findById_jdbc(Tables f) throws SQLException {
        return find(f, FIND, pick(TENANTS), liveId(f));
    }

    @Benchmark
    public Optional<HardItem> findById_softJdbc(Tables f) throws SQLException {
        return find(f, SOFT_FIND, pick(TENANTS), liveId(f));
    }

    @Benchmark
    public Optional<HardItem> findById_dao(Tables f) {
        long id = liveId(f);
        return TenantContext.callAs(tenant(pick(TENANTS)), () -> f.hard.findById(id));
    }

    @Benchmark
    public Optional<SoftItem> findById_softDao(Tables f) {
        long id = liveId(f);
        return TenantContext.callAs(tenant(pick(TENANTS)), () -> f.soft.findById(id));
    }

    @Benchmark
    public List<HardItem> page50_jdbc(Tables f) throws SQLException {
        return page(f, PAGE, pick(TENANTS), pick(ROWS - 100));
    }

    @Benchmark
    public List<HardItem> page50_softJdbc(Tables f) throws SQLException {
        return page(f, SOFT_PAGE, pick(TENANTS), pick(ROWS - 100));
    }

    @Benchmark
    public List<HardItem> page50_dao(Tables f) {
        long after = pick(ROWS - 100);
        return TenantContext.callAs(tenant(pick(TENANTS)), () -> f.hard.findAllAfter(after, 50));
    }

    @Benchmark
    public List<SoftItem> page50_softDao(Tables f) {
        long after = pick(ROWS - 100);
        return TenantContext.callAs(tenant(pick(TENANTS)), () -> f.soft.findAllAfter(after, 50));
    }

    @Benchmark
    public int deleteRestore_jdbc(Tables f) throws SQLException {
        return twice(f, DELETE, INSERT, pick(TENANTS), liveId(f));
    }

    @Benchmark
    public int deleteRestore_softJdbc(Tables f) throws SQLException {
        return twice(f, SOFT_DELETE, SOFT_RESTORE, pick(TENANTS), liveId(f));
    }

    @Benchmark
    public HardItem deleteRestore_dao(Tables f) {
        long id = liveId(f);
        return TenantContext.callAs(tenant(pick(TENANTS)), () -> {
            if (!f.hard.deleteById(id)) {
                throw new IllegalStateException("no row " + id);
            }
            return f.hard.insert(new HardItem(id, "item " + id, BigDecimal.valueOf(id, 2), (int) id));
        });
    }

    @Benchmark
    public boolean deleteRestore_softDao(Tables f) {
        long id = liveId(f);
        return TenantContext.callAs(tenant(pick(TENANTS)), () -> {
            if (!f.soft.deleteById(id) || !f.soft.restore(id)) {
                throw new IllegalStateException("no row " + id);
            }
            return true;
        });
    }
}
