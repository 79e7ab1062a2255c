package dev.tenantdao.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantRouting;
import dev.tenantdao.testkit.Postgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Database per tenant at scale (issue 20): {@code scale.databases} tenant databases (default 1,000) spread over two
 * PostgreSQL servers (the testkit's, and an embedded one this harness starts on another port), each holding
 * {@value #ROWS} rows of {@link TenantNote}; the generated DAO reaches them through {@link TenantRouting#lazy} with a
 * bounded number of open HikariCP pools, under Zipf-distributed access (tenant of rank k drawn with probability
 * proportional to 1/k^s, like real tenants: a few hot, a long tail).
 *
 * <p>Measured, side by side in one run, in rounds whose order alternates:
 *
 * <ul>
 *   <li><b>throughput</b> of {@code findById} by {@code dpt.threads} client threads for each bound of open pools in
 *       {@code dpt.pools}, against the same load on <b>one database</b> (one pool of {@code dpt.threads}
 *       connections, every tenant routed to it);
 *   <li><b>churn</b>: pools created (so evicted and closed) and server connections opened and closed, per second;
 *   <li><b>the first call to a cold tenant</b> (pool creation, connection, first statement; the eviction of the
 *       least recently used pool included when the bound is reached) against the warm call that follows it, as a
 *       distribution (median, p90, p99, max).
 * </ul>
 *
 * <p>Run: {@code benchmarks/run main dev.tenantdao.benchmarks.DatabasePerTenant} with {@code JAVA_OPTS} such as
 * {@code -Dscale.databases=1000 -Ddpt.pools=20,50 -Ddpt.poolSize=2 -Ddpt.threads=4 -Ddpt.seconds=20 -Ddpt.rounds=3}. The databases
 * are named after the testkit's database ({@code <its name>_dpt_<n>}) and dropped at the end (also at the start, if
 * a run was interrupted). {@link #sanity} is what {@code DatabasePerTenantSmokeTest} runs in every build, with 6
 * databases.
 */
public final class DatabasePerTenant implements AutoCloseable {

    /** Rows per tenant database. */
    static final int ROWS = Integer.getInteger("dpt.rows", 100);
    /** The most connections of a tenant's pool in the timed loads ({@code dpt.poolSize}); one is kept idle. */
    static final int TENANT_POOL_SIZE = Integer.getInteger("dpt.poolSize", 2);
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:]+)(?::(\\d+))?/([^?]+).*");

    /** A server: where it is, and an administrative data source on its maintenance database. */
    record Server(String name, String host, int port, String user, String password) {
        PGSimpleDataSource dataSource(String database) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setServerNames(new String[] {host});
            dataSource.setPortNumbers(new int[] {port});
            dataSource.setDatabaseName(database);
            dataSource.setUser(user);
            dataSource.setPassword(password);
            return dataSource;
        }

        void execute(String database, String... statements) {
            try (Connection connection = dataSource(database).getConnection();
                    Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(name + ": " + e.getMessage(), e);
            }
        }

        long count(String database, String sql) {
            try (Connection connection = dataSource(database).getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(name + ": " + e.getMessage(), e);
            }
        }
    }

    final List<Server> servers;
    final String prefix;
    final int databases;
    private final EmbeddedPostgres embedded;
    /** Server connections opened by the tenants' pools (every connection a pool opens comes through here). */
    final LongAdder opened = new LongAdder();
    /** Pools created by the lazy routings' factories. */
    final LongAdder poolsCreated = new LongAdder();
    /** Nanoseconds spent creating tenant pools (in the routing's factory) and closing them (evicted or at the end). */
    final LongAdder creatingNanos = new LongAdder();
    final LongAdder closingNanos = new LongAdder();

    private DatabasePerTenant(List<Server> servers, String prefix, int databases, EmbeddedPostgres embedded) {
        this.servers = servers;
        this.prefix = prefix;
        this.databases = databases;
        this.embedded = embedded;
    }

    /**
     * The testkit's server and a second one started here (embedded, on a free port, {@code synchronous_commit} on like
     * the first), with {@code databases} tenant databases, alternately on each.
     */
    static DatabasePerTenant start(int databases) {
        Postgres first = Postgres.shared();
        Matcher url = URL.matcher(first.url());
        if (!url.matches()) {
            throw new IllegalStateException("not a PostgreSQL URL: " + first.url());
        }
        EmbeddedPostgres second;
        try {
            second = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("the second server did not start", e);
        }
        List<Server> servers = List.of(
                new Server("server 1 (" + first.description() + ")", url.group(1),
                        url.group(2) == null ? 5432 : Integer.parseInt(url.group(2)), first.user(), first.password()),
                new Server("server 2 (embedded, port " + second.getPort() + ")", "localhost", second.getPort(),
                        "postgres", ""));
        DatabasePerTenant harness = new DatabasePerTenant(servers, url.group(3) + "_dpt_", databases, second);
        try {
            harness.createDatabases();
        } catch (RuntimeException e) {
            harness.close();
            throw e;
        }
        return harness;
    }

    static String tenant(int index) {
        return String.format(Locale.ROOT, "t%04d", index);
    }

    String databaseName(int index) {
        return prefix + index;
    }

    Server serverOf(int index) {
        return servers.get(index % servers.size());
    }

    static int indexOf(String tenant) {
        return Integer.parseInt(tenant.substring(1));
    }

    /**
     * A template database per server with the table (made by {@link Database#createTenant}, as an application would),
     * then each tenant's database copied from it ({@code CREATE DATABASE ... TEMPLATE}) and given {@value #ROWS} rows
     * owned by the tenant.
     */
    private void createDatabases() {
        dropDatabases();
        for (Server server : servers) {
            String template = prefix + "template";
            server.execute("postgres", "DROP DATABASE IF EXISTS " + template + " WITH (FORCE)", "CREATE DATABASE " + template);
            Database database = Database.builder(server.dataSource(template))
                    .routing(TenantRouting.of(Map.of("template", server.dataSource(template))))
                    .build();
            database.createTenant("template", TenantNote.class);
        }
        long started = System.nanoTime();
        for (int i = 0; i < databases; i++) {
            Server server = serverOf(i);
            server.execute("postgres", "CREATE DATABASE " + databaseName(i) + " TEMPLATE " + prefix + "template");
            try (Connection connection = server.dataSource(databaseName(i)).getConnection();
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO tenant_note (owner, quantity) SELECT ?, g FROM generate_series(1, ?) g")) {
                insert.setString(1, tenant(i));
                insert.setInt(2, ROWS);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if ((i + 1) % 100 == 0) {
                System.out.printf(Locale.ROOT, "  %d databases created (%.1f s)%n", i + 1, (System.nanoTime() - started) / 1e9);
            }
        }
    }

    /** Drops every database of this harness (the tenants', the template, the one database) on both servers. */
    void dropDatabases() {
        for (Server server : servers) {
            List<String> names = new ArrayList<>();
            try (Connection connection = server.dataSource("postgres").getConnection();
                    PreparedStatement find = connection.prepareStatement(
                            "SELECT datname FROM pg_database WHERE starts_with(datname, ?)")) {
                find.setString(1, prefix);
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
                try (Statement drop = connection.createStatement()) {
                    for (String name : names) {
                        drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(server.name() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        try {
            dropDatabases();
        } finally {
            try {
                embedded.close();
            } catch (IOException e) {
                // its data directory is temporary
            }
        }
    }

    /** A tenant's own pool: at most {@code maxSize} connections, one kept idle, none opened before it is asked. */
    HikariDataSource pool(int index, int maxSize) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(new Counting(serverOf(index).dataSource(databaseName(index)), opened));
        config.setMaximumPoolSize(maxSize);
        config.setMinimumIdle(1);
        config.setPoolName("tenant-" + index);
        long started = System.nanoTime();
        HikariDataSource pool = new HikariDataSource(config) {
            @Override
            public void close() {
                long closing = System.nanoTime();
                boolean wasOpen = !isClosed();
                super.close();
                if (wasOpen) {
                    closingNanos.add(System.nanoTime() - closing);
                }
            }
        };
        creatingNanos.add(System.nanoTime() - started);
        return pool;
    }

    /**
     * The lazy routing over the tenant databases, at most {@code maxOpen} pools open, each of {@code poolSize}
     * connections, and every pool it created (a lazy routing closes the pools it evicts, but has no close of its own
     * for those it still holds: {@link Routed#close} closes them).
     */
    Routed lazyRouting(int maxOpen, int poolSize) {
        List<HikariDataSource> created = java.util.Collections.synchronizedList(new ArrayList<>());
        TenantRouting routing = TenantRouting.lazy(tenant -> {
            int index;
            try {
                index = indexOf(tenant);
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                return null;
            }
            if (index < 0 || index >= databases) {
                return null;
            }
            poolsCreated.increment();
            HikariDataSource pool = pool(index, poolSize);
            created.add(pool);
            return pool;
        }, maxOpen);
        return new Routed(routing, created);
    }

    /** A routing and the pools it created. */
    record Routed(TenantRouting routing, List<HikariDataSource> created) implements AutoCloseable {
        Database database(DataSource control) {
            return Database.builder(control).routing(routing).build();
        }

        /** How many of its pools are open now. */
        long open() {
            synchronized (created) {
                return created.stream().filter(pool -> !pool.isClosed()).count();
            }
        }

        @Override
        public void close() {
            synchronized (created) {
                created.forEach(HikariDataSource::close);
            }
        }
    }

    /**
     * Connections currently open to this harness's databases, on every server ({@code pg_stat_activity}), or to one
     * database when {@code database} is not null.
     */
    long connectionsOpen(String database) {
        long open = 0;
        for (Server server : servers) {
            String where = database == null ? "starts_with(datname, '" + prefix + "')" : "datname = '" + database + "'";
            open += server.count("postgres", "SELECT count(*) FROM pg_stat_activity WHERE " + where);
        }
        return open;
    }

    // ---- the load ------------------------------------------------------------------------------------------------

    /** Zipf over {@code n} ranks: rank k (0-based) with probability proportional to 1/(k+1)^s. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1 / Math.pow(k + 1, s);
                cumulative[k] = sum;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= sum;
            }
        }

        int next() {
            int found = Arrays.binarySearch(cumulative, ThreadLocalRandom.current().nextDouble());
            return Math.min(found >= 0 ? found : -found - 1, cumulative.length - 1);
        }

        /** The share of draws that fall on the {@code top} most likely ranks. */
        double topShare(int top) {
            return cumulative[Math.min(top, cumulative.length) - 1];
        }
    }

    /** What one measured load did. */
    record Load(String name, long operations, double seconds, long poolsCreated, long connectionsOpened,
            long connectionsOpenBefore, long connectionsOpenAfter, long wrongRows) {
        double perSecond() {
            return operations / seconds;
        }

        /** Server connections closed during the measurement: opened, less the growth of those open. */
        long connectionsClosed() {
            return connectionsOpened - (connectionsOpenAfter - connectionsOpenBefore);
        }
    }

    /**
     * {@code threads} threads calling {@code notes.findById} for {@code seconds} (after {@code warmUp} seconds not
     * counted), each call for a tenant drawn from {@code zipf}; each row returned must be the tenant's own
     * ({@code owner}), or it is counted in {@link Load#wrongRows} (which must stay 0).
     */
    Load run(String name, TenantNoteDao notes, Zipf zipf, int threads, double warmUp, double seconds,
            boolean checkOwner) throws InterruptedException {
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder operations = new LongAdder();
        LongAdder wrong = new LongAdder();
        AtomicLong failures = new AtomicLong();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        String tenant = tenant(zipf.next());
                        long id = 1 + ThreadLocalRandom.current().nextInt(ROWS);
                        Optional<TenantNote> note = TenantContext.callAs(tenant, () -> notes.findById(id));
                        if (checkOwner && (note.isEmpty() || !note.get().owner().equals(tenant))) {
                            wrong.increment();
                        }
                        if (counting.get()) {
                            operations.increment();
                        }
                    }
                } catch (Throwable e) {
                    failures.incrementAndGet();
                    errors.add(e);
                    stop.set(true);
                }
            }, "dpt-client-" + t);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep((long) (warmUp * 1000));
        long pools0 = poolsCreated.sum();
        long opened0 = opened.sum();
        long open0 = connectionsOpen(null);
        long started = System.nanoTime();
        counting.set(true);
        Thread.sleep((long) (seconds * 1000));
        counting.set(false);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long ops = operations.sum();
        long pools = poolsCreated.sum() - pools0;
        long opens = opened.sum() - opened0;
        long open1 = connectionsOpen(null);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(name + ": " + failures.get() + " client thread(s) failed", errors.get(0));
        }
        return new Load(name, ops, elapsed, pools, opens, open0, open1, wrong.sum());
    }

    /**
     * Cold and warm calls, in microseconds; of each cold call, the time spent creating the tenant's pool (with its
     * first connection) and closing the evicted one.
     */
    record ColdWarm(long[] cold, long[] warm, long[] creating, long[] closing) {}

    /**
     * The first call to each of {@code tenants} cold tenants, one after another on one thread through a routing of
     * at most {@code maxOpen} pools (once it is full, each cold call also evicts and closes the least recently used
     * pool), and the warm call to the same tenant right after it.
     */
    ColdWarm coldCalls(int tenants, int maxOpen) {
        Routed routed = lazyRouting(maxOpen, 2);
        TenantNoteDao notes = new TenantNoteDao(routed.database(servers.get(0).dataSource("postgres")));
        long[] cold = new long[tenants];
        long[] warm = new long[tenants];
        long[] creating = new long[tenants];
        long[] closing = new long[tenants];
        for (int i = 0; i < tenants; i++) {
            long creating0 = creatingNanos.sum();
            long closing0 = closingNanos.sum();
            String tenant = tenant(i % databases);
            long id = 1 + (i % ROWS);
            long t0 = System.nanoTime();
            Optional<TenantNote> first = TenantContext.callAs(tenant, () -> notes.findById(id));
            long t1 = System.nanoTime();
            Optional<TenantNote> second = TenantContext.callAs(tenant, () -> notes.findById(id));
            long t2 = System.nanoTime();
            if (first.isEmpty() || !first.equals(second) || !first.get().owner().equals(tenant)) {
                throw new IllegalStateException("tenant " + tenant + " read " + first + " then " + second);
            }
            cold[i] = (t1 - t0) / 1_000;
            warm[i] = (t2 - t1) / 1_000;
            creating[i] = (creatingNanos.sum() - creating0) / 1_000;
            closing[i] = (closingNanos.sum() - closing0) / 1_000;
        }
        routed.close();
        return new ColdWarm(cold, warm, creating, closing);
    }

    /**
     * The smoke check ({@code DatabasePerTenantSmokeTest}) and the first thing a timed run does: through a lazy routing
     * of {@code maxOpen} pools, every tenant reads its {@value #ROWS} rows and only those, writes one row and reads it
     * back, and none of that row is visible to any other tenant. Returns the tenants checked.
     */
    int sanity(int maxOpen) {
        try (Routed routed = lazyRouting(maxOpen, 2)) {
            sanity(new TenantNoteDao(routed.database(servers.get(0).dataSource("postgres"))));
        }
        return databases;
    }

    private void sanity(TenantNoteDao notes) {
        for (int i = 0; i < databases; i++) {
            String tenant = tenant(i);
            List<TenantNote> all = TenantContext.callAs(tenant, () -> notes.findAll(ROWS + 10, 0));
            if (all.size() != ROWS || all.stream().anyMatch(n -> !n.owner().equals(tenant))) {
                throw new IllegalStateException(tenant + " sees " + all.size() + " rows, owners "
                        + all.stream().map(TenantNote::owner).distinct().toList());
            }
            TenantNote written = TenantContext.callAs(tenant, () -> notes.insert(new TenantNote(null, tenant, -1)));
            if (!TenantContext.callAs(tenant, () -> notes.findById(written.id())).equals(Optional.of(written))) {
                throw new IllegalStateException(tenant + " does not read back its row " + written);
            }
            String other = tenant((i + 1) % databases);
            if (databases > 1 && TenantContext.callAs(other, () -> notes.findById(written.id()))
                    .filter(n -> n.owner().equals(tenant)).isPresent()) {
                throw new IllegalStateException(other + " sees " + tenant + "'s row");
            }
            TenantContext.runAs(tenant, () -> notes.delete(written));
        }
    }

    // ---- the timed run -------------------------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        int databases = Integer.getInteger("scale.databases", 1_000);
        int threads = Integer.getInteger("dpt.threads", 4);
        int rounds = Integer.getInteger("dpt.rounds", 3);
        double seconds = Double.parseDouble(System.getProperty("dpt.seconds", "20"));
        double warmUp = Double.parseDouble(System.getProperty("dpt.warmup", "5"));
        double exponent = Double.parseDouble(System.getProperty("dpt.zipf", "1.0"));
        int coldTenants = Integer.getInteger("dpt.cold", 200);
        int[] bounds = Arrays.stream(System.getProperty("dpt.pools", "20,50").split(","))
                .mapToInt(Integer::parseInt).toArray();
        long started = System.nanoTime();
        try (DatabasePerTenant harness = start(databases)) {
            System.out.printf(Locale.ROOT, "%d databases on %s and %s, %d rows each, created in %.1f s%n", databases,
                    harness.servers.get(0).name(), harness.servers.get(1).name(), ROWS, (System.nanoTime() - started) / 1e9);
            harness.sanity(Math.max(2, bounds[0]));
            System.out.println("sanity: every tenant sees exactly its own rows");
            harness.timed(threads, rounds, warmUp, seconds, exponent, bounds, coldTenants);
        }
    }

    private void timed(int threads, int rounds, double warmUp, double seconds, double exponent, int[] bounds,
            int coldTenants) throws Exception {
        Zipf zipf = new Zipf(databases, exponent);
        // the one database: the same table and rows as a tenant's, in one database, one pool of `threads` connections
        Server first = servers.get(0);
        String one = prefix + "one";
        first.execute("postgres", "CREATE DATABASE " + one + " TEMPLATE " + databaseName(0));
        HikariConfig config = new HikariConfig();
        config.setDataSource(new Counting(first.dataSource(one), opened));
        config.setMaximumPoolSize(threads);
        List<String> names = new ArrayList<>();
        names.add("one database, 1 pool");
        for (int bound : bounds) {
            names.add(bound + " pools of " + databases);
        }
        // with -Ddpt.fixedMap=true, also every tenant's pool open from the start in a fixed map (TenantRouting.of):
        // the same pools and databases without the lazy routing, to tell the routing's cost from the databases'
        boolean fixedMap = Boolean.getBoolean("dpt.fixedMap");
        if (fixedMap) {
            names.add(databases + " pools of " + databases + ", fixed map");
        }
        List<List<Load>> results = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            results.add(new ArrayList<>());
        }
        try (HikariDataSource onePool = new HikariDataSource(config)) {
            for (int round = 1; round <= rounds; round++) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    order.add(i);
                }
                if (round % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (int i : order) {
                    Load load;
                    if (i == 0) {
                        Database database = Database.builder(first.dataSource("postgres")).routing(tenant -> onePool).build();
                        load = run(names.get(i), new TenantNoteDao(database), zipf, threads, warmUp, seconds, false);
                    } else if (i > bounds.length) {
                        Map<String, HikariDataSource> pools = new java.util.HashMap<>();
                        for (int t = 0; t < databases; t++) {
                            pools.put(tenant(t), pool(t, TENANT_POOL_SIZE));
                        }
                        try {
                            Database database = Database.builder(first.dataSource("postgres"))
                                    .routing(TenantRouting.of(pools)).build();
                            load = run(names.get(i), new TenantNoteDao(database), zipf, threads, warmUp, seconds, true);
                        } finally {
                            pools.values().forEach(HikariDataSource::close);
                        }
                    } else {
                        try (Routed routed = lazyRouting(bounds[i - 1], TENANT_POOL_SIZE)) {
                            load = run(names.get(i), new TenantNoteDao(routed.database(first.dataSource("postgres"))),
                                    zipf, threads, warmUp, seconds, true);
                        }
                        if (load.wrongRows() != 0) {
                            throw new IllegalStateException(load + ": rows of another tenant");
                        }
                    }
                    results.get(i).add(load);
                    System.out.printf(Locale.ROOT, "round %d  %-28s %,10.0f ops/s  %,8.1f pools/s  %,8.1f connections"
                                    + " opened/s  %,8.1f closed/s  (load average %s)%n", round, load.name(),
                            load.perSecond(), load.poolsCreated() / load.seconds(),
                            load.connectionsOpened() / load.seconds(), load.connectionsClosed() / load.seconds(),
                            loadAverage());
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%d client threads, Zipf s = %.2f over %d tenants, %d rounds of %.0f s"
                + " (after %.0f s of warm-up each), order alternating%n", threads, exponent, databases, rounds, seconds, warmUp);
        System.out.println("| load | Zipf share of the N hottest tenants | ops/s (median) | ratio to one database (median)"
                + " | ratio min-max | pools created/s (median) | connections opened/s | closed/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < names.size(); i++) {
            List<Load> loads = results.get(i);
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = loads.get(r).perSecond() / results.get(0).get(r).perSecond();
            }
            String share = i == 0 ? "" : String.format(Locale.ROOT, "%.0f%%",
                    100 * zipf.topShare(i > bounds.length ? databases : bounds[i - 1]));
            System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %.2f | %.2f-%.2f | %,.1f | %,.1f | %,.1f |%n", names.get(i),
                    share, median(loads.stream().mapToDouble(Load::perSecond).toArray()), median(ratios),
                    Arrays.stream(ratios).min().orElse(0), Arrays.stream(ratios).max().orElse(0),
                    median(loads.stream().mapToDouble(l -> l.poolsCreated() / l.seconds()).toArray()),
                    median(loads.stream().mapToDouble(l -> l.connectionsOpened() / l.seconds()).toArray()),
                    median(loads.stream().mapToDouble(l -> l.connectionsClosed() / l.seconds()).toArray()));
        }
        for (int bound : new int[] {bounds[0]}) {
            ColdWarm calls = coldCalls(Math.min(coldTenants, databases), bound);
            System.out.printf(Locale.ROOT, "%ncold and warm calls, %d tenants one after another, at most %d pools open"
                    + " (load average %s)%n", calls.cold().length, bound, loadAverage());
            System.out.println("| call | median | p90 | p99 | max |");
            System.out.println("|---|---:|---:|---:|---:|");
            printDistribution("first call to a cold tenant (pool, connection, statement; eviction once full)", calls.cold());
            printDistribution("of which creating its pool (HikariCP, first connection)", calls.creating());
            printDistribution("of which closing the evicted pool", calls.closing());
            printDistribution("the next call, warm", calls.warm());
        }
    }

    private static void printDistribution(String name, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %,.2f ms | %,.2f ms | %,.2f ms | %,.2f ms |%n", name,
                percentile(sorted, 50) / 1000.0, percentile(sorted, 90) / 1000.0, percentile(sorted, 99) / 1000.0,
                sorted[sorted.length - 1] / 1000.0);
    }

    static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** A data source that counts the connections it opens (the pool above it opens every server connection here). */
    static final class Counting implements DataSource {
        private final DataSource target;
        private final LongAdder opened;

        Counting(DataSource target, LongAdder opened) {
            this.target = target;
            this.opened = opened;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = target.getConnection();
            opened.increment();
            return connection;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            Connection connection = target.getConnection(user, password);
            opened.increment();
            return connection;
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return target.isWrapperFor(type);
        }
    }
}
