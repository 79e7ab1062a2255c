package dev.tenantdao.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.flyway.TenantMigrations;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.SchemaMapping;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Schema per tenant at scale (issue 20): what it costs to create tenants, what happens to find-by-id, a page of 50,
 * insert and update when the calls spread over N tenants' schemas instead of 10, what a server backend's memory
 * becomes after touching N schemas, and what pgjdbc's statement cache and the server's prepared statements do when
 * every tenant's SQL text differs. Three contenders do the same work, each on a pool of its own (one connection per
 * thread, so each has its own backend and its own pgjdbc cache):
 *
 * <ul>
 *   <li>{@code jdbc}: hand-written JDBC sending the schema-qualified statements the DAO sends
 *       ({@code ... FROM "scale_t00042".scale_item WHERE id = ?}), the reference;
 *   <li>{@code dao}: the generated {@link SchemaScaleItemDao} ({@code {schema}} filled in per call);
 *   <li>{@code searchPath}: hand-written JDBC with one SQL text for every tenant, the schema named by the search
 *       path set in the statement's own round trip: {@code SELECT set_config('search_path', ?, false); <statement
 *       on scale_item>; SELECT set_config('search_path', '<the pool's>', false)}, the tenant's path being
 *       {@code "scale_t00042", pg_catalog, pg_temp} (no {@code public}, temporary tables last), reset on failure.
 * </ul>
 *
 * <p>Run: {@code benchmarks/run main dev.tenantdao.benchmarks.SchemaScale} with {@code JAVA_OPTS} such as
 * {@code -Dscale.schemas=10000}; every property is listed in {@link Config#fromSystemProperties()}. Prints
 * markdown tables. {@code SchemaScaleTest} runs it small (20 schemas, a fixed number of calls, no timing) in the
 * default build and asserts its checks: every tenant sees exactly its own rows, through every contender, before
 * and after the calls; the search path contender never leaves a tenant's path on its pooled connection, and
 * neither resolves a missing tenant's table to the shared schema nor lets a temporary table stand in for it.
 */
public final class SchemaScale {

    static final String[] OPERATIONS = {"findById", "page50", "insert", "update"};
    static final String[] CONTENDERS = {"jdbc", "dao", "searchPath"};
    private static final String COLUMNS = "id, name, price, quantity";
    private static final String[] RETURNED = {"id", "name", "price", "quantity"};
    private static final BigDecimal PRICE = new BigDecimal("9.99");
    private static final BigDecimal NEW_PRICE = new BigDecimal("10.50");

    /**
     * What to run.
     *
     * @param prefix every schema's prefix: tenants {@code <prefix>t00001}..., the shared schema {@code <prefix>shared}
     * @param tenants how many tenants to create and spread calls over at most
     * @param rows rows per tenant (at least 60: a page of 50 after a random id)
     * @param levels the numbers of tenants the calls are spread over (the first is the reference, normally 10)
     * @param distributions {@code uniform} and/or {@code zipf} (s = 1: tenant k gets calls in proportion to 1/k)
     * @param rounds rounds of every measurement; levels, operations and contenders in reverse order every other round
     * @param seconds measured seconds per measurement (after {@code warmupSeconds} unmeasured)
     * @param calls when positive, a fixed number of calls per measurement instead of seconds (the smoke test's)
     * @param flywayTenants tenants created through {@code TenantMigrations.createTenant} before and after the rest
     * @param memorySteps the numbers of schemas touched after which a fresh backend's memory is read
     * @param touches find-by-ids per tenant in the memory phase, in a row (5 reach pgjdbc's prepare threshold)
     * @param operations the operations measured (of {@link #OPERATIONS})
     * @param reuse use the schemas of an earlier run with the same prefix and tenants instead of creating them
     */
    record Config(String prefix, int tenants, int rows, List<Integer> levels, List<String> distributions, int rounds,
            double seconds, double warmupSeconds, int calls, int flywayTenants, List<Integer> memorySteps, int touches,
            List<String> operations, boolean reuse) {

        /**
         * {@code -Dscale.schemas} (10,000 unless given; the largest level), {@code -Dscale.rows} (100),
         * {@code -Dscale.levels} (10,100,1000,10000 up to the tenants), {@code -Dscale.distributions} (uniform),
         * {@code -Dscale.rounds} (3), {@code -Dscale.seconds} (3), {@code -Dscale.warmup} (1),
         * {@code -Dscale.flywayTenants} (20), {@code -Dscale.memorySteps} (0,10,100,1000,10000 up to the tenants;
         * {@code none}: no memory phase),
         * {@code -Dscale.touches} (6), {@code -Dscale.prefix} (scale_), {@code -Dscale.operations} (all four),
         * {@code -Dscale.reuse} (false: drop the prefix's schemas and create them again).
         */
        static Config fromSystemProperties() {
            int tenants = Integer.getInteger("scale.schemas", 10_000);
            return new Config(System.getProperty("scale.prefix", "scale_"), tenants, Integer.getInteger("scale.rows", 100),
                    upTo(ints(System.getProperty("scale.levels", "10,100,1000,10000")), tenants),
                    List.of(System.getProperty("scale.distributions", "uniform").split(",")),
                    Integer.getInteger("scale.rounds", 3), Double.parseDouble(System.getProperty("scale.seconds", "3")),
                    Double.parseDouble(System.getProperty("scale.warmup", "1")), 0,
                    Integer.getInteger("scale.flywayTenants", 20),
                    System.getProperty("scale.memorySteps", "").equals("none") ? List.of()
                            : upTo(ints(System.getProperty("scale.memorySteps", "0,10,100,1000,10000")), tenants),
                    Integer.getInteger("scale.touches", 6),
                    List.of(System.getProperty("scale.operations", String.join(",", OPERATIONS)).split(",")),
                    Boolean.getBoolean("scale.reuse"));
        }

        private static List<Integer> ints(String list) {
            return Arrays.stream(list.split(",")).map(String::strip).map(Integer::valueOf).toList();
        }

        private static List<Integer> upTo(List<Integer> values, int max) {
            List<Integer> kept = new ArrayList<>(values.stream().filter(v -> v < max).toList());
            kept.add(max);
            return kept.stream().distinct().toList();
        }
    }

    /** One measurement: ops/s of one contender doing one operation spread over {@code level} tenants. */
    record Measurement(String distribution, int level, String operation, String contender, int round, long calls,
            double opsPerSecond, double serverCpuMicros, double clientCpuMicros) {}

    /** A fresh backend's memory and prepared statements after touching {@code schemas} tenants' schemas. */
    record Memory(String variant, int schemas, long totalBytes, long cacheBytes, long planBytes, int prepared,
            long genericPlans, long customPlans, double millisPerTouch) {}

    private final Config config;
    private final PrintStream out;
    private final Postgres server = Postgres.shared();
    private final String shared;
    private final String[] quoted;
    private final int[] inserted;
    private final List<Long> createNanos = new ArrayList<>();
    private final List<Long> flywayFirstNanos = new ArrayList<>();
    private final List<Long> flywayLastNanos = new ArrayList<>();
    private long fillNanos;
    /** After the tenants were made: the relations in {@code pg_class}, the size of {@code pg_catalog}. */
    private final String[] catalog = new String[2];
    final List<Measurement> measurements = new ArrayList<>();
    final List<Memory> memory = new ArrayList<>();
    /** How many times the checks ran over every tenant (the smoke test asserts it). */
    int checkedAllTenants;
    private HikariDataSource admin;
    private Database database;
    private final Map<String, Contender> contenders = new LinkedHashMap<>();
    private final SplittableRandom random = new SplittableRandom(20);

    SchemaScale(Config config, PrintStream out) {
        if (config.rows() < 60) {
            throw new IllegalArgumentException("at least 60 rows per tenant, not " + config.rows());
        }
        this.config = config;
        this.out = out;
        this.shared = config.prefix() + "shared";
        this.quoted = new String[config.tenants() + 1];   // one more: a tenant whose schema was never created
        for (int t = 0; t < quoted.length; t++) {
            quoted[t] = '"' + config.prefix() + tenant(t) + '"';
        }
        this.inserted = new int[config.tenants()];
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.fromSystemProperties();
        System.out.println("SchemaScale on " + Postgres.shared().description() + ": " + config);
        new SchemaScale(config, System.out).run();
    }

    static String tenant(int t) {
        return String.format(Locale.ROOT, "t%05d", t + 1);
    }

    static String name(int t, long id) {
        return tenant(t) + " item " + id;
    }

    /** Every phase, the tables printed as it goes. */
    void run() throws Exception {
        try {
            prepare();
            if (config.reuse()) {
                countInserted();
            } else {
                createTenants();
            }
            printCreation();
            checkEveryTenant("after creation");
            checkSearchPathSafety();
            measureThroughput();
            printThroughput();
            checkEveryTenant("after the calls");
            measureMemory();
            printMemory();
        } finally {
            close();
        }
    }

    // ---- set-up and tenant creation ------------------------------------------------------------

    private void prepare() throws SQLException {
        if (!config.reuse()) {
            dropSchemas();
        }
        prepareContenders();
    }

    private void prepareContenders() throws SQLException {
        DataSource sharedSchema = config.reuse() ? server.freshSchemaDataSource(shared) : server.freshSchema(shared);
        admin = pool(sharedSchema, 4);
        database = Database.builder(admin).sharedSchema(shared).schemaMapping(SchemaMapping.prefixed(config.prefix()))
                .build();
        // a decoy: a table of the same name in the shared schema, which a search path must never fall back to
        if (!config.reuse()) {
            execute("CREATE TABLE " + shared + ".scale_item (id bigint PRIMARY KEY, name text NOT NULL, price numeric"
                    + " NOT NULL, quantity integer NOT NULL)",
                    "INSERT INTO " + shared + ".scale_item VALUES (1, 'decoy in the shared schema', 0, 0)");
        }
        String resetPath = query(sharedSchema, "SELECT current_setting('search_path')");
        contenders.put("jdbc", new QualifiedJdbc(pool(sharedSchema, 1), quoted));
        HikariDataSource daoPool = pool(sharedSchema, 1);
        contenders.put("dao", new DaoContender(daoPool, new SchemaScaleItemDao(Database.builder(daoPool).sharedSchema(shared)
                .schemaMapping(SchemaMapping.prefixed(config.prefix())).build())));
        contenders.put("searchPath", new SearchPathJdbc(pool(sharedSchema, 1), quoted, resetPath));
    }

    private static HikariDataSource pool(DataSource dataSource, int size) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(size);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    private void createTenants() throws IOException, SQLException {
        Path migrations = Files.createTempDirectory("scale-migrations");
        Path schemaStream = Files.createDirectories(migrations.resolve("schema"));
        // the migration the processor writes first is the whole DDL, unqualified (Flyway runs it in the tenant's schema)
        Files.writeString(schemaStream.resolve("V1__scale_item.sql"),
                Schema.ddl(SchemaScaleItem.class).replace("{schema}.", ""));
        TenantMigrations flyway = TenantMigrations.builder(database).location("filesystem:" + migrations).build();
        int flywayTenants = Math.min(config.flywayTenants(), 1_000);
        for (int f = 0; f < flywayTenants; f++) {
            long start = System.nanoTime();
            flyway.createTenant("f" + tenant(f));
            flywayFirstNanos.add(System.nanoTime() - start);
        }
        SchemaScaleItemDao items = new SchemaScaleItemDao(database);
        long fillStart;
        for (int t = 0; t < config.tenants(); t++) {
            long start = System.nanoTime();
            database.createTenant(tenant(t), SchemaScaleItem.class);
            fillStart = System.nanoTime();
            createNanos.add(fillStart - start);
            List<SchemaScaleItem> rows = new ArrayList<>(config.rows());
            for (int r = 1; r <= config.rows(); r++) {
                rows.add(new SchemaScaleItem(null, name(t, r), PRICE, r));
            }
            int tenant = t;
            List<SchemaScaleItem> stored = TenantContext.callAs(tenant(t), () -> items.insertAll(rows));
            for (int r = 1; r <= config.rows(); r++) {
                require(stored.get(r - 1).id() == r, "tenant " + tenant + "'s row " + r + " has id " + stored.get(r - 1).id());
            }
            fillNanos += System.nanoTime() - fillStart;
            if ((t + 1) % 1_000 == 0) {
                out.printf("created %d tenants%n", t + 1);
            }
        }
        for (int f = flywayTenants; f < 2 * flywayTenants; f++) {
            long start = System.nanoTime();
            flyway.createTenant("f" + tenant(f));
            flywayLastNanos.add(System.nanoTime() - start);
        }
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");   // every tenant's table, as autovacuum would in time
            try (ResultSet row = s.executeQuery("SELECT to_char((SELECT count(*) FROM pg_class), 'FM999,999,999'),"
                    + " pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c"
                    + " WHERE c.relnamespace = 'pg_catalog'::regnamespace")) {
                row.next();
                catalog[0] = row.getString(1);
                catalog[1] = row.getString(2);
            }
        }
    }

    /** Reusing an earlier run's schemas: the rows each tenant has beyond those made with it. */
    private void countInserted() throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            for (int t = 0; t < config.tenants(); t++) {
                try (ResultSet row = s.executeQuery("SELECT count(*) FROM " + quoted[t] + ".scale_item")) {
                    row.next();
                    inserted[t] = (int) (row.getLong(1) - config.rows());
                }
            }
        }
    }

    // ---- the checks ----------------------------------------------------------------------------

    /**
     * Every tenant sees exactly its rows: its count (the rows made plus those inserted since) and its first row,
     * through every contender, and no row of its table is another tenant's (read by the tables' owner).
     */
    void checkEveryTenant(String when) throws SQLException {
        try (Connection c = admin.getConnection()) {
            for (int t = 0; t < config.tenants(); t++) {
                try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("SELECT count(*), count(*)"
                        + " FILTER (WHERE name NOT LIKE '" + tenant(t) + " %') FROM " + quoted[t] + ".scale_item")) {
                    row.next();
                    require(row.getLong(1) == config.rows() + inserted[t], when + ": tenant " + tenant(t) + " has "
                            + row.getLong(1) + " rows, not " + (config.rows() + inserted[t]));
                    require(row.getLong(2) == 0, when + ": tenant " + tenant(t) + " has another tenant's rows");
                }
                for (Map.Entry<String, Contender> contender : contenders.entrySet()) {
                    Optional<SchemaScaleItem> first = contender.getValue().find(t, 1);
                    require(first.isPresent() && first.get().name().equals(name(t, 1)), when + ": " + contender.getKey()
                            + " read " + first + " as tenant " + tenant(t) + "'s row 1");
                }
                require(contenders.get("dao").count(t) == config.rows() + inserted[t], when + ": the DAO's count");
                if (t < 10) {
                    long after = 1 + random.nextInt(config.rows() - 50);
                    List<SchemaScaleItem> page = contenders.get("jdbc").page(t, after);
                    require(page.size() == 50 && page.get(0).id() == after + 1 && page.get(0).name().equals(name(t, after + 1)),
                            when + ": jdbc's page");
                    for (Contender contender : contenders.values()) {
                        require(page.equals(contender.page(t, after)), when + ": the pages disagree");
                    }
                }
            }
        }
        ((SearchPathJdbc) contenders.get("searchPath")).requireReset(when);
        checkedAllTenants++;
    }

    /**
     * The search path contender on a tenant whose schema does not exist fails (undefined table), rather than
     * reading the decoy in the shared schema, and leaves the pool's path; a temporary table of the same name
     * on its connection does not stand in for a tenant's table (pg_temp is last in the path).
     */
    void checkSearchPathSafety() throws SQLException {
        SearchPathJdbc searchPath = (SearchPathJdbc) contenders.get("searchPath");
        int missing = config.tenants();
        try {
            Optional<SchemaScaleItem> found = searchPath.find(missing, 1);
            throw new IllegalStateException("a tenant without a schema read " + found);
        } catch (SQLException e) {
            require("42P01".equals(e.getSQLState()), "expected an undefined table, got " + e);
        }
        searchPath.requireReset("after a failed statement");
        try (Connection c = searchPath.pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE scale_item (id bigint PRIMARY KEY, name text NOT NULL, price numeric"
                    + " NOT NULL, quantity integer NOT NULL)");
            s.execute("INSERT INTO pg_temp.scale_item VALUES (1, 'decoy in pg_temp', 0, 0)");
        }
        try {
            Optional<SchemaScaleItem> first = searchPath.find(0, 1);
            require(first.isPresent() && first.get().name().equals(name(0, 1)), "read " + first + " with a temporary table");
        } finally {
            try (Connection c = searchPath.pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE pg_temp.scale_item");
            }
        }
        searchPath.requireReset("after the temporary table");
    }

    static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }

    // ---- throughput ----------------------------------------------------------------------------

    private void measureThroughput() throws SQLException {
        // every contender's backend reads every tenant's table and index once: no measurement pays the first touch
        for (Contender contender : contenders.values()) {
            for (int t = 0; t < config.tenants(); t++) {
                contender.find(t, 1 + random.nextInt(config.rows()));
                contender.page(t, 1 + random.nextInt(config.rows() - 50));
            }
        }
        for (String distribution : config.distributions()) {
            for (int round = 1; round <= config.rounds(); round++) {
                boolean reverse = round % 2 == 0;
                for (int level : ordered(config.levels(), reverse)) {
                    IntSupplier tenants = tenants(distribution, level);
                    for (String operation : ordered(config.operations(), reverse)) {
                        for (String name : ordered(List.of(CONTENDERS), reverse)) {
                            Contender contender = contenders.get(name);
                            if (config.calls() <= 0) {
                                run(contender, operation, tenants, 0, config.warmupSeconds());
                            }
                            long pid = backendPid(contender.pool());
                            long serverBefore = backendCpuMicros(pid);
                            long clientBefore = CLIENT.getCurrentThreadCpuTime();
                            long start = System.nanoTime();
                            long calls = run(contender, operation, tenants, config.calls(), config.seconds());
                            double seconds = (System.nanoTime() - start) / 1e9;
                            double client = (CLIENT.getCurrentThreadCpuTime() - clientBefore) / 1e3 / calls;
                            long serverAfter = backendCpuMicros(pid);
                            double server = serverBefore < 0 || serverAfter < 0 || pid != backendPid(contender.pool())
                                    ? Double.NaN : (double) (serverAfter - serverBefore) / calls;
                            measurements.add(new Measurement(distribution, level, operation, name, round, calls,
                                    calls / seconds, server, client));
                        }
                    }
                }
                out.printf("%s round %d done%n", distribution, round);
            }
        }
    }

    private static final java.lang.management.ThreadMXBean CLIENT = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long backendPid(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * The CPU time (user and system) backend {@code pid} has used, from {@code /proc/<pid>/stat} in clock ticks of
     * 10 ms (100 Hz, Linux's {@code USER_HZ}); -1 unless the server runs on this machine (127.0.0.1 or localhost, or
     * the embedded one) and the process is a PostgreSQL one.
     */
    private long backendCpuMicros(long pid) {
        String url = server.url();
        if (!(url.contains("//127.0.0.1") || url.contains("//localhost"))) {
            return -1;
        }
        try {
            Path proc = Path.of("/proc", Long.toString(pid));
            if (!Files.readString(proc.resolve("comm")).strip().startsWith("postgres")) {
                return -1;
            }
            String stat = Files.readString(proc.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3, utime field 14 and stime field 15 of stat(5)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static <T> List<T> ordered(List<T> values, boolean reverse) {
        List<T> copy = new ArrayList<>(values);
        if (reverse) {
            java.util.Collections.reverse(copy);
        }
        return copy;
    }

    /** Tenant indexes: uniform over {@code level}, or Zipf (s = 1) over them. */
    private IntSupplier tenants(String distribution, int level) {
        if (distribution.equals("uniform")) {
            return () -> random.nextInt(level);
        }
        if (!distribution.equals("zipf")) {
            throw new IllegalArgumentException("uniform or zipf, not " + distribution);
        }
        double[] cumulative = new double[level];
        double sum = 0;
        for (int k = 0; k < level; k++) {
            sum += 1.0 / (k + 1);
            cumulative[k] = sum;
        }
        double total = sum;
        return () -> {
            int found = Arrays.binarySearch(cumulative, random.nextDouble() * total);
            return Math.min(level - 1, found >= 0 ? found : -found - 1);
        };
    }

    /** Calls {@code operation} {@code calls} times, or for {@code seconds} when {@code calls} is 0; the number made. */
    private long run(Contender contender, String operation, IntSupplier tenants, int calls, double seconds)
            throws SQLException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long made = 0;
        while (calls > 0 ? made < calls : System.nanoTime() < end) {
            int t = tenants.getAsInt();
            switch (operation) {
                case "findById" -> {
                    long id = 1 + random.nextInt(config.rows());
                    Optional<SchemaScaleItem> row = contender.find(t, id);
                    if (row.isEmpty() || row.get().id() != id) {
                        throw new IllegalStateException("no row " + id + " in tenant " + tenant(t));
                    }
                }
                case "page50" -> {
                    if (contender.page(t, 1 + random.nextInt(config.rows() - 50)).size() != 50) {
                        throw new IllegalStateException("a short page in tenant " + tenant(t));
                    }
                }
                case "insert" -> {
                    contender.insert(t, new SchemaScaleItem(null, tenant(t) + " new", PRICE, 1));
                    inserted[t]++;
                }
                case "update" -> {
                    long id = 1 + random.nextInt(config.rows());
                    SchemaScaleItem row = contender.update(t, new SchemaScaleItem(id, name(t, id), NEW_PRICE, random.nextInt(1_000)));
                    if (row.id() != id) {
                        throw new IllegalStateException("updated " + row + " for " + id);
                    }
                }
                default -> throw new IllegalArgumentException(operation);
            }
            made++;
        }
        return made;
    }

    // ---- a backend's memory --------------------------------------------------------------------

    /**
     * For each variant a fresh connection (a fresh backend and a fresh pgjdbc cache) touches tenants one after the
     * other, {@code touches} find-by-ids and one page each; after each step the backend's memory contexts and
     * prepared statements, read on the same connection.
     */
    private void measureMemory() throws SQLException {
        if (config.memorySteps().isEmpty()) {
            return;
        }
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        variants.put("qualified", Map.of());
        variants.put("qualified, cache 100,000 / 1 GiB", Map.of("preparedStatementCacheQueries", "100000",
                "preparedStatementCacheSizeMiB", "1024"));
        variants.put("searchPath", Map.of());
        for (Map.Entry<String, Map<String, String>> variant : variants.entrySet()) {
            PGSimpleDataSource source = (PGSimpleDataSource) server.freshSchemaDataSource(shared);
            for (Map.Entry<String, String> property : variant.getValue().entrySet()) {
                source.setProperty(property.getKey(), property.getValue());
            }
            String resetPath = query(source, "SELECT current_setting('search_path')");
            try (HikariDataSource one = pool(source, 1)) {
                Contender contender = variant.getKey().equals("searchPath")
                        ? new SearchPathJdbc(one, quoted, resetPath) : new QualifiedJdbc(one, quoted);
                int touched = 0;
                for (int step : config.memorySteps()) {
                    int before = touched;
                    long start = System.nanoTime();
                    for (; touched < step; touched++) {
                        for (int i = 0; i < config.touches(); i++) {
                            contender.find(touched, 1 + random.nextInt(config.rows()));
                        }
                        contender.page(touched, 1 + random.nextInt(config.rows() - 50));
                    }
                    double millis = (System.nanoTime() - start) / 1e6;
                    int calls = (touched - before) * (config.touches() + 1);
                    memory.add(backendMemory(one, variant.getKey(), step, calls == 0 ? 0 : millis / calls));
                }
            }
            out.printf("memory: %s done%n", variant.getKey());
        }
    }

    private static Memory backendMemory(DataSource one, String variant, int schemas, double millisPerTouch)
            throws SQLException {
        try (Connection c = one.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet row = s.executeQuery("SELECT sum(total_bytes),"
                    + " sum(total_bytes) FILTER (WHERE name = 'CacheMemoryContext' OR parent = 'CacheMemoryContext'),"
                    + " sum(total_bytes) FILTER (WHERE name LIKE 'CachedPlan%' OR parent LIKE 'CachedPlan%')"
                    + " FROM pg_backend_memory_contexts")) {
                row.next();
                long total = row.getLong(1);
                long cache = row.getLong(2);
                long plans = row.getLong(3);
                try (ResultSet prepared = s.executeQuery("SELECT count(*), coalesce(sum(generic_plans), 0),"
                        + " coalesce(sum(custom_plans), 0) FROM pg_prepared_statements")) {
                    prepared.next();
                    return new Memory(variant, schemas, total, cache, plans, prepared.getInt(1), prepared.getLong(2),
                            prepared.getLong(3), millisPerTouch);
                }
            }
        }
    }

    // ---- the report ----------------------------------------------------------------------------

    private void printCreation() {
        if (createNanos.isEmpty()) {
            return;   // reused schemas
        }
        out.println();
        out.println("### Creating tenants");
        out.println();
        out.printf(Locale.ROOT, "Database.createTenant, %d tenants: %.1f s in all, the first %.1f ms (rows filled apart:"
                + " %.1f s for %d rows each); then %s relations in pg_class, the catalog %s%n", createNanos.size(),
                sum(createNanos) / 1e9, createNanos.get(0) / 1e6, fillNanos / 1e9, config.rows(), catalog[0], catalog[1]);
        out.println();
        out.println("| tenants | ms per tenant (median) | p90 | max | tenants/s |");
        out.println("|---|---:|---:|---:|---:|");
        int bucket = Math.max(1, createNanos.size() / 10);
        for (int from = 0; from < createNanos.size(); from += bucket) {
            List<Long> part = createNanos.subList(from, Math.min(createNanos.size(), from + bucket));
            out.printf(Locale.ROOT, "| %,d-%,d | %.1f | %.1f | %.1f | %,.0f |%n", from + 1, from + part.size(),
                    percentile(part, 50) / 1e6, percentile(part, 90) / 1e6, percentile(part, 100) / 1e6,
                    part.size() / (sum(part) / 1e9));
        }
        if (!flywayFirstNanos.isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "TenantMigrations.createTenant (Flyway), %d tenants before the others: %.1f ms median"
                    + " (%.1f-%.1f); %d after them: %.1f ms median (%.1f-%.1f)%n", flywayFirstNanos.size(),
                    percentile(flywayFirstNanos, 50) / 1e6, percentile(flywayFirstNanos, 0) / 1e6,
                    percentile(flywayFirstNanos, 100) / 1e6, flywayLastNanos.size(), percentile(flywayLastNanos, 50) / 1e6,
                    percentile(flywayLastNanos, 0) / 1e6, percentile(flywayLastNanos, 100) / 1e6);
        }
    }

    private void printThroughput() {
        int reference = config.levels().get(0);
        for (String distribution : config.distributions()) {
            out.println();
            out.printf("### Throughput, %s over N tenants (%d round(s); ratios per round, then their median and min-max)%n",
                    distribution, config.rounds());
            out.println();
            out.println("| operation | contender | N | ops/s (median) | ratio to N=" + reference + " | min-max"
                    + " | ratio to jdbc | min-max | server CPU us/op | client CPU us/op | CPU ratio to N=" + reference
                    + " | min-max |");
            out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (String operation : config.operations()) {
                for (String contender : CONTENDERS) {
                    for (int level : config.levels()) {
                        List<Double> scores = new ArrayList<>();
                        List<Double> toReference = new ArrayList<>();
                        List<Double> toJdbc = new ArrayList<>();
                        List<Double> server = new ArrayList<>();
                        List<Double> client = new ArrayList<>();
                        List<Double> cpuToReference = new ArrayList<>();
                        for (int round = 1; round <= config.rounds(); round++) {
                            Measurement m = measurement(distribution, level, operation, contender, round);
                            Measurement atReference = measurement(distribution, reference, operation, contender, round);
                            scores.add(m.opsPerSecond());
                            toReference.add(m.opsPerSecond() / atReference.opsPerSecond());
                            toJdbc.add(m.opsPerSecond() / measurement(distribution, level, operation, "jdbc", round)
                                    .opsPerSecond());
                            server.add(m.serverCpuMicros());
                            client.add(m.clientCpuMicros());
                            cpuToReference.add((atReference.serverCpuMicros() + atReference.clientCpuMicros())
                                    / (m.serverCpuMicros() + m.clientCpuMicros()));
                        }
                        out.printf(Locale.ROOT, "| %s | %s | %,d | %,.0f | %.2f | %.2f-%.2f | %.2f | %.2f-%.2f | %.0f | %.0f"
                                        + " | %.2f | %.2f-%.2f |%n",
                                operation, contender, level, median(scores), median(toReference), min(toReference),
                                max(toReference), median(toJdbc), min(toJdbc), max(toJdbc), median(server),
                                median(client), median(cpuToReference), min(cpuToReference), max(cpuToReference));
                    }
                }
            }
        }
    }

    Measurement measurement(String distribution, int level, String operation, String contender, int round) {
        return measurements.stream()
                .filter(m -> m.distribution().equals(distribution) && m.level() == level
                        && m.operation().equals(operation) && m.contender().equals(contender) && m.round() == round)
                .findFirst()
                .orElseThrow();
    }

    private void printMemory() {
        if (memory.isEmpty()) {
            return;
        }
        out.println();
        out.printf("### A fresh backend after touching N schemas (%d find-by-ids in a row and a page of 50 each)%n",
                config.touches());
        out.println();
        out.println("| variant | N | backend total | cache contexts | plan contexts | prepared statements | generic plans"
                + " | custom plans | ms per call |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Memory m : memory) {
            out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %s | %,d | %,d | %,d | %.2f |%n", m.variant(), m.schemas(),
                    bytes(m.totalBytes()), bytes(m.cacheBytes()), bytes(m.planBytes()), m.prepared(), m.genericPlans(),
                    m.customPlans(), m.millisPerTouch());
        }
    }

    private static String bytes(long bytes) {
        return bytes >= 10L << 20 ? String.format(Locale.ROOT, "%,.0f MiB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%,.1f MiB", bytes / 1048576.0);
    }

    private static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

    private static double percentile(List<Long> values, int percent) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - (percent == 0 ? 0 : 1))];
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private String query(DataSource source, String sql) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private void execute(String... sql) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        }
    }

    private void close() {
        for (Contender contender : contenders.values()) {
            contender.close();
        }
        if (admin != null) {
            admin.close();
        }
    }

    /**
     * Drops every schema of this run's prefix (before a run, and the smoke test's clean-up), one a transaction: ten
     * thousand in one would exhaust the server's lock table.
     */
    void dropSchemas() throws SQLException {
        try (Connection c = server.dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> all = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '"
                    + config.prefix().replace("_", "\\_") + "%'")) {
                while (rows.next()) {
                    all.add(rows.getString(1));
                }
            }
            for (String schema : all) {
                s.execute("DROP SCHEMA \"" + schema + "\" CASCADE");
            }
        }
    }

    // ---- the contenders ------------------------------------------------------------------------

    /** One way of doing the four operations (and the checks' count) in tenant {@code t}. */
    interface Contender extends AutoCloseable {
        Optional<SchemaScaleItem> find(int t, long id) throws SQLException;

        List<SchemaScaleItem> page(int t, long after) throws SQLException;

        SchemaScaleItem insert(int t, SchemaScaleItem item) throws SQLException;

        SchemaScaleItem update(int t, SchemaScaleItem item) throws SQLException;

        long count(int t) throws SQLException;

        @Override
        void close();

        /** The contender's pool: one connection, so one backend. */
        HikariDataSource pool();
    }

    static SchemaScaleItem read(ResultSet rows) throws SQLException {
        return new SchemaScaleItem(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3), rows.getInt(4));
    }

    static List<SchemaScaleItem> readAll(ResultSet rows) throws SQLException {
        List<SchemaScaleItem> page = new ArrayList<>(50);
        while (rows.next()) {
            page.add(read(rows));
        }
        return page;
    }

    /** The generated DAO, in a {@code TenantContext} block per call. */
    static final class DaoContender implements Contender {
        private final HikariDataSource pool;
        private final SchemaScaleItemDao items;

        DaoContender(HikariDataSource pool, SchemaScaleItemDao items) {
            this.pool = pool;
            this.items = items;
        }

        @Override
        public Optional<SchemaScaleItem> find(int t, long id) {
            return TenantContext.callAs(tenant(t), () -> items.findById(id));
        }

        @Override
        public List<SchemaScaleItem> page(int t, long after) {
            return TenantContext.callAs(tenant(t), () -> items.findAllAfter(after, 50));
        }

        @Override
        public SchemaScaleItem insert(int t, SchemaScaleItem item) {
            return TenantContext.callAs(tenant(t), () -> items.insert(item));
        }

        @Override
        public SchemaScaleItem update(int t, SchemaScaleItem item) {
            return TenantContext.callAs(tenant(t), () -> items.update(item));
        }

        @Override
        public long count(int t) {
            return TenantContext.callAs(tenant(t), items::count);
        }

        @Override
        public void close() {
            pool.close();
        }

        @Override
        public HikariDataSource pool() {
            return pool;
        }
    }

    /** Hand-written JDBC naming the tenant's schema in the text, as the DAO does: one text per tenant. */
    static final class QualifiedJdbc implements Contender {
        final HikariDataSource pool;
        private final String[] quoted;

        QualifiedJdbc(HikariDataSource pool, String[] quoted) {
            this.pool = pool;
            this.quoted = quoted;
        }

        @Override
        public Optional<SchemaScaleItem> find(int t, long id) throws SQLException {
            try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM " + quoted[t] + ".scale_item WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rows = s.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.empty();
                }
            }
        }

        @Override
        public List<SchemaScaleItem> page(int t, long after) throws SQLException {
            try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM " + quoted[t] + ".scale_item WHERE id > ? ORDER BY id LIMIT ?")) {
                s.setLong(1, after);
                s.setInt(2, 50);
                try (ResultSet rows = s.executeQuery()) {
                    return readAll(rows);
                }
            }
        }

        @Override
        public SchemaScaleItem insert(int t, SchemaScaleItem item) throws SQLException {
            try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                    "INSERT INTO " + quoted[t] + ".scale_item (name, price, quantity) VALUES (?, ?, ?)", RETURNED)) {
                s.setString(1, item.name());
                s.setBigDecimal(2, item.price());
                s.setInt(3, item.quantity());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return read(keys);
                }
            }
        }

        @Override
        public SchemaScaleItem update(int t, SchemaScaleItem item) throws SQLException {
            try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE " + quoted[t] + ".scale_item SET name = ?, price = ?, quantity = ? WHERE id = ?", RETURNED)) {
                s.setString(1, item.name());
                s.setBigDecimal(2, item.price());
                s.setInt(3, item.quantity());
                s.setLong(4, item.id());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new IllegalStateException("no row " + item.id());
                    }
                    return read(keys);
                }
            }
        }

        @Override
        public long count(int t) throws SQLException {
            try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT count(*) FROM " + quoted[t] + ".scale_item"); ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }

        @Override
        public void close() {
            pool.close();
        }

        @Override
        public HikariDataSource pool() {
            return pool;
        }
    }

    /**
     * Hand-written JDBC with one text for every tenant: the tenant's search path set for the session in front of the
     * statement and the pool's path set back behind it, one round trip ({@code SELECT set_config(...); <statement>;
     * SELECT set_config(...)}, the form the runtime uses for row-level security outside a transaction); when the
     * statement fails the path is set back before the connection returns to the pool.
     */
    static final class SearchPathJdbc implements Contender {
        private static final String SET = "SELECT set_config('search_path', ?, false)";
        final HikariDataSource pool;
        private final String[] paths;
        private final String resetPath;
        private final String reset;
        private final String find;
        private final String page;
        private final String insert;
        private final String update;
        private final String count;

        SearchPathJdbc(HikariDataSource pool, String[] quoted, String resetPath) {
            this.pool = pool;
            this.paths = Arrays.stream(quoted).map(q -> q + ", pg_catalog, pg_temp").toArray(String[]::new);
            this.resetPath = resetPath;
            this.reset = "SELECT set_config('search_path', '" + resetPath.replace("'", "''") + "', false)";
            this.find = wrap("SELECT " + COLUMNS + " FROM scale_item WHERE id = ?");
            this.page = wrap("SELECT " + COLUMNS + " FROM scale_item WHERE id > ? ORDER BY id LIMIT ?");
            this.insert = wrap("INSERT INTO scale_item (name, price, quantity) VALUES (?, ?, ?) RETURNING " + COLUMNS);
            this.update = wrap("UPDATE scale_item SET name = ?, price = ?, quantity = ? WHERE id = ? RETURNING " + COLUMNS);
            this.count = wrap("SELECT count(*) FROM scale_item");
        }

        private String wrap(String statement) {
            return SET + "; " + statement + "; " + reset;
        }

        /** Runs the statement between the two settings; its rows to {@code reader}. */
        private <T> T call(String sql, int t, Binder binder, Reader<T> reader) throws SQLException {
            try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                try {
                    s.setString(1, paths[t]);
                    binder.bind(s);
                    s.execute();
                    s.getMoreResults(Statement.KEEP_CURRENT_RESULT);
                    try (ResultSet rows = s.getResultSet()) {
                        return reader.read(rows);
                    }
                } catch (SQLException | RuntimeException e) {
                    try (Statement back = c.createStatement()) {
                        back.execute(reset);
                    } catch (SQLException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    throw e;
                }
            }
        }

        interface Binder {
            void bind(PreparedStatement statement) throws SQLException;
        }

        interface Reader<T> {
            T read(ResultSet rows) throws SQLException;
        }

        /** The pooled connection is back on the pool's path (else an exception naming the path it kept). */
        void requireReset(String when) throws SQLException {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet row = s.executeQuery("SELECT current_setting('search_path')")) {
                row.next();
                require(resetPath.equals(row.getString(1)), when + ": the pooled connection kept search_path "
                        + row.getString(1));
            }
        }

        @Override
        public Optional<SchemaScaleItem> find(int t, long id) throws SQLException {
            return call(find, t, s -> s.setLong(2, id), rows -> rows.next() ? Optional.of(read(rows)) : Optional.empty());
        }

        @Override
        public List<SchemaScaleItem> page(int t, long after) throws SQLException {
            return call(page, t, s -> {
                s.setLong(2, after);
                s.setInt(3, 50);
            }, SchemaScale::readAll);
        }

        @Override
        public SchemaScaleItem insert(int t, SchemaScaleItem item) throws SQLException {
            return call(insert, t, s -> {
                s.setString(2, item.name());
                s.setBigDecimal(3, item.price());
                s.setInt(4, item.quantity());
            }, rows -> {
                rows.next();
                return read(rows);
            });
        }

        @Override
        public SchemaScaleItem update(int t, SchemaScaleItem item) throws SQLException {
            return call(update, t, s -> {
                s.setString(2, item.name());
                s.setBigDecimal(3, item.price());
                s.setInt(4, item.quantity());
                s.setLong(5, item.id());
            }, rows -> {
                if (!rows.next()) {
                    throw new IllegalStateException("no row " + item.id());
                }
                return read(rows);
            });
        }

        @Override
        public long count(int t) throws SQLException {
            return call(count, t, s -> { }, rows -> {
                rows.next();
                return rows.getLong(1);
            });
        }

        @Override
        public void close() {
            pool.close();
        }

        @Override
        public HikariDataSource pool() {
            return pool;
        }
    }
}
