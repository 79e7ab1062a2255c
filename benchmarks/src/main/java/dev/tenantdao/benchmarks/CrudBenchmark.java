package dev.tenantdao.benchmarks;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.TenantContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The same work under a tenant, by hand-written JDBC (the reference), the generated DAO, Jdbi
 * SqlObject and Hibernate ORM ({@code @TenantId}); all on one pool, one schema, one data set, in
 * one JMH run. Method names are
 * {@code <operation>_<contender>}, which {@code benchmarks/run} turns into the ratio table.
 *
 * <p>Before the first iteration of every benchmark here, {@link #checkContendersAgree} runs each contender of its
 * operation once on the same tenant and row and fails the benchmark unless they agree ({@link CrudCheck}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CrudBenchmark {

    private static final String FIND = "SELECT id, name, price, quantity FROM item WHERE tenant_id = ? AND id = ?";
    private static final String PAGE = "SELECT id, name, price, quantity FROM item WHERE tenant_id = ? AND id > ?"
            + " ORDER BY id LIMIT ?";
    private static final String UPDATE = "UPDATE item SET name = ?, price = ?, quantity = ? WHERE tenant_id = ? AND id = ?";
    private static final String INSERT = "INSERT INTO item (tenant_id, name, price, quantity) VALUES (?, ?, ?, ?)";
    private static final String[] KEYS = {"id"};

    /**
     * Whether {@link CrudCheck} is running the contenders: then every pick below is fixed (the same tenant, the same
     * row, the quantity the check chose), so that all contenders of an operation do the same work and their results
     * can be compared. A static field read and a branch per pick, the same for every contender.
     */
    static boolean checking;
    static final int CHECK_TENANT = 4;
    static final int CHECK_ROW = 17;
    /** The quantity a write writes while {@link #checking}. */
    static int checkQuantity;

    private static int pickTenant() {
        return checking ? CHECK_TENANT : ThreadLocalRandom.current().nextInt(Fixture.TENANTS);
    }

    /** A row index below {@code bound}. */
    private static int pickRow(int bound) {
        return checking ? CHECK_ROW : ThreadLocalRandom.current().nextInt(bound);
    }

    /** A quantity to write, below {@code bound}. */
    private static int pickQuantity(int bound) {
        return checking ? checkQuantity : ThreadLocalRandom.current().nextInt(bound);
    }

    private static long pickId(long[][] ids, int tenant) {
        return ids[tenant][pickRow(Fixture.ROWS)];
    }

    private static Item read(ResultSet rows) throws SQLException {
        return new Item(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3), rows.getInt(4));
    }

    /** Runs every contender of this benchmark's operation once and throws unless they agree ({@link CrudCheck}). */
    @Setup(Level.Trial)
    public void checkContendersAgree(Fixture f, BenchmarkParams params) {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        CrudCheck.check(f, method.substring(0, method.indexOf('_')));
    }

    // ---- find by id ---------------------------------------------------------------------------

    @Benchmark
    public Optional<Item> findById_jdbc(Fixture f) throws SQLException {
        int t = pickTenant();
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, Fixture.tenant(t));
            s.setLong(2, pickId(f.ids, t));
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    @Benchmark
    public Optional<Item> findById_dao(Fixture f) {
        int t = pickTenant();
        long id = pickId(f.ids, t);
        return TenantContext.callAs(Fixture.tenant(t), () -> f.items.findById(id));
    }

    /** findById_dao with a Micrometer listener registered: a timer per statement (issue 18). */
    @Benchmark
    public Optional<Item> findById_daoMicrometer(Fixture f) {
        int t = pickTenant();
        long id = pickId(f.ids, t);
        return TenantContext.callAs(Fixture.tenant(t), () -> f.itemsMeasured.findById(id));
    }

    @Benchmark
    public Optional<Item> findById_jdbi(Fixture f) {
        int t = pickTenant();
        return f.jdbi.findById(Fixture.tenant(t), pickId(f.ids, t));
    }

    @Benchmark
    public Optional<SecuredItem> findById_daoWithRls(Fixture f) {
        int t = pickTenant();
        long id = pickId(f.securedIds, t);
        return TenantContext.callAs(Fixture.tenant(t), () -> f.securedItems.findById(id));
    }

    @Benchmark
    public HibernateItem findById_hibernate(Fixture f) {
        int t = pickTenant();
        try (Session session = f.hibernate.withOptions().tenantIdentifier((Object) Fixture.tenant(t)).openSession()) {
            return session.find(HibernateItem.class, pickId(f.ids, t));
        }
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
    public List<Item> page50_jdbi(Fixture f) {
        int t = pickTenant();
        return f.jdbi.page(Fixture.tenant(t), f.ids[t][pickRow(Fixture.ROWS - 50)], 50);
    }

    @Benchmark
    public List<HibernateItem> page50_hibernate(Fixture f) {
        int t = pickTenant();
        long after = f.ids[t][pickRow(Fixture.ROWS - 50)];
        try (Session session = f.hibernate.withOptions().tenantIdentifier((Object) Fixture.tenant(t)).openSession()) {
            return session.createSelectionQuery("from HibernateItem where id > :after order by id", HibernateItem.class)
                    .setParameter("after", after)
                    .setMaxResults(50)
                    .list();
        }
    }

    // ---- update one row -------------------------------------------------------------------------

    @Benchmark
    public int update_jdbc(Fixture f) throws SQLException {
        int t = pickTenant();
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setString(1, "updated");
            s.setBigDecimal(2, new BigDecimal("10.50"));
            s.setInt(3, pickQuantity(100));
            s.setString(4, Fixture.tenant(t));
            s.setLong(5, pickId(f.ids, t));
            return s.executeUpdate();
        }
    }

    @Benchmark
    public Item update_dao(Fixture f) {
        int t = pickTenant();
        Item item = new Item(pickId(f.ids, t), "updated", new BigDecimal("10.50"), pickQuantity(100));
        return TenantContext.callAs(Fixture.tenant(t), () -> f.items.update(item));
    }

    @Benchmark
    public int update_jdbi(Fixture f) {
        int t = pickTenant();
        Item item = new Item(pickId(f.ids, t), "updated", new BigDecimal("10.50"), pickQuantity(100));
        return f.jdbi.update(Fixture.tenant(t), item);
    }

    @Benchmark
    public int update_hibernate(Fixture f) {
        int t = pickTenant();
        long id = pickId(f.ids, t);
        try (Session session = f.hibernate.withOptions().tenantIdentifier((Object) Fixture.tenant(t)).openSession()) {
            Transaction tx = session.beginTransaction();
            int updated = session.createMutationQuery(
                            "update HibernateItem set name = :name, price = :price, quantity = :quantity where id = :id")
                    .setParameter("name", "updated")
                    .setParameter("price", new BigDecimal("10.50"))
                    .setParameter("quantity", pickQuantity(100))
                    .setParameter("id", id)
                    .executeUpdate();
            tx.commit();
            return updated;
        }
    }

    // ---- audited update: the row and its history -------------------------------------------------

    /** What the DAO sends, written by hand: the update and its history row in one statement. */
    private static final String AUDITED_UPDATE = "WITH changed AS (UPDATE audited_item SET name = ?, price = ?,"
            + " quantity = ?, history_version = history_version + CASE WHEN (name, price, quantity) IS DISTINCT FROM"
            + " (?, ?, ?) THEN 1 ELSE 0 END, history_changed = (name, price, quantity) IS DISTINCT FROM (?, ?, ?)"
            + " WHERE tenant_id = ? AND id = ? RETURNING *), history AS (INSERT INTO audited_item_history (tenant_id,"
            + " id, name, price, quantity, history_operation, history_version, history_actor) SELECT tenant_id, id,"
            + " name, price, quantity, 'UPDATE', history_version, ? FROM changed WHERE history_changed)"
            + " SELECT count(*) FROM changed";

    @Benchmark
    public long auditedUpdate_jdbc(Fixture f) throws SQLException {
        int t = pickTenant();
        int quantity = pickQuantity(1_000_000);
        BigDecimal price = new BigDecimal("10.50");
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(AUDITED_UPDATE)) {
            for (int base : new int[] {0, 3, 6}) {
                s.setString(base + 1, "updated");
                s.setBigDecimal(base + 2, price);
                s.setInt(base + 3, quantity);
            }
            s.setString(10, Fixture.tenant(t));
            s.setLong(11, pickId(f.auditedIds, t));
            s.setString(12, "bench");
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Benchmark
    public AuditedItem auditedUpdate_dao(Fixture f) {
        int t = pickTenant();
        AuditedItem item = new AuditedItem(pickId(f.auditedIds, t), "updated", new BigDecimal("10.50"),
                pickQuantity(1_000_000));
        return TenantContext.callAs(Fixture.tenant(t), () -> AuditContext.callAs("bench", () -> f.auditedItems.update(item)));
    }

    /** Envers audits entity changes (not HQL updates): load, change, commit; it adds a revision and an audit row. */
    @Benchmark
    public HibernateAuditedItem auditedUpdate_hibernate(Fixture f) {
        int t = pickTenant();
        try (Session session = f.hibernate.withOptions().tenantIdentifier((Object) Fixture.tenant(t)).openSession()) {
            Transaction tx = session.beginTransaction();
            HibernateAuditedItem item = session.find(HibernateAuditedItem.class, pickId(f.auditedIds, t));
            item.name = "updated";
            item.price = new BigDecimal("10.50");
            item.quantity = pickQuantity(1_000_000);
            tx.commit();
            return item;
        }
    }

    // ---- upsert: insert or, on the tenant's SKU, update --------------------------------------------

    private static final String UPSERT = "INSERT INTO stock (tenant_id, sku, quantity) VALUES (?, ?, ?)"
            + " ON CONFLICT (tenant_id, sku) DO UPDATE SET quantity = EXCLUDED.quantity";
    private static final String[] STOCK_COLUMNS = {"id", "sku", "quantity"};

    /** An existing SKU of the tenant: the conflict path, so the table keeps its size. */
    private static String pickSku() {
        return Fixture.sku(pickRow(Fixture.ROWS));
    }

    @Benchmark
    public Stock upsert_jdbc(Fixture f) throws SQLException {
        int t = pickTenant();
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT, STOCK_COLUMNS)) {
            s.setString(1, Fixture.tenant(t));
            s.setString(2, pickSku());
            s.setInt(3, pickQuantity(1_000_000));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new Stock(keys.getLong(1), keys.getString(2), keys.getInt(3));
            }
        }
    }

    @Benchmark
    public Stock upsert_dao(Fixture f) {
        int t = pickTenant();
        Stock stock = new Stock(null, pickSku(), pickQuantity(1_000_000));
        return TenantContext.callAs(Fixture.tenant(t), () -> f.stocks.upsertBySku(stock));
    }

    @Benchmark
    public Stock upsert_jdbi(Fixture f) {
        int t = pickTenant();
        return f.stockJdbi.upsert(Fixture.tenant(t), pickSku(), pickQuantity(1_000_000));
    }

    /** JPA has no upsert by natural key: load by it, then change or persist, as Hibernate users write it. */
    @Benchmark
    public HibernateStock upsert_hibernate(Fixture f) {
        int t = pickTenant();
        String sku = pickSku();
        int quantity = pickQuantity(1_000_000);
        try (Session session = f.hibernate.withOptions().tenantIdentifier((Object) Fixture.tenant(t)).openSession()) {
            Transaction tx = session.beginTransaction();
            HibernateStock stock = session.bySimpleNaturalId(HibernateStock.class).load(sku);
            if (stock == null) {
                stock = new HibernateStock(sku, quantity);
                session.persist(stock);
            } else {
                stock.quantity = quantity;
            }
            tx.commit();
            return stock;
        }
    }

    // ---- a polymorphic page of 50: three subtypes, a table each ---------------------------------------

    private static final String PAYMENT_PAGE = "SELECT payment.id, payment.amount, payment.type, card_payment.last4,"
            + " transfer_payment.iban, voucher_payment.code FROM payment"
            + " LEFT JOIN card_payment ON card_payment.tenant_id = payment.tenant_id AND card_payment.id = payment.id"
            + " LEFT JOIN transfer_payment ON transfer_payment.tenant_id = payment.tenant_id"
            + " AND transfer_payment.id = payment.id"
            + " LEFT JOIN voucher_payment ON voucher_payment.tenant_id = payment.tenant_id AND voucher_payment.id = payment.id"
            + " WHERE payment.tenant_id = ? AND payment.id > ? ORDER BY payment.id LIMIT ?";

    private static long pickPaymentAfter(Fixture f, int tenant) {
        return f.paymentIds[tenant][pickRow(Fixture.ROWS - 50)];
    }

    @Benchmark
    public List<Payment> polymorphicPage50_jdbc(Fixture f) throws SQLException {
        int t = pickTenant();
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(PAYMENT_PAGE)) {
            s.setString(1, Fixture.tenant(t));
            s.setLong(2, pickPaymentAfter(f, t));
            s.setInt(3, 50);
            List<Payment> page = new ArrayList<>(50);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    BigDecimal amount = rows.getBigDecimal(2);
                    page.add(switch (rows.getString(3)) {
                        case "card" -> new Payment.Card(id, amount, rows.getString(4));
                        case "transfer" -> new Payment.Transfer(id, amount, rows.getString(5));
                        case "voucher" -> new Payment.Voucher(id, amount, rows.getString(6));
                        default -> throw new SQLException("unknown payment type " + rows.getString(3));
                    });
                }
            }
            return page;
        }
    }

    @Benchmark
    public List<Payment> polymorphicPage50_dao(Fixture f) {
        int t = pickTenant();
        long after = pickPaymentAfter(f, t);
        return TenantContext.callAs(Fixture.tenant(t), () -> f.payments.findAllAfter(after, 50));
    }

    @Benchmark
    public List<Payment> polymorphicPage50_jdbi(Fixture f) {
        int t = pickTenant();
        return f.stockJdbi.paymentPage(Fixture.tenant(t), pickPaymentAfter(f, t), 50);
    }

    @Benchmark
    public List<HibernatePayment> polymorphicPage50_hibernate(Fixture f) {
        int t = pickTenant();
        long after = pickPaymentAfter(f, t);
        try (Session session = f.hibernate.withOptions().tenantIdentifier((Object) Fixture.tenant(t)).openSession()) {
            return session.createSelectionQuery("from HibernatePayment where id > :after order by id", HibernatePayment.class)
                    .setParameter("after", after)
                    .setMaxResults(50)
                    .list();
        }
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
    public Item insert_jdbi(Fixture f) {
        return f.jdbi.insert(Fixture.INSERT_TENANT, new Item(null, "new", new BigDecimal("1.00"), 1));
    }

    @Benchmark
    public Long insert_hibernate(Fixture f) {
        try (Session session = f.hibernate.withOptions().tenantIdentifier((Object) Fixture.INSERT_TENANT).openSession()) {
            Transaction tx = session.beginTransaction();
            HibernateItem item = new HibernateItem("new", new BigDecimal("1.00"), 1);
            session.persist(item);
            tx.commit();
            return item.id;
        }
    }

    // ---- insert 1,000 rows ------------------------------------------------------------------------

    @Benchmark
    public int insert1000_jdbc(Fixture f) throws SQLException {
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
                int[] counts = s.executeBatch();
                c.commit();
                return counts.length;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @Benchmark
    public List<Item> insert1000_dao(Fixture f) {
        return TenantContext.callAs(Fixture.INSERT_TENANT, () -> f.items.insertAll(f.thousand));
    }

    @Benchmark
    public List<Item> insert1000_jdbi(Fixture f) {
        return f.jdbi.insertAll(Fixture.INSERT_TENANT, f.thousand);
    }


    @Benchmark
    public int insert1000_hibernate(Fixture f) {
        try (Session session = f.hibernate.withOptions().tenantIdentifier((Object) Fixture.INSERT_TENANT).openSession()) {
            Transaction tx = session.beginTransaction();
            for (Item item : f.thousand) {
                session.persist(new HibernateItem(item.name(), item.price(), item.quantity()));
            }
            tx.commit();
            return f.thousand.size();
        }
    }
}
