package dev.tenantdao.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One schema, one pool (the same HikariCP settings for every contender, Hibernate and Spring Data included), 100
 * tenants x 1,000 rows in {@code item}, {@code secured_item}, {@code audited_item}, {@code stock}, {@code payment}
 * and {@code product} (the last in {@value #CATEGORIES} categories of 100 rows each, with an index on
 * {@code (tenant_id, category, id)}). Inserts go to tenant {@code inserts}, emptied after every iteration so table
 * sizes do not drift.
 */
@State(Scope.Benchmark)
public class Fixture {

    /**
     * 100 tenants x 1,000 rows; the smoke test ({@code BenchmarksSmokeTest}) sets {@code -Dbench.tenants} and
     * {@code -Dbench.rows} lower, to build the fixture in a second. The checks need at least 8 tenants and 500 rows
     * (a page of 50 in each of {@value #CATEGORIES} categories).
     */
    static final int TENANTS = Integer.getInteger("bench.tenants", 100);
    static final int ROWS = Integer.getInteger("bench.rows", 1_000);
    /** The schema the fixture drops and creates; the smoke test uses its own, so it never drops a running benchmark's. */
    static final String SCHEMA = System.getProperty("bench.schema", "benchmarks");
    static final String INSERT_TENANT = "inserts";
    static final int CATEGORIES = 10;
    /** The two prices every audited item of a tenant takes in turn in {@code auditedBulkUpdate1000}. */
    private static final BigDecimal FIRST_PRICE = new BigDecimal("9.99");
    private static final BigDecimal SECOND_PRICE = new BigDecimal("10.99");

    HikariDataSource pool;
    private RecordingDataSource recording;
    Database database;
    ItemDao items;
    /** The same DAO on a Database with a Micrometer listener registered (issue 18: what a listener costs). */
    ItemDao itemsMeasured;
    SecuredItemDao securedItems;
    AuditedItemDao auditedItems;
    ItemJdbi jdbi;
    StockJdbi stockJdbi;
    StockDao stocks;
    PaymentDao payments;
    long[][] paymentIds = new long[TENANTS][];
    SessionFactory hibernate;
    long[][] ids = new long[TENANTS][];
    long[][] securedIds = new long[TENANTS][];
    long[][] auditedIds = new long[TENANTS][];
    /** insert1000's rows: tenant 0's {@link #ROWS} rows (1,000; fewer in the smoke test). */
    List<Item> thousand = new ArrayList<>();
    /** The same rows as {@link SecuredItem}s (ReadBackBenchmark's insertAll under row-level security). */
    List<SecuredItem> securedThousand = new ArrayList<>();
    // the repository benchmarks (RepositoryBenchmark)
    long[][] productIds = new long[TENANTS][];
    Products products;
    AuditedItems auditedItemsRepository;
    ProductJdbi productJdbi;
    AnnotationConfigApplicationContext spring;
    SpringProducts springProducts;
    /** Per tenant: whether its audited items are at {@link #SECOND_PRICE} (all of them are at one price). */
    private final boolean[] atSecondPrice = new boolean[TENANTS];

    /**
     * The recorder under the pool, for {@link StatementCounts} (only wired in with
     * {@code -Dbench.main... -Dbench.record=true}; timed runs go straight to the driver).
     */
    RecordingDataSource recordingForCounts() {
        if (!Boolean.getBoolean("bench.record")) {
            throw new IllegalStateException("run with -Dbench.record=true");
        }
        return recording;
    }

    static String tenant(int index) {
        return "tenant-" + index;
    }

    static String category(int index) {
        return "category-" + index;
    }

    /**
     * The price to give all of tenant {@code t}'s audited items next: the other of two, so that every bulk update
     * changes (and audits) all 1,000 rows and the rows return to where they were every second time.
     */
    BigDecimal nextBulkPrice(int t) {
        atSecondPrice[t] = !atSecondPrice[t];
        return atSecondPrice[t] ? SECOND_PRICE : FIRST_PRICE;
    }

    @Setup(Level.Trial)
    public void setUp() {
        if (TENANTS < 8 || ROWS < 500) {
            throw new IllegalStateException("the contenders' checks need at least 8 tenants and 500 rows, not "
                    + TENANTS + " and " + ROWS);
        }
        DataSource schema = Postgres.shared().freshSchema(SCHEMA);
        Schema.create(schema, Item.class, SecuredItem.class, AuditedItem.class, Stock.class, Payment.class,
                Product.class);
        // Envers' revision sequence, created here because Hibernate's schema update looks sequences up in every
        // schema of the database: with another fixture's schema beside this one (the smoke test's and a timed run's)
        // it finds that one's and creates none here (as Hibernate would create it: increment 50, its allocation size)
        try (Connection connection = schema.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SEQUENCE revinfo_seq INCREMENT BY 50");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        recording = new RecordingDataSource(schema);
        HikariConfig config = new HikariConfig();
        config.setDataSource(Boolean.getBoolean("bench.record") ? recording : schema);
        config.setMaximumPoolSize(4);
        config.setAutoCommit(true);
        pool = new HikariDataSource(config);
        database = new Database(pool);
        items = new ItemDao(database);
        itemsMeasured = new ItemDao(Database.builder(pool).statementListener(
                dev.tenantdao.micrometer.MicrometerStatementListener.of(
                        new io.micrometer.core.instrument.simple.SimpleMeterRegistry())).build());
        securedItems = new SecuredItemDao(database);
        auditedItems = new AuditedItemDao(database);
        jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin()).onDemand(ItemJdbi.class);
        stockJdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin()).onDemand(StockJdbi.class);
        stocks = new StockDao(database);
        payments = new PaymentDao(database);
        products = new ProductsImpl(database);
        auditedItemsRepository = new AuditedItemsImpl(database);
        productJdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin()).onDemand(ProductJdbi.class);
        spring = SpringData.start(pool);
        springProducts = spring.getBean(SpringProducts.class);
        hibernate = new MetadataSources(new StandardServiceRegistryBuilder()
                        .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool)
                        // creates only what is missing: Envers' revision and audit tables
                        .applySetting(AvailableSettings.HBM2DDL_AUTO, "update")
                        // the SKU is unique per tenant in our DDL; Hibernate would add a key on the SKU alone
                        .applySetting("hibernate.schema_update.unique_constraint_strategy", "SKIP")
                        .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                        .build())
                .addAnnotatedClass(HibernateItem.class)
                .addAnnotatedClass(HibernateAuditedItem.class)
                .addAnnotatedClass(HibernateStock.class)
                .addAnnotatedClass(HibernatePayment.class)
                .addAnnotatedClass(HibernatePayment.Card.class)
                .addAnnotatedClass(HibernatePayment.Transfer.class)
                .addAnnotatedClass(HibernatePayment.Voucher.class)
                .buildMetadata()
                .buildSessionFactory();
        for (int t = 0; t < TENANTS; t++) {
            List<Item> rows = new ArrayList<>(ROWS);
            List<SecuredItem> secured = new ArrayList<>(ROWS);
            List<AuditedItem> audited = new ArrayList<>(ROWS);
            for (int r = 0; r < ROWS; r++) {
                rows.add(new Item(null, "item " + r, new BigDecimal("9.99"), r));
                secured.add(new SecuredItem(null, "item " + r, new BigDecimal("9.99"), r));
                audited.add(new AuditedItem(null, "item " + r, new BigDecimal("9.99"), r));
            }
            int index = t;
            ids[t] = TenantContext.callAs(tenant(t), () -> items.insertAll(rows)).stream().mapToLong(Item::id).toArray();
            securedIds[t] = TenantContext.callAs(tenant(t), () -> securedItems.insertAll(secured)).stream()
                    .mapToLong(SecuredItem::id).toArray();
            auditedIds[t] = TenantContext.callAs(tenant(t), () -> auditedItems.insertAll(audited)).stream()
                    .mapToLong(AuditedItem::id).toArray();
            if (index == 0) {
                thousand.addAll(rows);
                rows.forEach(i -> securedThousand.add(new SecuredItem(null, i.name(), i.price(), i.quantity())));
            }
        }
        for (int t = 0; t < TENANTS; t++) {
            List<Stock> stock = new ArrayList<>(ROWS);
            for (int r = 0; r < ROWS; r++) {
                stock.add(new Stock(null, sku(r), r));
            }
            TenantContext.runAs(tenant(t), () -> stocks.insertAll(stock));
        }
        ProductDao productDao = new ProductDao(database);
        for (int t = 0; t < TENANTS; t++) {
            List<Product> rows = new ArrayList<>(ROWS);
            for (int r = 0; r < ROWS; r++) {
                rows.add(new Product(null, "product " + r, category(r % CATEGORIES), new BigDecimal("9.99"), r));
            }
            productIds[t] = TenantContext.callAs(tenant(t), () -> productDao.insertAll(rows)).stream()
                    .mapToLong(Product::id).toArray();
        }
        // what a page by category reads: an index range scan in id order (tenantdao declares no secondary indexes)
        execute("CREATE INDEX product_tenant_category ON product (tenant_id, category, id)");
        // payments of all three kinds, in turn, written in SQL (the joined subtypes' DAOs insert one by one)
        execute("WITH root AS (INSERT INTO payment (tenant_id, type, amount)"
                        + " SELECT 'tenant-' || t, (ARRAY['card', 'transfer', 'voucher'])[1 + g % 3], 10 + g"
                        + " FROM generate_series(0, " + (TENANTS - 1) + ") t, generate_series(0, " + (ROWS - 1) + ") g"
                        + " ORDER BY t, g RETURNING tenant_id, id, type),"
                        + " cards AS (INSERT INTO card_payment (tenant_id, id, last4)"
                        + " SELECT tenant_id, id, lpad((id % 10000)::text, 4, '0') FROM root WHERE type = 'card'),"
                        + " transfers AS (INSERT INTO transfer_payment (tenant_id, id, iban)"
                        + " SELECT tenant_id, id, 'DE89370400440532' || id FROM root WHERE type = 'transfer')"
                        + " INSERT INTO voucher_payment (tenant_id, id, code) SELECT tenant_id, id, 'V-' || id FROM root"
                        + " WHERE type = 'voucher'");
        for (int t = 0; t < TENANTS; t++) {
            paymentIds[t] = ids("SELECT id FROM payment WHERE tenant_id = '" + tenant(t) + "' ORDER BY id");
        }
        execute("ANALYZE item", "ANALYZE secured_item", "ANALYZE audited_item", "ANALYZE audited_item_history",
                "ANALYZE stock", "ANALYZE payment", "ANALYZE card_payment", "ANALYZE transfer_payment",
                "ANALYZE voucher_payment", "ANALYZE product");
    }

    @TearDown(Level.Iteration)
    public void removeInserted() {
        execute("DELETE FROM item WHERE tenant_id = '" + INSERT_TENANT + "'");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        spring.close();
        hibernate.close();
        pool.close();
    }

    static String sku(int row) {
        return "sku-" + row;
    }

    long[] ids(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery(sql)) {
            java.util.List<Long> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String... sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
