package dev.tenantdao.samples.invoicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.internal.Jdbc;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.TestSchemas;
import dev.tenantdao.testkit.RecordingDataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact SQL of every statement kind, each with its tenant predicate, and proof that what
 * reaches PostgreSQL is exactly that SQL, each statement in a transaction that first sets the
 * tenant for row-level security.
 */
class GeneratedSqlTest {

    /** Every statement of a table under row-level security sets the tenant first, in the same round trip. */
    private static final String SET = "SELECT set_config('tenantdao.tenant', ?, true); ";
    private static final String COLUMNS = "id, customer_id, number, status, currency, total, issued_on, due_on";

    /** Invoice is audited: each write is one statement that also writes its history row. */
    private static final String HISTORY_INSERT = "INSERT INTO invoice_history (tenant_id, id, customer_id, number, status, currency, total, issued_on, due_on, history_operation,"
            + " history_version, history_actor) SELECT tenant_id, id, customer_id, number, status, currency, total, issued_on, due_on";
    private static final String SELECT_CHANGED = "SELECT " + COLUMNS + " FROM changed";

    @Test
    void insertWritesTheTenantColumnFromTheCurrentTenantAndItsHistoryRow() {
        assertEquals(SET + "WITH changed AS (INSERT INTO invoice (tenant_id, customer_id, number, status, currency, total,"
                + " issued_on, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *), history AS (" + HISTORY_INSERT
                + ", 'INSERT', history_version, ? FROM changed) SELECT id, total FROM changed", InvoiceDao.INSERT,
                "an insert reads back only what the database fills in or may change (the id, a numeric)");
    }

    @Test
    void insertAllIsOneSetBasedStatementWithTheTenantOnceReturningRowsInListOrderByConstruction() {
        // each row's id is drawn in input (the identity's sequence), so every returned row is joined back
        // to its ordinal: the order never depends on the order of RETURNING, which PostgreSQL does not promise
        assertEquals(SET + "WITH input AS (SELECT u.*, nextval((SELECT pg_get_serial_sequence('invoice', 'id'))) AS k FROM"
                + " unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::date[], ?::date[]) WITH"
                + " ORDINALITY AS u(c1, c2, c3, c4, c5, c6, c7, n)), changed AS (INSERT INTO invoice (tenant_id, id,"
                + " customer_id, number, status, currency, total, issued_on, due_on) SELECT ?, input.k, input.c1,"
                + " input.c2, input.c3, input.c4, input.c5, input.c6, input.c7 FROM input ORDER BY input.n RETURNING *),"
                + " history AS (" + HISTORY_INSERT + ", 'INSERT', history_version, ? FROM changed) SELECT"
                + " changed.id, changed.total FROM changed JOIN input ON changed.id = input.k"
                + " ORDER BY input.n", InvoiceDao.INSERT_ALL);
    }

    @Test
    void updateNeverSetsTheTenantMatchesItInWhereAndWritesHistoryOnlyOnChange() {
        String audited = "(customer_id, number, status, currency, total, issued_on, due_on)";
        assertEquals(SET + "WITH changed AS (UPDATE invoice SET customer_id = ?, number = ?, status = ?, currency = ?,"
                + " total = ?, issued_on = ?, due_on = ?, history_version = history_version + CASE WHEN " + audited
                + " IS DISTINCT FROM (?, ?, ?, ?, ?, ?, ?) THEN 1 ELSE 0 END, history_changed = " + audited
                + " IS DISTINCT FROM (?, ?, ?, ?, ?, ?, ?) WHERE tenant_id = ? AND id = ? RETURNING *), history AS ("
                + HISTORY_INSERT + ", 'UPDATE', history_version, ? FROM changed WHERE history_changed) "
                + SELECT_CHANGED, InvoiceDao.UPDATE);
    }

    @Test
    void historyQueriesCarryTheTenantPredicate() {
        String select = "SELECT " + COLUMNS + ", history_version, history_operation, history_changed_at,"
                + " history_actor, history_transaction_id::text::bigint FROM invoice_history WHERE tenant_id = ?";
        assertEquals(SET + select + " AND id = ? ORDER BY history_version DESC", InvoiceDao.HISTORY);
        assertEquals(SET + select + " AND id = ? AND history_changed_at <= ? ORDER BY history_changed_at DESC,"
                + " history_version DESC LIMIT 1", InvoiceDao.HISTORY_AS_OF);
        assertEquals(SET + select + " AND history_changed_at >= ? AND history_changed_at < ? ORDER BY history_changed_at, id,"
                + " history_version", InvoiceDao.HISTORY_BETWEEN);
        assertEquals(SET + select + " AND history_transaction_id = ?::text::xid8 ORDER BY history_changed_at, id,"
                + " history_version", InvoiceDao.HISTORY_IN_TRANSACTION);
    }

