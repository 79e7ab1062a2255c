package dev.tenantdao.samples.invoicing;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.reference.Currency;
import dev.tenantdao.samples.reference.CurrencyDao;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Rows per second of inserting 1,000-row batches of invoices (row tenancy, row-level security,
 * foreign keys, rows read back) three ways: a JDBC batch of the generated single-row
 * {@code INSERT} (what {@code insertAll} was), the same with the driver's
 * {@code reWriteBatchedInserts}, and the generated {@code insertAll}: one set-based
 * {@code INSERT ... SELECT FROM unnest(...)} statement. Not a test (nothing is asserted about
 * time); run it with
 *
 * <pre>mvn -B -ntp -pl samples -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.tenantdao.samples.invoicing.InsertAllMeasurement</pre>
 */
public final class InsertAllMeasurement {

    private static final int ROWS = 1_000;
    private static final int WARMUP = 30;
    private static final int MEASURED = 100;

    private static final String[] RETURNED = {"id", "customer_id", "number", "status", "currency", "total",
        "issued_on", "due_on"};

    private InsertAllMeasurement() {}

    public static void main(String[] args) throws Exception {
        Postgres server = Postgres.shared();
        DataSource plain = server.freshSchema("measure_insert_all");
        Schema.create(plain, Currency.class, Customer.class, Invoice.class);
        new CurrencyDao(new Database(plain)).insert(new Currency("EUR", "Euro", (short) 2));
        PGSimpleDataSource rewriting = (PGSimpleDataSource) server.freshSchemaDataSource("measure_insert_all");
        rewriting.setReWriteBatchedInserts(true);

        long customer = TenantContext.callAs("acme",
                () -> new CustomerDao(new Database(plain)).insert(new Customer("Bench", null)).getId());
        List<Invoice> batch = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            batch.add(Invoice.draft(customer, "N-" + i, "EUR", new BigDecimal("12.34"), LocalDate.of(2026, 1, 1)));
        }
        System.out.printf("insertAll of %d rows, %d batches after %d warm-up batches, on %s%n", ROWS, MEASURED, WARMUP,
                server.description());
        Database database = new Database(plain);
        Database rewritingDatabase = new Database(rewriting);
        InvoiceDao invoices = new InvoiceDao(database);
        for (int round = 0; round < 2; round++) {
            report("JDBC batch of INSERT", measure(plain, () -> batch(database, batch)));
            report("JDBC batch of INSERT, reWriteBatchedInserts", measure(plain, () -> batch(rewritingDatabase, batch)));
            report("insertAll: one INSERT ... SELECT FROM unnest", measure(plain, () -> invoices.insertAll(batch)));
        }
    }

    /** What the generated insertAll did before it went set-based: a batch of the single-row insert. */
    private static List<Invoice> batch(Database database, List<Invoice> batch) {
        try {
            return TenantContext.callAs("acme", () -> database.inTransaction(tx -> {
            java.sql.Connection connection = tx.connection();
            try (PreparedStatement statement = connection.prepareStatement(InvoiceDao.INSERT, RETURNED)) {
                for (Invoice invoice : batch) {
                    statement.setString(1, "acme");
                    statement.setLong(2, invoice.customerId());
                    statement.setString(3, invoice.number());
                    statement.setString(4, invoice.status().name());
                    statement.setString(5, invoice.currency());
                    statement.setBigDecimal(6, invoice.total());
                    statement.setObject(7, invoice.issuedOn());
                    statement.setObject(8, invoice.dueOn());
                    statement.addBatch();
                }
                statement.executeBatch();
                List<Invoice> inserted = new ArrayList<>(batch.size());
                try (ResultSet rows = statement.getGeneratedKeys()) {
                    while (rows.next()) {
                        inserted.add(new Invoice(rows.getLong(1), rows.getLong(2), rows.getString(3),
                                InvoiceStatus.valueOf(rows.getString(4)), rows.getString(5), rows.getBigDecimal(6),
                                rows.getObject(7, LocalDate.class), rows.getObject(8, LocalDate.class)));
                    }
                }
                return inserted;
            }
        }));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double measure(DataSource admin, java.util.function.Supplier<List<Invoice>> insert)
            throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            check(TenantContext.callAs("acme", insert::get));
            truncate(admin);
        }
        long elapsed = 0;
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            List<Invoice> inserted = TenantContext.callAs("acme", insert::get);
            elapsed += System.nanoTime() - start;
            check(inserted);
            truncate(admin);
        }
        return ROWS * (double) MEASURED / (elapsed / 1e9);
    }

    private static void check(List<Invoice> inserted) {
        if (inserted.size() != ROWS || !inserted.get(ROWS - 1).number().equals("N-" + (ROWS - 1))) {
            throw new IllegalStateException("rows missing or out of order");
        }
    }

    private static void truncate(DataSource admin) throws Exception {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM invoice");
        }
    }

    private static void report(String what, double rowsPerSecond) {
        System.out.printf("  %-45s %,10.0f rows/s%n", what, rowsPerSecond);
    }
}
