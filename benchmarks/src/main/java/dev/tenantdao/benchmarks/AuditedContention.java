package dev.tenantdao.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.OptimisticLockException;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * The audited update under concurrent writers to the same rows (issue 20): {@code threads} writers, each updating one
 * of {@code hotRows} rows of one tenant at random, as fast as they can, on a pool of {@code threads} connections.
 *
 * <ul>
 *   <li>{@code blind_jdbc} and {@code blind_dao}: {@link AuditedItem} (no version) updated with a new quantity by the
 *       DAO and by hand-written JDBC sending the DAO's statement; writers to the same row wait for its lock and all
 *       succeed (READ COMMITTED, the default: PostgreSQL re-reads the locked row and updates it; no serialization
 *       failure can happen at this isolation level).
 *   <li>{@code versioned_dao}: {@link VersionedAuditedItem}: read the row, write it back with a new quantity; a writer
 *       whose version is no longer the row's gets {@code OptimisticLockException}, counted as a conflict.
 * </ul>
 *
 * <p>After every measurement the history is checked: exactly one {@code UPDATE} history row per successful write
 * (and, versioned, the rows' versions grew by the successful writes), else it throws.
 *
 * <p>Run: {@code benchmarks/run main dev.tenantdao.benchmarks.AuditedContention} with {@code JAVA_OPTS} such as
 * {@code -Dcontention.threads=1,2,4,8,16 -Dcontention.rows=4 -Dcontention.seconds=5 -Dcontention.rounds=3}.
 */
public final class AuditedContention implements AutoCloseable {

    static final String TENANT = "hot";
    /** What the DAO sends for {@link AuditedItem#update}, by hand (as in {@link CrudBenchmark}). */
    private static final String AUDITED_UPDATE = "WITH changed AS (UPDATE audited_item SET name = ?, price = ?,"
            + " quantity = ?, history_version = history_version + CASE WHEN (name, price, quantity) IS DISTINCT FROM"
            + " (?, ?, ?) THEN 1 ELSE 0 END, history_changed = (name, price, quantity) IS DISTINCT FROM (?, ?, ?)"
            + " WHERE tenant_id = ? AND id = ? RETURNING *), history AS (INSERT INTO audited_item_history (tenant_id,"
            + " id, name, price, quantity, history_operation, history_version, history_actor) SELECT tenant_id, id,"
            + " name, price, quantity, 'UPDATE', history_version, ? FROM changed WHERE history_changed)"
            + " SELECT count(*) FROM changed";
    private static final BigDecimal PRICE = new BigDecimal("10.50");

    /** The modes, in the order of odd rounds. */
    static final List<String> MODES = List.of("blind_jdbc", "blind_dao", "versioned_dao");

    private final DataSource tables;
    private final HikariDataSource pool;
    private final AuditedItemDao audited;
    private final VersionedAuditedItemDao versioned;
    private final long[] auditedIds;
    private final long[] versionedIds;
    /** Every write writes a quantity no write wrote before, so every write changes its row (and is audited). */
    private final AtomicInteger quantities = new AtomicInteger(1_000);

    /** A fresh {@code schema}, {@code hotRows} rows of each entity for tenant {@value #TENANT}, a pool of {@code connections}. */
    AuditedContention(String schema, int hotRows, int connections) {
        tables = Postgres.shared().freshSchema(schema);
        Schema.create(tables, AuditedItem.class, VersionedAuditedItem.class);
        HikariConfig config = new HikariConfig();
        config.setDataSource(tables);
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        pool = new HikariDataSource(config);
        Database database = new Database(pool);
        audited = new AuditedItemDao(database);
        versioned = new VersionedAuditedItemDao(database);
        auditedIds = new long[hotRows];
        versionedIds = new long[hotRows];
        for (int r = 0; r < hotRows; r++) {
            int row = r;
            auditedIds[r] = TenantContext.callAs(TENANT, "setup",
                    () -> audited.insert(new AuditedItem(null, "item " + row, PRICE, 0))).id();
            versionedIds[r] = TenantContext.callAs(TENANT, "setup",
                    () -> versioned.insert(new VersionedAuditedItem(null, "item " + row, 0, 0))).id();
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** What one measurement did. */
    record Result(String mode, int threads, long successes, long conflicts, double seconds, long historyRows,
            long versionGrowth) {
        double perSecond() {
            return successes / seconds;
        }
    }

    /**
     * {@code threads} writers in {@code mode} for {@code seconds} (or, when {@code attemptsPerThread} is positive,
     * until each has made that many attempts), then the history check.
     */
    Result run(String mode, int threads, double seconds, int attemptsPerThread) throws InterruptedException {
        long history0 = historyRows(mode);
        long versions0 = versionSum();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder successes = new LongAdder();
        LongAdder conflicts = new LongAdder();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread writer = new Thread(() -> {
                try {
                    for (int attempt = 0; !stop.get() && (attemptsPerThread <= 0 || attempt < attemptsPerThread); attempt++) {
                        if (write(mode)) {
                            successes.increment();
                        } else {
                            conflicts.increment();
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                    stop.set(true);
                }
            }, "writer-" + t);
            writers.add(writer);
        }
        long started = System.nanoTime();
        writers.forEach(Thread::start);
        if (attemptsPerThread <= 0) {
            Thread.sleep((long) (seconds * 1000));
            stop.set(true);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (!errors.isEmpty()) {
            throw new IllegalStateException(mode + " with " + threads + " writers failed", errors.get(0));
        }
        long history = historyRows(mode) - history0;
        long versionGrowth = mode.startsWith("versioned") ? versionSum() - versions0 : successes.sum();
        if (history != successes.sum() || versionGrowth != successes.sum()) {
            throw new IllegalStateException(mode + " with " + threads + " writers: " + successes.sum()
                    + " successful writes, but " + history + " history rows and versions grown by " + versionGrowth);
        }
        return new Result(mode, threads, successes.sum(), conflicts.sum(), elapsed, history, versionGrowth);
    }

    /** One write of {@code mode}: true if it changed its row, false on an optimistic-lock conflict. */
    private boolean write(String mode) throws SQLException {
        int row = ThreadLocalRandom.current().nextInt(auditedIds.length);
        int quantity = quantities.incrementAndGet();
        switch (mode) {
            case "blind_jdbc" -> {
                try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(AUDITED_UPDATE)) {
                    for (int base : new int[] {0, 3, 6}) {
                        s.setString(base + 1, "updated");
                        s.setBigDecimal(base + 2, PRICE);
                        s.setInt(base + 3, quantity);
                    }
                    s.setString(10, TENANT);
                    s.setLong(11, auditedIds[row]);
                    s.setString(12, "writer");
                    try (ResultSet rows = s.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) != 1) {
                            throw new IllegalStateException("the row is gone");
                        }
                    }
                }
                return true;
            }
            case "blind_dao" -> {
                AuditedItem item = new AuditedItem(auditedIds[row], "updated", PRICE, quantity);
                TenantContext.callAs(TENANT, "writer", () -> audited.update(item));
                return true;
            }
            case "versioned_dao" -> {
                long id = versionedIds[row];
                try {
                    TenantContext.runAs(TENANT, "writer", () -> {
                        VersionedAuditedItem read = versioned.findById(id).orElseThrow();
                        versioned.update(new VersionedAuditedItem(id, read.name(), quantity, read.version()));
                    });
                    return true;
                } catch (OptimisticLockException e) {
                    return false;
                }
            }
            default -> throw new IllegalArgumentException(mode);
        }
    }

    /** UPDATE history rows of the mode's table. */
    private long historyRows(String mode) {
        String table = mode.startsWith("versioned") ? "versioned_audited_item_history" : "audited_item_history";
        return count("SELECT count(*) FROM " + table + " WHERE history_operation = 'UPDATE'");
    }

    private long versionSum() {
        return count("SELECT coalesce(sum(version), 0) FROM versioned_audited_item");
    }

    private long count(String sql) {
        try (Connection c = tables.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        int[] threadCounts = Arrays.stream(System.getProperty("contention.threads", "1,2,4,8,16").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int hotRows = Integer.getInteger("contention.rows", 4);
        double seconds = Double.parseDouble(System.getProperty("contention.seconds", "5"));
        int rounds = Integer.getInteger("contention.rounds", 3);
        System.out.printf(Locale.ROOT, "%d writers to %d rows of one tenant, %d rounds of %.0f s per point, modes in"
                + " alternating order%n", threadCounts.length, hotRows, rounds, seconds);
        List<String> lines = new ArrayList<>();
        lines.add("| writers | mode | writes/s (median) | min-max | ratio to blind_jdbc (median) | ratio min-max"
                + " | conflicts/s (median) | conflicts per attempt | history rows = writes |");
        lines.add("|---:|---|---:|---:|---:|---:|---:|---:|---|");
        for (int threads : threadCounts) {
            try (AuditedContention contention = new AuditedContention("benchmarks_contention", hotRows, threads)) {
                contention.run("blind_dao", threads, 1, 0);     // warm-up, not counted
                contention.run("versioned_dao", threads, 1, 0);
                contention.run("blind_jdbc", threads, 1, 0);
                List<List<Result>> byMode = new ArrayList<>();
                MODES.forEach(m -> byMode.add(new ArrayList<>()));
                for (int round = 1; round <= rounds; round++) {
                    List<String> order = new ArrayList<>(MODES);
                    if (round % 2 == 0) {
                        Collections.reverse(order);
                    }
                    for (String mode : order) {
                        Result result = contention.run(mode, threads, seconds, 0);
                        byMode.get(MODES.indexOf(mode)).add(result);
                        System.out.printf(Locale.ROOT, "writers %2d round %d %-14s %,8.0f writes/s %,8.0f conflicts/s"
                                        + "  history rows %,d = writes  (load average %s)%n", threads, round, mode,
                                result.perSecond(), result.conflicts() / result.seconds(), result.historyRows(),
                                DatabasePerTenant.loadAverage());
                    }
                }
                for (int m = 0; m < MODES.size(); m++) {
                    List<Result> results = byMode.get(m);
                    double[] rates = results.stream().mapToDouble(Result::perSecond).toArray();
                    double[] ratios = new double[rounds];
                    for (int r = 0; r < rounds; r++) {
                        ratios[r] = results.get(r).perSecond() / byMode.get(0).get(r).perSecond();
                    }
                    long conflicts = results.stream().mapToLong(Result::conflicts).sum();
                    long attempts = conflicts + results.stream().mapToLong(Result::successes).sum();
                    lines.add(String.format(Locale.ROOT, "| %d | %s | %,.0f | %,.0f-%,.0f | %.2f | %.2f-%.2f | %,.0f | %.1f%% | yes |",
                            threads, MODES.get(m), DatabasePerTenant.median(rates), Arrays.stream(rates).min().orElse(0),
                            Arrays.stream(rates).max().orElse(0), DatabasePerTenant.median(ratios),
                            Arrays.stream(ratios).min().orElse(0), Arrays.stream(ratios).max().orElse(0),
                            DatabasePerTenant.median(results.stream().mapToDouble(x -> x.conflicts() / x.seconds()).toArray()),
                            attempts == 0 ? 0 : 100.0 * conflicts / attempts));
                }
            }
        }
        System.out.println();
        lines.forEach(System.out::println);
    }
}