    @Test
    void findById() {
        assertEquals(SET + "SELECT " + COLUMNS + " FROM invoice WHERE tenant_id = ? AND id = ?", InvoiceDao.FIND_BY_ID);
    }

    @Test
    void keysetPage() {
        assertEquals(SET + "SELECT " + COLUMNS + " FROM invoice WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?",
                InvoiceDao.FIND_ALL_AFTER);
    }

    @Test
    void offsetPage() {
        assertEquals(SET + "SELECT " + COLUMNS + " FROM invoice WHERE tenant_id = ? ORDER BY id LIMIT ? OFFSET ?",
                InvoiceDao.FIND_ALL);
    }

    @Test
    void count() {
        assertEquals(SET + "SELECT count(*) FROM invoice WHERE tenant_id = ?", InvoiceDao.COUNT);
    }

    @Test
    void exists() {
        assertEquals(SET + "SELECT EXISTS (SELECT 1 FROM invoice WHERE tenant_id = ? AND id = ?)", InvoiceDao.EXISTS_BY_ID);
    }

    @Test
    void deleteById() {
        assertEquals(SET + "WITH changed AS (DELETE FROM invoice WHERE tenant_id = ? AND id = ? RETURNING *), history AS ("
                + HISTORY_INSERT + ", 'DELETE', history_version + 1, ? FROM changed) SELECT count(*) FROM changed",
                InvoiceDao.DELETE_BY_ID);
        assertEquals(SET + "DELETE FROM customer WHERE tenant_id = ? AND id = ?", CustomerDao.DELETE_BY_ID);
    }

    @Test
    void exposedTenantIsSelectedButNeverInsertedOrUpdatedFromTheEntity() {
        String returning = " RETURNING id, tenant_id, name, email, vat_number, active, created_at";
        assertEquals(SET + "INSERT INTO customer (tenant_id, name, email, vat_number, active, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)" + returning, CustomerDao.INSERT);
        assertEquals(SET + "UPDATE customer SET name = ?, email = ?, vat_number = ?, active = ?, created_at = ?"
                + " WHERE tenant_id = ? AND id = ?" + returning, CustomerDao.UPDATE);
        assertEquals(SET + "SELECT id, tenant_id, name, email, vat_number, active, created_at FROM customer"
                + " WHERE tenant_id = ? AND id = ?", CustomerDao.FIND_BY_ID);
    }

    @Test
    void whatReachesPostgresIsExactlyTheGeneratedSql() {
        RecordingDataSource recording = TestSchemas.invoicing("sql_sent");
        Database database = new Database(recording);
        InvoiceDao invoices = new InvoiceDao(database);
        long customer = TenantContext.callAs("acme", () -> Fixtures.customer(database));
        recording.reset();
        TenantContext.runAs("acme", () -> {
            Invoice invoice = invoices.insert(Invoice.draft(customer, "A-1", "EUR", BigDecimal.TEN, LocalDate.now()));
            invoices.insertAll(List.of(Invoice.draft(customer, "A-2", "EUR", BigDecimal.ONE, null)));
            invoices.findById(invoice.id());
            invoices.findAllAfter(invoice.id(), 10);
            invoices.findAll(10, 0);
            invoices.count();
            invoices.existsById(invoice.id());
            invoices.update(invoice.withStatus(InvoiceStatus.SENT));
            invoices.delete(invoice);
        });
        // one statement per call: the tenant setting travels in front of each, in the same round trip; outside a
        // transaction for the session, cleared at the end (insertAll runs in a transaction of its own)
        assertEquals(List.of(Jdbc.forSession(InvoiceDao.INSERT), InvoiceDao.INSERT_ALL,
                Jdbc.forSession(InvoiceDao.FIND_BY_ID), Jdbc.forSession(InvoiceDao.FIND_ALL_AFTER),
                Jdbc.forSession(InvoiceDao.FIND_ALL), Jdbc.forSession(InvoiceDao.COUNT),
                Jdbc.forSession(InvoiceDao.EXISTS_BY_ID), Jdbc.forSession(InvoiceDao.UPDATE),
                Jdbc.forSession(InvoiceDao.DELETE_BY_ID)), recording.statements());
        recording.statements().forEach(sql -> assertTrue(sql.startsWith("SELECT set_config('tenantdao.tenant', ?, "),
                sql));
        assertEquals(9, recording.connectionCount(), "one connection per call outside a transaction");
    }
}
