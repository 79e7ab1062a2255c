package dev.tenantdao.samples.audit;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import javax.sql.DataSource;

/**
 * The cost of an audited update (the update and its history row in one statement) next to a plain
 * one, in one run: alternating rounds of 10,000 updates each inside one transaction per round,
 * after a warm-up. Not a test; run it with
 *
 * <pre>mvn -B -ntp -pl samples -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.tenantdao.samples.audit.AuditCostMeasurement</pre>
 */
public final class AuditCostMeasurement {

    private static final int UPDATES = 10_000;
    private static final int ROWS = 100;

    private AuditCostMeasurement() {}

    public static void main(String[] args) throws java.sql.SQLException {
        Postgres server = Postgres.shared();
        DataSource dataSource = server.freshSchema("measure_audit");
        Schema.create(dataSource, Counter.class, PlainCounter.class);
        Database database = new Database(dataSource);
        CounterDao audited = new CounterDao(database);
        PlainCounterDao plain = new PlainCounterDao(database);
        TenantContext.runAs("acme", () -> database.useTransaction(tx -> {
            for (long id = 0; id < ROWS; id++) {
                audited.insert(new Counter(id, 0, "seed"));
                plain.insert(new PlainCounter(id, 0, "seed"));
            }
        }));
        System.out.printf("%d updates per round over %d rows, one transaction per round, on %s%n", UPDATES, ROWS,
                server.description());
        run(database, audited, plain, 1);       // warm-up
        double auditedTotal = 0;
        double plainTotal = 0;
        for (int round = 1; round <= 3; round++) {
            double[] perUpdate = run(database, audited, plain, round * 100_000L);
            auditedTotal += perUpdate[0];
            plainTotal += perUpdate[1];
            System.out.printf("  round %d: plain %.1f us/update, audited %.1f us/update%n", round, perUpdate[1],
                    perUpdate[0]);
        }
        System.out.printf("audited / plain throughput: %.2f (plain %.0f updates/s, audited %.0f updates/s)%n",
                plainTotal / auditedTotal, 3e6 / plainTotal, 3e6 / auditedTotal);
        asOfOnALongHistory(database, audited);
    }

    /** "As of" on a row with 200,000 history versions: the (tenant, id, time) index makes it one probe. */
    private static void asOfOnALongHistory(Database database, CounterDao audited) throws java.sql.SQLException {
        long id = 1_000_000;
        TenantContext.runAs("acme", () -> database.useTransaction(tx -> {
            audited.insert(new Counter(id, 0, "long history"));
            try (java.sql.Statement s = tx.connection().createStatement()) {
                s.execute("INSERT INTO counter_history (tenant_id, id, hits, last_writer, history_version,"
                        + " history_operation, history_changed_at) SELECT 'acme', " + id + ", v, 'synthetic', v + 1,"
                        + " 'UPDATE', now() - interval '1 second' * (200000 - v) FROM generate_series(1, 200000) v");
                s.execute("ANALYZE counter_history");
            }
        }));
        java.time.Instant[] instants = new java.time.Instant[1000];
        java.time.Instant now = java.time.Instant.now();
        for (int i = 0; i < instants.length; i++) {
            instants[i] = now.minusSeconds(i * 150L);
        }
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            int found = TenantContext.callAs("acme", () -> database.inTransaction(tx -> {
                int hits = 0;
                for (java.time.Instant at : instants) {
                    hits += audited.asOf(id, at).isPresent() ? 1 : 0;
                }
                return hits;
            }));
            System.out.printf("asOf on a row with 200,000 versions: %.1f us per query (%d of %d found)%n",
                    (System.nanoTime() - start) / 1e3 / instants.length, found, instants.length);
        }
    }

    /** Microseconds per update: audited, then plain. */
    private static double[] run(Database database, CounterDao audited, PlainCounterDao plain, long base) {
        long auditedNanos = TenantContext.callAs("acme", () -> database.inTransaction(tx -> {
            long start = System.nanoTime();
            for (int i = 0; i < UPDATES; i++) {
                audited.update(new Counter(i % ROWS, base + i, "writer"));
            }
            return System.nanoTime() - start;
        }));
        long plainNanos = TenantContext.callAs("acme", () -> database.inTransaction(tx -> {
            long start = System.nanoTime();
            for (int i = 0; i < UPDATES; i++) {
                plain.update(new PlainCounter(i % ROWS, base + i, "writer"));
            }
            return System.nanoTime() - start;
        }));
        return new double[] {auditedNanos / 1e3 / UPDATES, plainNanos / 1e3 / UPDATES};
    }
}
