package dev.tenantdao.benchmarks;

import dev.tenantdao.runtime.TenantContext;
import java.math.BigDecimal;
import java.sql.Array;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 20: what an insert reads back, and what row-level security costs per operation. Each
 * operation by hand-written JDBC returning the same keys the DAO reads back ({@code RETURNING id}:
 * the DAO of {@link Item} now reads back {@code id} and {@code price}, a numeric whose scale the
 * database may change), the DAO on {@link Item} (row tenancy, no RLS) and the DAO on {@link
 * SecuredItem} (the same table shape with row-level security: the {@code set_config} in front of
 * every statement). {@code insertAll1000} also against a JDBC {@code addBatch} loop reading its
 * generated keys ({@code jdbcBatch}). Method names are {@code <operation>_<contender>}, which
 * {@code benchmarks/run compare} turns into ratios to {@code _jdbc}.
 *
 * <p>The fixture's pool connects as the schema's owner: PostgreSQL does not apply the policies to a
 * table's owner unless forced, nor to a superuser ever, so {@code daoWithRls} measures the setting
 * and the statement shape, not the policy's predicate (which equals the DAO's own {@code tenant_id
 * = ?} filter, on the same index).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReadBackBenchmark {

    private static final String FIND = "SELECT id, name, price, quantity FROM item WHERE tenant_id = ? AND id = ?";
    private static final String PAGE = "SELECT id, name, price, quantity FROM item WHERE tenant_id = ? AND id > ?"
            + " ORDER BY id LIMIT ?";
    private static final String INSERT = "INSERT INTO item (tenant_id, name, price, quantity) VALUES (?, ?, ?, ?)";
    /** A hand-written set-based insert of many rows, returning their ids in input order. */
    private static final String INSERT_UNNEST = "WITH input AS (SELECT u.*, nextval((SELECT pg_get_serial_sequence('item', 'id')))"
            + " AS k FROM unnest(?::text[], ?::numeric[], ?::integer[]) WITH ORDINALITY AS u(name, price, quantity, n)),"
            + " changed AS (INSERT INTO item (id, tenant_id, name, price, quantity)"
            + " SELECT input.k, ?, input.name, input.price, input.quantity FROM input ORDER BY input.n RETURNING id)"
            + " SELECT input.k FROM input JOIN changed ON changed.id = input.k ORDER BY input.n";
    private static final String[] KEYS = {"id"};

    private static int pickTenant() {
        return ThreadLocalRandom.current().nextInt(Fixture.TENANTS);
    }

    private static int pickRow(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    private static Item read(ResultSet rows) throws SQLException {
        return new Item(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3), rows.getInt(4));
    }

    /** The inserted rows go each iteration, so that no iteration writes into a bigger table than the first. */
    @Setup(Level.Iteration)
    public void removeInserted(Fixture f) throws SQLException {
        try (Connection c = f.pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM item WHERE tenant_id = '" + Fixture.INSERT_TENANT + "'");
            s.execute("DELETE FROM secured_item WHERE tenant_id = '" + Fixture.INSERT_TENANT + "'");
        }
    }

    // ---- find by id ---------------------------------------------------------------------------

    @Benchmark
    public Optional<Item> findById_jdbc(Fixture f) throws SQLException {
        int t = pickTenant();
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, Fixture.tenant(t));
            s.setLong(2, f.ids[t][pickRow(Fixture.ROWS)]);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    @Benchmark
    public Optional<Item> findById_dao(Fixture f) {
        int t = pickTenant();
        long id = f.ids[t][pickRow(Fixture.ROWS)];
        return TenantContext.callAs(Fixture.tenant(t), () -> f.items.findById(id));
    }

    @Benchmark
    public Optional<SecuredItem> findById_daoWithRls(Fixture f) {
        int t = pickTenant();
        long id = f.securedIds[t][pickRow(Fixture.ROWS)];
        return TenantContext.callAs(Fixture.tenant(t), () -> f.securedItems.findById(id));
    }

    // ---- a page of 50 ---------------------------------------------------------------------------

    @Benchmark
    public List<Item> page50_jdbc(Fixture f) throws SQLException {
        int t = pickTenant();
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(PAGE)) {
            s.setString(1, Fixture.tenant(t));
            s.setLong(2, f.ids[t][pickRow(Fixture.ROWS - 50)]);
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

    @Benchmark
    public List<Item> page50_dao(Fixture f) {
        int t = pickTenant();
        long after = f.ids[t][pickRow(Fixture.ROWS - 50)];
        return TenantContext.callAs(Fixture.tenant(t), () -> f.items.findAllAfter(after, 50));
    }

    @Benchmark
    public List<SecuredItem> page50_daoWithRls(Fixture f) {
        int t = pickTenant();
        long after = f.securedIds[t][pickRow(Fixture.ROWS - 50)];
        return TenantContext.callAs(Fixture.tenant(t), () -> f.securedItems.findAllAfter(after, 50));
    }

    // ---- insert one row -------------------------------------------------------------------------

    @Benchmark
    public long insert_jdbc(Fixture f) throws SQLException {
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(INSERT, KEYS)) {
            s.setString(1, Fixture.INSERT_TENANT);
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
    public Item insert_dao(Fixture f) {
        Item item = new Item(null, "new", new BigDecimal("1.00"), 1);
        return TenantContext.callAs(Fixture.INSERT_TENANT, () -> f.items.insert(item));
    }

    @Benchmark
    public SecuredItem insert_daoWithRls(Fixture f) {
        SecuredItem item = new SecuredItem(null, "new", new BigDecimal("1.00"), 1);
        return TenantContext.callAs(Fixture.INSERT_TENANT, () -> f.securedItems.insert(item));
    }

    // ---- insert 1,000 rows ------------------------------------------------------------------------

    /** One hand-written {@code INSERT ... SELECT FROM unnest(...)} returning the ids in input order. */
    @Benchmark
    public long[] insertAll1000_jdbc(Fixture f) throws SQLException {
        List<Item> all = f.thousand;
        int size = all.size();
        String[] names = new String[size];
        BigDecimal[] prices = new BigDecimal[size];
        Integer[] quantities = new Integer[size];
        for (int i = 0; i < size; i++) {
            Item item = all.get(i);
            names[i] = item.name();
            prices[i] = item.price();
            quantities[i] = item.quantity();
        }
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(INSERT_UNNEST)) {
            Array n = c.createArrayOf("text", names);
            Array p = c.createArrayOf("numeric", prices);
            Array q = c.createArrayOf("integer", quantities);
            s.setArray(1, n);
            s.setArray(2, p);
            s.setArray(3, q);
            s.setString(4, Fixture.INSERT_TENANT);
            long[] ids = new long[size];
            try (ResultSet keys = s.executeQuery()) {
                for (int i = 0; keys.next(); i++) {
                    ids[i] = keys.getLong(1);
                }
            }
            return ids;
        }
    }

    /** A JDBC batch of the single-row insert in one transaction, reading the generated ids. */
    @Benchmark
    public long[] insertAll1000_jdbcBatch(Fixture f) throws SQLException {
        try (Connection c = f.pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(INSERT, KEYS)) {
                for (Item item : f.thousand) {
                    s.setString(1, Fixture.INSERT_TENANT);
                    s.setString(2, item.name());
                    s.setBigDecimal(3, item.price());
                    s.setInt(4, item.quantity());
                    s.addBatch();
                }
                s.executeBatch();
                long[] ids = new long[f.thousand.size()];
                try (ResultSet keys = s.getGeneratedKeys()) {
                    for (int i = 0; keys.next(); i++) {
                        ids[i] = keys.getLong(1);
                    }
                }
                c.commit();
                return ids;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @Benchmark
    public List<Item> insertAll1000_dao(Fixture f) {
        return TenantContext.callAs(Fixture.INSERT_TENANT, () -> f.items.insertAll(f.thousand));
    }

    @Benchmark
    public List<SecuredItem> insertAll1000_daoWithRls(Fixture f) {
        return TenantContext.callAs(Fixture.INSERT_TENANT, () -> f.securedItems.insertAll(f.securedThousand));
    }
}
