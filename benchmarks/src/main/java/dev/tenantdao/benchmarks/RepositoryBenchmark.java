package dev.tenantdao.benchmarks;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.TenantContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.Transaction;
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
 * Jakarta Data repositories that tenantdao implements ({@link Products}, {@link AuditedItems}) against the same work
 * by hand-written JDBC (the reference), Spring Data JDBC (the tenant a parameter of every method, as Spring Data
 * has no tenancy), Jdbi SqlObject and Hibernate ORM with Envers; on {@link CrudBenchmark}'s pool, schema and data
 * ({@link Fixture}), in the same JMH run. Method names are {@code <operation>_<contender>}, which
 * {@code benchmarks/run} turns into the ratio table.
 *
 * <p>Before the first iteration of every benchmark here, {@link #checkContendersAgree} runs each contender once and
 * fails the benchmark unless they read the same rows and change the same rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RepositoryBenchmark {

    private static final int PAGE = 50;
    private static final jakarta.data.Limit JAKARTA_PAGE = jakarta.data.Limit.of(PAGE);
    private static final org.springframework.data.domain.Limit SPRING_PAGE = org.springframework.data.domain.Limit.of(PAGE);
    private static final BigDecimal NEW_PRICE = new BigDecimal("10.50");

    private static int pickTenant() {
        return ThreadLocalRandom.current().nextInt(Fixture.TENANTS);
    }

    private static String pickCategory() {
        return Fixture.category(ThreadLocalRandom.current().nextInt(Fixture.CATEGORIES));
    }

    private static long pickProduct(Fixture f, int tenant) {
        return f.productIds[tenant][ThreadLocalRandom.current().nextInt(Fixture.ROWS)];
    }

    // ---- a page of 50 of one tenant's rows by an indexed column, in id order ------------------------------------

    private static final String PAGE_BY_CATEGORY = "SELECT id, name, category, price, quantity FROM product"
            + " WHERE tenant_id = ? AND category = ? ORDER BY id LIMIT ?";

    @Benchmark
    public List<Product> pageByColumn50_jdbc(Fixture f) throws SQLException {
        return pageByCategory(f, Fixture.tenant(pickTenant()), pickCategory());
    }

    private static List<Product> pageByCategory(Fixture f, String tenant, String category) throws SQLException {
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(PAGE_BY_CATEGORY)) {
            s.setString(1, tenant);
            s.setString(2, category);
            s.setInt(3, PAGE);
            List<Product> page = new ArrayList<>(PAGE);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    page.add(new Product(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getBigDecimal(4),
                            rows.getInt(5)));
                }
            }
            return page;
        }
    }

    @Benchmark
    public List<Product> pageByColumn50_repository(Fixture f) {
        String category = pickCategory();
        return TenantContext.callAs(Fixture.tenant(pickTenant()), () -> f.products.byCategory(category, JAKARTA_PAGE));
    }

    @Benchmark
    public List<SpringProduct> pageByColumn50_springData(Fixture f) {
        return f.springProducts.findByTenantIdAndCategoryOrderById(Fixture.tenant(pickTenant()), pickCategory(),
                SPRING_PAGE);
    }

    @Benchmark
    public List<Product> pageByColumn50_jdbi(Fixture f) {
        return f.productJdbi.byCategory(Fixture.tenant(pickTenant()), pickCategory(), PAGE);
    }

    // ---- one column of one row, by id ------------------------------------------------------------------------

    private static final String CHANGE_PRICE = "UPDATE product SET price = ? WHERE tenant_id = ? AND id = ?";

    @Benchmark
    public int updateOneColumn_jdbc(Fixture f) throws SQLException {
        int t = pickTenant();
        return changePrice(f, Fixture.tenant(t), pickProduct(f, t), NEW_PRICE);
    }

    private static int changePrice(Fixture f, String tenant, long id, BigDecimal price) throws SQLException {
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(CHANGE_PRICE)) {
            s.setBigDecimal(1, price);
            s.setString(2, tenant);
            s.setLong(3, id);
            return s.executeUpdate();
        }
    }

    @Benchmark
    public boolean updateOneColumn_repository(Fixture f) {
        int t = pickTenant();
        long id = pickProduct(f, t);
        return TenantContext.callAs(Fixture.tenant(t), () -> f.products.changePrice(id, NEW_PRICE));
    }

    @Benchmark
    public boolean updateOneColumn_springData(Fixture f) {
        int t = pickTenant();
        return f.springProducts.changePrice(Fixture.tenant(t), pickProduct(f, t), NEW_PRICE);
    }

    @Benchmark
    public int updateOneColumn_jdbi(Fixture f) {
        int t = pickTenant();
        return f.productJdbi.changePrice(Fixture.tenant(t), pickProduct(f, t), NEW_PRICE);
    }

    // ---- one change to all 1,000 rows of a tenant's audited table, a history row per row ---------------------------

    /** What {@code AuditedItemsImpl.repriceAll} sends (see the generated source), written by hand. */
    private static final String REPRICE_ALL = "WITH changed AS (UPDATE audited_item SET price = ?,"
            + " history_version = history_version + CASE WHEN (price) IS DISTINCT FROM (?) THEN 1 ELSE 0 END,"
            + " history_changed = (price) IS DISTINCT FROM (?)"
            + " WHERE tenant_id = ? AND id IN (SELECT id FROM audited_item WHERE tenant_id = ? ORDER BY id FOR UPDATE)"
            + " RETURNING *), history AS (INSERT INTO audited_item_history (tenant_id, id, name, price, quantity,"
            + " history_operation, history_version, history_actor) SELECT tenant_id, id, name, price, quantity, 'UPDATE',"
            + " history_version, ? FROM changed WHERE history_changed) SELECT count(*) FROM changed";

    @Benchmark
    public long auditedBulkUpdate1000_jdbc(Fixture f) throws SQLException {
        int t = pickTenant();
        return repriceAll(f, Fixture.tenant(t), f.nextBulkPrice(t));
    }

    private static long repriceAll(Fixture f, String tenant, BigDecimal price) throws SQLException {
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(REPRICE_ALL)) {
            s.setBigDecimal(1, price);
            s.setBigDecimal(2, price);
            s.setBigDecimal(3, price);
            s.setString(4, tenant);
            s.setString(5, tenant);
            s.setString(6, "bench");
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Benchmark
    public long auditedBulkUpdate1000_repository(Fixture f) {
        int t = pickTenant();
        BigDecimal price = f.nextBulkPrice(t);
        return TenantContext.callAs(Fixture.tenant(t),
                () -> AuditContext.callAs("bench", () -> f.auditedItemsRepository.repriceAll(price)));
    }

    /**
     * Envers audits entity changes, not HQL bulk updates: load the tenant's 1,000 items, change each, commit (the
     * updates and audit rows in JDBC batches of 50, and one revision).
     */
    @Benchmark
    public int auditedBulkUpdate1000_hibernate(Fixture f) {
        int t = pickTenant();
        return repriceAllByHibernate(f, Fixture.tenant(t), f.nextBulkPrice(t));
    }

    private static int repriceAllByHibernate(Fixture f, String tenant, BigDecimal price) {
        try (Session session = f.hibernate.withOptions().tenantIdentifier((Object) tenant).openSession()) {
            Transaction tx = session.beginTransaction();
            List<HibernateAuditedItem> items = session
                    .createSelectionQuery("from HibernateAuditedItem", HibernateAuditedItem.class)
                    .list();
            for (HibernateAuditedItem item : items) {
                item.price = price;
            }
            tx.commit();
            return items.size();
        }
    }

    /**
     * The bulk update adds 1,000 history rows per operation (tenantdao's history table, or Envers' audit and
     * revision tables) and leaves 1,000 dead row versions: start every iteration from the same tables. tenantdao's
     * history is append-only (a trigger rejects TRUNCATE), so the harness, as the tables' owner, turns the
     * table's triggers off around the TRUNCATE, in one implicit transaction (three statements in one round trip).
     */
    @TearDown(Level.Iteration)
    public void emptyHistory(Fixture f, BenchmarkParams params) {
        if (params.getBenchmark().contains(".auditedBulkUpdate1000_")) {
            resetHistory(f);
        }
    }

    /** What {@link #emptyHistory} does after an iteration of the bulk update (and the smoke test after one call). */
    static void resetHistory(Fixture f) {
        f.execute("ALTER TABLE audited_item_history DISABLE TRIGGER USER;"
                        + " TRUNCATE audited_item_history, audited_item_aud, revinfo;"
                        + " ALTER TABLE audited_item_history ENABLE TRIGGER USER",
                "VACUUM ANALYZE audited_item", "VACUUM ANALYZE audited_item_history");
    }

    // ---- the check: every contender reads and changes the same rows ------------------------------------------------

    /**
     * Runs each contender once, on fixed tenants, and throws unless they agree. Products get their prices back;
     * tenant 7's audited items stay at the price {@link Fixture#nextBulkPrice} last gave them; the history tables
     * are emptied for the bulk update, so its first iteration starts as every later one does.
     */
    @Setup(Level.Trial)
    public void checkContendersAgree(Fixture f, BenchmarkParams params) throws SQLException {
        checkAll(f);
        emptyHistory(f, params);
    }

    /** The checks of {@link #checkContendersAgree}, on a fixture no benchmark has run on yet (the smoke test's too). */
    static void checkAll(Fixture f) throws SQLException {
        checkPages(f);
        checkUpdates(f);
        checkBulkUpdates(f);
    }

    private static void checkPages(Fixture f) throws SQLException {
        String tenant = Fixture.tenant(3);
        String category = Fixture.category(7);
        List<Product> expected = pageByCategory(f, tenant, category);
        long[] ids = expected.stream().mapToLong(Product::id).toArray();
        long[] inSql = f.ids("SELECT id FROM product WHERE tenant_id = '" + tenant + "' AND category = '" + category
                + "' ORDER BY id LIMIT " + PAGE);
        require(ids.length == PAGE && Arrays.equals(ids, inSql), "jdbc page " + Arrays.toString(ids));
        List<Product> repository = TenantContext.callAs(tenant, () -> f.products.byCategory(category, JAKARTA_PAGE));
        require(expected.equals(repository), "repository page " + repository);
        List<Product> spring = new ArrayList<>();
        for (SpringProduct p : f.springProducts.findByTenantIdAndCategoryOrderById(tenant, category, SPRING_PAGE)) {
            require(tenant.equals(p.tenantId()), "springData row of " + p.tenantId());
            spring.add(new Product(p.id(), p.name(), p.category(), p.price(), p.quantity()));
        }
        require(expected.equals(spring), "springData page " + spring);
        List<Product> jdbi = f.productJdbi.byCategory(tenant, category, PAGE);
        require(expected.equals(jdbi), "jdbi page " + jdbi);
    }

    /** Each contender changes its own row to its own price; exactly those rows change, and no other tenant's. */
    private static void checkUpdates(Fixture f) throws SQLException {
        int t = 5;
        String tenant = Fixture.tenant(t);
        long otherTenantsRow = f.productIds[t + 1][0];
        List<Supplier<Object>> contenders = new ArrayList<>();
        List<Supplier<Object>> acrossTenants = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            long id = f.productIds[t][c];
            BigDecimal price = new BigDecimal("11.0" + c);
            switch (c) {
                case 0 -> {
                    contenders.add(() -> unchecked(() -> changePrice(f, tenant, id, price)));
                    acrossTenants.add(() -> unchecked(() -> changePrice(f, tenant, otherTenantsRow, price)));
                }
                case 1 -> {
                    contenders.add(() -> TenantContext.callAs(tenant, () -> f.products.changePrice(id, price)));
                    acrossTenants.add(() -> TenantContext.callAs(tenant,
                            () -> f.products.changePrice(otherTenantsRow, price)));
                }
                case 2 -> {
                    contenders.add(() -> f.springProducts.changePrice(tenant, id, price));
                    acrossTenants.add(() -> f.springProducts.changePrice(tenant, otherTenantsRow, price));
                }
                default -> {
                    contenders.add(() -> f.productJdbi.changePrice(tenant, id, price));
                    acrossTenants.add(() -> f.productJdbi.changePrice(tenant, otherTenantsRow, price));
                }
            }
        }
        for (int c = 0; c < contenders.size(); c++) {
            Object result = contenders.get(c).get();
            require(Objects.equals(result, 1) || Objects.equals(result, true), "update " + c + " returned " + result);
            Object across = acrossTenants.get(c).get();
            require(Objects.equals(across, 0) || Objects.equals(across, false),
                    "update " + c + " changed another tenant's row: " + across);
            long[] changed = f.ids("SELECT id FROM product WHERE price <> 9.99 ORDER BY id");
            long[] expected = Arrays.copyOf(f.productIds[t], c + 1);
            require(Arrays.equals(changed, expected), "update " + c + " changed " + Arrays.toString(changed));
            long[] priced = f.ids("SELECT id FROM product WHERE price = 11.0" + c);
            require(Arrays.equals(priced, new long[] {f.productIds[t][c]}), "update " + c + " wrote the wrong price");
        }
        f.execute("UPDATE product SET price = 9.99 WHERE price <> 9.99");
    }

    /**
     * Each bulk update gives all 1,000 of the tenant's audited items the next price and writes 1,000 history rows
     * (tenantdao's, or Envers' with one revision); no other tenant's row changes.
     */
    private static void checkBulkUpdates(Fixture f) throws SQLException {
        int t = 7;
        String tenant = Fixture.tenant(t);
        for (String contender : List.of("jdbc", "repository", "hibernate")) {
            long history = count(f, "SELECT count(*) FROM audited_item_history");
            long audit = count(f, "SELECT count(*) FROM audited_item_aud");
            long revisions = count(f, "SELECT count(*) FROM revinfo");
            BigDecimal price = f.nextBulkPrice(t);
            long updated = switch (contender) {
                case "jdbc" -> repriceAll(f, tenant, price);
                case "repository" -> TenantContext.callAs(tenant,
                        () -> AuditContext.callAs("bench", () -> f.auditedItemsRepository.repriceAll(price)));
                default -> repriceAllByHibernate(f, tenant, price);
            };
            require(updated == Fixture.ROWS, contender + " bulk update counted " + updated);
            require(count(f, "SELECT count(*) FROM audited_item WHERE tenant_id = '" + tenant + "' AND price = "
                    + price) == Fixture.ROWS, contender + " bulk update left rows at another price");
            require(count(f, "SELECT count(*) FROM audited_item WHERE tenant_id <> '" + tenant
                    + "' AND price <> 9.99") == 0, contender + " bulk update changed another tenant's rows");
            long newHistory = count(f, "SELECT count(*) FROM audited_item_history") - history;
            long newAudit = count(f, "SELECT count(*) FROM audited_item_aud") - audit;
            long newRevisions = count(f, "SELECT count(*) FROM revinfo") - revisions;
            if (contender.equals("hibernate")) {
                require(newHistory == 0 && newAudit == Fixture.ROWS && newRevisions == 1,
                        "hibernate wrote " + newAudit + " audit rows in " + newRevisions + " revisions");
            } else {
                require(newHistory == Fixture.ROWS && newAudit == 0, contender + " wrote " + newHistory
                        + " history rows");
                require(count(f, "SELECT count(DISTINCT id) FROM audited_item_history WHERE tenant_id = '" + tenant
                        + "' AND history_operation = 'UPDATE' AND price = " + price) == Fixture.ROWS,
                        contender + " history rows are not one per row");
            }
        }
    }

    private static long count(Fixture f, String sql) {
        return f.ids(sql)[0];
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("contenders disagree: " + failure);
        }
    }

    private interface SqlCall {
        Object call() throws SQLException;
    }

    private static Object unchecked(SqlCall call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
