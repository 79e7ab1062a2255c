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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
 * What a page of the past costs (issue 19, "a tenant's data as of any time"): a keyset page of 50 rows
 * of an audited entity as they were at a time ({@code findAllAsOf(at, afterId, 50)}, contender
 * {@code asOfDao}; the same SQL by hand, {@code asOfJdbc}) against a plain keyset page of the live table
 * by hand ({@code jdbc}, the reference) and by the DAO ({@code dao}, {@code findAllAfter}). Also the
 * shape tried first, an anti-join ({@code NOT EXISTS} a later history row), by hand ({@code notExistsJdbc}),
 * to show why the generated one is a {@code LATERAL} probe per id. (A third, {@code DISTINCT ON (id)} over
 * the history, sorts the tenant's history past the id: 0.05x in the first run; not kept.)
 *
 * <p>10 tenants x 1,000 rows, each with 5 history rows or 3: an INSERT, an UPDATE 1 s after the last
 * insert, then for every 10th row a DELETE 2 s after it (its row gone from the live table), for the
 * others three more UPDATEs, 2 s, 3 s and 4 s after it. The time asked is 2.5 s after the last insert: every
 * row at its 3rd version, the 10th rows deleted since, so a page of the past skips deleted ids, reads
 * older versions past newer ones, and both pages hold 50 rows. Only these:
 * {@code benchmarks/run compare AsOfBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AsOfBenchmark {

    static final int TENANTS = 10;
    static final int ROWS = 1_000;

    private static final String PAGE = "SELECT id, name, price, quantity FROM history_item"
            + " WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?";
    /** The generated statement's SQL (HistoryItemDao.HISTORY_ALL_AS_OF_AFTER without the tenant setting), by hand. */
    private static final String AS_OF = "SELECT x.id, x.name, x.price, x.quantity FROM (SELECT DISTINCT id"
            + " FROM history_item_history WHERE tenant_id = ? AND id > ? ORDER BY id) ids CROSS JOIN LATERAL"
            + " (SELECT h.id, h.name, h.price, h.quantity, h.history_operation FROM history_item_history h"
            + " WHERE h.tenant_id = ? AND h.id = ids.id AND h.history_changed_at <= ?"
            + " ORDER BY h.history_changed_at DESC, h.history_version DESC LIMIT 1) x"
            + " WHERE x.history_operation <> 'DELETE' ORDER BY ids.id LIMIT ?";
    /** The first shape tried: each history row up to the time without a later one (an anti-join), by hand. */
    private static final String NOT_EXISTS = "SELECT h.id, h.name, h.price, h.quantity FROM history_item_history h"
            + " WHERE h.tenant_id = ? AND h.id > ? AND h.history_changed_at <= ? AND h.history_operation <> 'DELETE'"
            + " AND NOT EXISTS (SELECT 1 FROM history_item_history later WHERE later.tenant_id = ? AND later.id = h.id"
            + " AND later.history_changed_at <= ? AND (later.history_changed_at, later.history_version)"
            + " > (h.history_changed_at, h.history_version)) ORDER BY h.id LIMIT ?";

    /** The table and its history, the pool and the DAO; the time asked. */
    @State(Scope.Benchmark)
    public static class Tables {
        /** The schema of the tables: the smoke test uses its own, so it never drops a timed run's. */
        String schema = "benchmarks_as_of";
        HikariDataSource pool;
        HistoryItemDao dao;
        Instant at;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            DataSource tables = Postgres.shared().freshSchema(schema);
            Schema.create(tables, HistoryItem.class);
            HikariConfig config = new HikariConfig();
            config.setDataSource(tables);
            config.setMaximumPoolSize(4);
            pool = new HikariDataSource(config);
            dao = new HistoryItemDao(new Database(pool));
            for (int t = 0; t < TENANTS; t++) {
                List<HistoryItem> rows = new ArrayList<>();
                for (int r = 1; r <= ROWS; r++) {
                    rows.add(new HistoryItem(r, "item " + r + " v1", BigDecimal.valueOf(r, 2), 1));
                }
                TenantContext.runAs(tenant(t), () -> dao.insertAll(rows));
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                // the later versions, written as the DAO's updates and deletes would write them, a second apart
                // (the history is append-only: INSERT is what it allows); the live table brought to the last one
                s.execute("INSERT INTO history_item_history (tenant_id, id, name, price, quantity, history_version,"
                        + " history_operation, history_changed_at)"
                        + " SELECT h.tenant_id, h.id, 'item ' || h.id || ' v' || v, h.price, v, v,"
                        + " CASE WHEN v = 3 AND h.id % 10 = 0 THEN 'DELETE' ELSE 'UPDATE' END,"
                        + " base.at + (v - 1) * interval '1 second'"
                        + " FROM history_item_history h, generate_series(2, 5) v,"
                        + " (SELECT max(history_changed_at) AS at FROM history_item_history) base"
                        + " WHERE h.history_version = 1 AND (h.id % 10 <> 0 OR v <= 3)");
                s.execute("UPDATE history_item SET name = 'item ' || id || ' v5', quantity = 5, history_version = 5");
                s.execute("DELETE FROM history_item WHERE id % 10 = 0");
                try (ResultSet rows = s.executeQuery("SELECT max(history_changed_at) + interval '2.5 seconds'"
                        + " FROM history_item_history WHERE history_version = 1")) {
                    rows.next();
                    at = rows.getTimestamp(1).toInstant();
                }
                s.execute("VACUUM ANALYZE history_item");
                s.execute("VACUUM ANALYZE history_item_history");
            }
            checkContendersAgree();
        }

        /** Every contender returns the page it should: 50 rows, the live ones at v5, the past ones at v3 without the deleted. */
        private void checkContendersAgree() throws SQLException {
            AsOfBenchmark benchmark = new AsOfBenchmark();
            List<HistoryItem> live = benchmark.page(this, PAGE, 3, 5);
            require(live.size() == 50 && live.stream().allMatch(i -> i.quantity() == 5 && i.id() % 10 != 0), "jdbc page");
            require(live.equals(TenantContext.callAs(tenant(3), () -> dao.findAllAfter(5L, 50))), "dao page");
            List<HistoryItem> past = benchmark.page(this, AS_OF, 3, 5);
            require(past.size() == 50 && past.stream().allMatch(i -> i.quantity() == 3 && i.id() % 10 != 0),
                    "jdbc as-of page: " + past);
            require(past.stream().map(HistoryItem::id).toList().equals(live.stream().map(HistoryItem::id).toList()),
                    "the same ids");
            require(past.equals(TenantContext.callAs(tenant(3), () -> dao.findAllAsOf(at, 5L, 50))), "dao as-of page");
            require(past.equals(benchmark.page(this, NOT_EXISTS, 3, 5)), "NOT EXISTS as-of page");
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

    private static int pick(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    /** A page of 50 by hand: the live table's, or as of the time (which the as-of statements take). */
    private List<HistoryItem> page(Tables f, String sql, int t, long after) throws SQLException {
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            OffsetDateTime at = f.at.atOffset(ZoneOffset.UTC);       // as the DAO binds an Instant
            s.setString(i++, tenant(t));
            s.setLong(i++, after);
            if (sql.equals(AS_OF)) {
                s.setString(i++, tenant(t));
                s.setObject(i++, at);
            } else if (sql.equals(NOT_EXISTS)) {
                s.setObject(i++, at);
                s.setString(i++, tenant(t));
                s.setObject(i++, at);
            }
            s.setInt(i, 50);
            List<HistoryItem> page = new ArrayList<>(50);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    page.add(new HistoryItem(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3), rows.getInt(4)));
                }
            }
            return page;
        }
    }

    @Benchmark
    public List<HistoryItem> page50_jdbc(Tables f) throws SQLException {
        return page(f, PAGE, pick(TENANTS), pick(ROWS - 100));
    }

    @Benchmark
    public List<HistoryItem> page50_dao(Tables f) {
        long after = pick(ROWS - 100);
        return TenantContext.callAs(tenant(pick(TENANTS)), () -> f.dao.findAllAfter(after, 50));
    }

    @Benchmark
    public List<HistoryItem> page50_asOfJdbc(Tables f) throws SQLException {
        return page(f, AS_OF, pick(TENANTS), pick(ROWS - 100));
    }

    @Benchmark
    public List<HistoryItem> page50_asOfDao(Tables f) {
        long after = pick(ROWS - 100);
        return TenantContext.callAs(tenant(pick(TENANTS)), () -> f.dao.findAllAsOf(f.at, after, 50));
    }

    @Benchmark
    public List<HistoryItem> page50_notExistsJdbc(Tables f) throws SQLException {
        return page(f, NOT_EXISTS, pick(TENANTS), pick(ROWS - 100));
    }
}
