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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Throughput against client threads (issue 20): findById, a page of 50, insert and update of {@link Item} by
 * hand-written JDBC and by the generated DAO, on a HikariCP pool of as many connections as JMH runs threads
 * ({@code -t N}), so that no thread waits for a connection. {@value #TENANTS} tenants x {@code conc.rows} rows (1,000)
 * in schema {@code benchmarks_concurrency}, built in each fork (a second or two); inserts go to tenant
 * {@code inserts}, emptied after every iteration.
 *
 * <p>Run: {@code for t in 1 2 4 8 16; do benchmarks/run compare 'ConcurrencyBenchmark' 3 -f 1 -wi 2 -w 2s -i 3 -r 2s
 * -t $t; done} (each thread count's table: JMH's score is the sum over its threads).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConcurrencyBenchmark {

    static final int TENANTS = 10;
    static final int ROWS = Integer.getInteger("conc.rows", 1_000);
    static final String INSERT_TENANT = "inserts";

    private static final String FIND = "SELECT id, name, price, quantity FROM item WHERE tenant_id = ? AND id = ?";
    private static final String PAGE = "SELECT id, name, price, quantity FROM item WHERE tenant_id = ? AND id > ?"
            + " ORDER BY id LIMIT ?";
    private static final String UPDATE = "UPDATE item SET name = ?, price = ?, quantity = ? WHERE tenant_id = ? AND id = ?";
    private static final String INSERT = "INSERT INTO item (tenant_id, name, price, quantity) VALUES (?, ?, ?, ?)";
    private static final String[] KEYS = {"id"};

    /** The table, a pool sized to the benchmark's threads, the DAO, the ids per tenant. */
    @State(Scope.Benchmark)
    public static class Rows {
        /** The schema of the table: the smoke test uses its own, so it never drops a timed run's. */
        String schema = "benchmarks_concurrency";
        HikariDataSource pool;
        ItemDao items;
        long[][] ids = new long[TENANTS][ROWS];

        @Setup(Level.Trial)
        public void setUp(BenchmarkParams params) throws SQLException {
            setUp(params.getThreads());
        }

        void setUp(int threads) throws SQLException {
            DataSource tables = Postgres.shared().freshSchema(schema);
            Schema.create(tables, Item.class);
            HikariConfig config = new HikariConfig();
            config.setDataSource(tables);
            config.setMaximumPoolSize(threads);
            config.setMinimumIdle(threads);
            pool = new HikariDataSource(config);
            items = new ItemDao(new Database(pool));
            for (int t = 0; t < TENANTS; t++) {
                List<Item> rows = new ArrayList<>(ROWS);
                for (int r = 0; r < ROWS; r++) {
                    rows.add(new Item(null, "item " + r, BigDecimal.valueOf(r, 2), r));
                }
                List<Item> stored = TenantContext.callAs(tenant(t), () -> items.insertAll(rows));
                for (int r = 0; r < ROWS; r++) {
                    ids[t][r] = stored.get(r).id();
                }
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("ANALYZE item");
            }
            checkContendersAgree();
        }

        /** Both contenders read the same row and page, and their writes change what they should. */
        private void checkContendersAgree() throws SQLException {
            ConcurrencyBenchmark benchmark = new ConcurrencyBenchmark();
            long id = ids[3][17];
            Optional<Item> expected = Optional.of(new Item(id, "item 17", BigDecimal.valueOf(17, 2), 17));
            require(expected.equals(benchmark.find(this, 3, id)), "jdbc find");
            require(expected.equals(TenantContext.callAs(tenant(3), () -> items.findById(id))), "dao find");
            require(TenantContext.callAs(tenant(4), () -> items.findById(id)).isEmpty(), "another tenant's row");
            List<Item> page = benchmark.page(this, 3, ids[3][10]);
            require(page.size() == 50 && page.equals(TenantContext.callAs(tenant(3), () -> items.findAllAfter(ids[3][10], 50))),
                    "pages");
            require(benchmark.update(this, 3, id, 4242) == 1
                    && TenantContext.callAs(tenant(3), () -> items.findById(id)).orElseThrow().quantity() == 4242, "jdbc update");
            TenantContext.callAs(tenant(3), () -> items.update(expected.orElseThrow()));
            require(expected.equals(TenantContext.callAs(tenant(3), () -> items.findById(id))), "dao update");
            long inserted = benchmark.insert(this);
            require(TenantContext.callAs(INSERT_TENANT, () -> items.findById(inserted)).isPresent(), "jdbc insert");
            removeInserted();
        }

        private static void require(boolean condition, String what) {
            if (!condition) {
                throw new IllegalStateException("contenders disagree: " + what);
            }
        }

        @TearDown(Level.Iteration)
        public void removeInserted() throws SQLException {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM item WHERE tenant_id = '" + INSERT_TENANT + "'");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.close();
        }
    }

    static String tenant(int t) {
        return "tenant-" + t;
    }

    private static int pick(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    private static Item read(ResultSet rows) throws SQLException {
        return new Item(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3), rows.getInt(4));
    }

    private Optional<Item> find(Rows f, int t, long id) throws SQLException {
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, tenant(t));
            s.setLong(2, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private List<Item> page(Rows f, int t, long after) throws SQLException {
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(PAGE)) {
            s.setString(1, tenant(t));
            s.setLong(2, after);
            s.setInt(3, 50);
            List<Item> page = new ArrayList<>(50);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    page.add(read(rows));
                }
            }
            return page;
        }
    }

    private int update(Rows f, int t, long id, int quantity) throws SQLException {
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setString(1, "updated");
            s.setBigDecimal(2, new BigDecimal("10.50"));
            s.setInt(3, quantity);
            s.setString(4, tenant(t));
            s.setLong(5, id);
            return s.executeUpdate();
        }
    }

    private long insert(Rows f) throws SQLException {
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(INSERT, KEYS)) {
            s.setString(1, INSERT_TENANT);
            s.setString(2, "new");
            s.setBigDecimal(3, new BigDecimal("1.00"));
            s.setInt(4, 1);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Benchmark
    public Optional<Item> findById_jdbc(Rows f) throws SQLException {
        int t = pick(TENANTS);
        return find(f, t, f.ids[t][pick(ROWS)]);
    }

    @Benchmark
    public Optional<Item> findById_dao(Rows f) {
        int t = pick(TENANTS);
        long id = f.ids[t][pick(ROWS)];
        return TenantContext.callAs(tenant(t), () -> f.items.findById(id));
    }

    @Benchmark
    public List<Item> page50_jdbc(Rows f) throws SQLException {
        int t = pick(TENANTS);
        return page(f, t, f.ids[t][pick(ROWS - 50)]);
    }

    @Benchmark
    public List<Item> page50_dao(Rows f) {
        int t = pick(TENANTS);
        long after = f.ids[t][pick(ROWS - 50)];
        return TenantContext.callAs(tenant(t), () -> f.items.findAllAfter(after, 50));
    }

    @Benchmark
    public long insert_jdbc(Rows f) throws SQLException {
        return insert(f);
    }

    @Benchmark
    public Item insert_dao(Rows f) {
        Item item = new Item(null, "new", new BigDecimal("1.00"), 1);
        return TenantContext.callAs(INSERT_TENANT, () -> f.items.insert(item));
    }

    @Benchmark
    public int update_jdbc(Rows f) throws SQLException {
        int t = pick(TENANTS);
        return update(f, t, f.ids[t][pick(ROWS)], pick(100));
    }

    @Benchmark
    public Item update_dao(Rows f) {
        int t = pick(TENANTS);
        Item item = new Item(f.ids[t][pick(ROWS)], "updated", new BigDecimal("10.50"), pick(100));
        return TenantContext.callAs(tenant(t), () -> f.items.update(item));
    }
}
