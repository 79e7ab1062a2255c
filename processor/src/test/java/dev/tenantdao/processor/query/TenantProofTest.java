package dev.tenantdao.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.processor.query.TenantProof.KnownTable;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of the tenant proof: statements in every construct it covers, safe and unsafe (the
 * classic leaks among them), each with its verdict: proven, or exactly the references it could not
 * confine (named as the finding names them).
 */
class TenantProofTest {

    private static final Map<String, KnownTable> TABLES = Map.of(
            "invoice", KnownTable.row("invoice", "tenant_id"),
            "invoice_line", KnownTable.row("invoice_line", "tenant_id"),
            "customer", KnownTable.row("customer", "tenant_id"),
            "payment", KnownTable.row("payment", "tenant_id"),
            "ledger_entry", KnownTable.schema("ledger_entry"));

    private static final String PROVEN = "";

    /** {@code sql} and what the proof says: {@link #PROVEN}, or the unconfined references, ";"-separated. */
    static Stream<Arguments> corpus() {
        return Stream.of(
                // ---- one table
                safe("SELECT * FROM invoice WHERE tenant_id = :tenant"),
                safe("SELECT * FROM invoice i WHERE i.tenant_id = :tenant AND i.status = 'SENT'"),
                safe("SELECT * FROM invoice i WHERE :tenant = i.tenant_id"),
                safe("SELECT * FROM invoice AS i WHERE (i.tenant_id = :tenant) AND (i.total > 10 OR i.total < 0)"),
                safe("SELECT count(*) FROM invoice WHERE status = :status AND tenant_id = :tenant"),
                safe("SELECT i.status, sum(i.total) FROM invoice i WHERE i.tenant_id = :tenant GROUP BY i.status"
                        + " HAVING sum(i.total) > 100 ORDER BY 2 DESC"),
                safe("SELECT id, data->>'name' AS name FROM invoice WHERE tenant_id = :tenant AND data @> '{\"a\":1}'::jsonb"),
                safe("SELECT id, rank() OVER (PARTITION BY customer_id ORDER BY total DESC) FROM invoice"
                        + " WHERE tenant_id = :tenant"),
                leak("SELECT * FROM invoice", "invoice"),
                leak("SELECT * FROM invoice WHERE status = 'SENT'", "invoice"),
                leak("SELECT * FROM invoice WHERE tenant_id = :tenant OR status = 'SENT'", "invoice"),
                leak("SELECT * FROM invoice WHERE NOT (tenant_id <> :tenant)", "invoice"),
                leak("SELECT * FROM invoice WHERE tenant_id = :other", "invoice"),
                leak("SELECT * FROM invoice WHERE tenant_id = 'acme'", "invoice"),
                leak("SELECT * FROM invoice WHERE tenant_id IN (:tenant, 'globex')", "invoice"),
                leak("SELECT * FROM invoice i WHERE tenant_id = :tenant AND i.id IN (SELECT invoice_id FROM payment)",
                        "payment"),
                // ---- joins
                safe("SELECT * FROM invoice i JOIN customer c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id"
                        + " WHERE i.tenant_id = :tenant"),
                safe("SELECT * FROM invoice i JOIN customer c ON c.id = i.customer_id"
                        + " WHERE i.tenant_id = :tenant AND c.tenant_id = :tenant"),
                safe("SELECT * FROM invoice i, customer c WHERE i.tenant_id = :tenant AND c.tenant_id = i.tenant_id"
                        + " AND c.id = i.customer_id"),
                safe("SELECT * FROM invoice i LEFT JOIN customer c ON c.tenant_id = :tenant AND c.id = i.customer_id"
                        + " WHERE i.tenant_id = :tenant"),
                safe("SELECT * FROM invoice i LEFT JOIN invoice_line l ON l.tenant_id = i.tenant_id AND l.invoice_id ="
                        + " i.id WHERE i.tenant_id = :tenant"),
                safe("SELECT * FROM invoice i JOIN invoice_line l ON l.tenant_id = i.tenant_id JOIN payment p ON"
                        + " p.tenant_id = l.tenant_id WHERE i.tenant_id = :tenant"),
                safe("SELECT * FROM invoice i JOIN currency c ON c.code = i.currency WHERE i.tenant_id = :tenant"),
                safe("SELECT * FROM (invoice i JOIN customer c ON c.tenant_id = i.tenant_id) WHERE i.tenant_id = :tenant"),
                leak("SELECT * FROM invoice i JOIN customer c ON c.id = i.customer_id WHERE i.tenant_id = :tenant",
                        "customer c"),
                leak("SELECT * FROM invoice i LEFT JOIN customer c ON c.id = i.customer_id AND i.tenant_id = :tenant",
                        "invoice i;customer c"),
                leak("SELECT * FROM invoice i CROSS JOIN customer c WHERE i.tenant_id = :tenant", "customer c"),
                leak("SELECT * FROM invoice a JOIN invoice b ON a.tenant_id = b.tenant_id", "invoice a;invoice b"),
                leak("SELECT * FROM invoice i JOIN customer c ON c.tenant_id = i.tenant_id OR c.id = 1"
                        + " WHERE i.tenant_id = :tenant", "customer c"),
                leak("SELECT * FROM invoice i, customer c WHERE i.tenant_id = :tenant", "customer c"),
                // ---- subqueries
                safe("SELECT * FROM invoice i WHERE i.tenant_id = :tenant AND EXISTS (SELECT 1 FROM payment p"
                        + " WHERE p.tenant_id = i.tenant_id AND p.invoice_id = i.id)"),
                safe("SELECT * FROM invoice i WHERE i.tenant_id = :tenant AND i.customer_id IN (SELECT id FROM"
                        + " customer WHERE tenant_id = :tenant AND vip)"),
                safe("SELECT i.id, (SELECT count(*) FROM invoice_line l WHERE l.tenant_id = :tenant AND"
                        + " l.invoice_id = i.id) FROM invoice i WHERE i.tenant_id = :tenant"),
                safe("SELECT * FROM (SELECT * FROM invoice WHERE tenant_id = :tenant) AS recent WHERE recent.total > 5"),
                safe("SELECT * FROM invoice i WHERE i.tenant_id = :tenant AND i.total > (SELECT avg(total) FROM"
                        + " invoice x WHERE x.tenant_id = i.tenant_id)"),
                leak("SELECT * FROM invoice i WHERE i.tenant_id = :tenant AND EXISTS (SELECT 1 FROM payment p"
                        + " WHERE p.invoice_id = i.id)", "payment p"),
                leak("SELECT i.id, (SELECT count(*) FROM invoice_line l WHERE l.invoice_id = i.id) FROM invoice i"
                        + " WHERE i.tenant_id = :tenant", "invoice_line l"),
                leak("SELECT * FROM (SELECT * FROM invoice) AS everything WHERE everything.tenant_id = :tenant",
                        "invoice"),
                leak("SELECT * FROM invoice i WHERE i.tenant_id = :tenant AND i.total > (SELECT avg(total) FROM"
                        + " invoice)", "invoice"),
                leak("SELECT * FROM invoice i WHERE i.tenant_id = :tenant AND EXISTS (SELECT 1 FROM payment p"
                        + " WHERE p.tenant_id = q.tenant_id)", "payment p"),
                // ---- CTEs
                safe("WITH mine AS (SELECT * FROM invoice WHERE tenant_id = :tenant) SELECT * FROM mine"),
                safe("WITH mine AS (SELECT * FROM invoice WHERE tenant_id = :tenant), lines AS (SELECT l.* FROM"
                        + " invoice_line l JOIN mine m ON l.invoice_id = m.id WHERE l.tenant_id = :tenant)"
                        + " SELECT * FROM lines"),
                safe("WITH RECURSIVE tree AS (SELECT id, parent_id FROM customer WHERE tenant_id = :tenant AND"
                        + " parent_id IS NULL UNION ALL SELECT c.id, c.parent_id FROM customer c JOIN tree t ON"
                        + " c.parent_id = t.id WHERE c.tenant_id = :tenant) SELECT * FROM tree"),
                safe("WITH invoice AS (SELECT 1 AS id) SELECT * FROM invoice"),
                leak("WITH everything AS (SELECT * FROM invoice) SELECT * FROM everything", "invoice"),
                leak("WITH RECURSIVE tree AS (SELECT id, parent_id FROM customer WHERE tenant_id = :tenant AND"
                        + " parent_id IS NULL UNION ALL SELECT c.id, c.parent_id FROM customer c JOIN tree t ON"
                        + " c.parent_id = t.id) SELECT * FROM tree", "customer c"),
                // ---- set operations
                safe("SELECT id FROM invoice WHERE tenant_id = :tenant UNION SELECT invoice_id FROM payment WHERE"
                        + " tenant_id = :tenant"),
                safe("SELECT id FROM invoice WHERE tenant_id = :tenant INTERSECT SELECT invoice_id FROM payment"
                        + " WHERE tenant_id = :tenant EXCEPT SELECT invoice_id FROM invoice_line WHERE tenant_id = :tenant"),
                leak("SELECT id FROM invoice WHERE tenant_id = :tenant UNION ALL SELECT invoice_id FROM payment",
                        "payment"),
                leak("SELECT id FROM invoice WHERE tenant_id = :tenant EXCEPT SELECT invoice_id FROM invoice_line",
                        "invoice_line"),
                // ---- LATERAL
                safe("SELECT * FROM customer c, LATERAL (SELECT * FROM invoice i WHERE i.tenant_id = c.tenant_id"
                        + " AND i.customer_id = c.id ORDER BY total DESC LIMIT 3) top WHERE c.tenant_id = :tenant"),
                leak("SELECT * FROM customer c, LATERAL (SELECT * FROM invoice i WHERE i.customer_id = c.id LIMIT 3)"
                        + " top WHERE c.tenant_id = :tenant", "invoice i"),
                // ---- UPDATE
                safe("UPDATE invoice SET status = 'PAID' WHERE tenant_id = :tenant AND id = :id"),
                safe("UPDATE invoice i SET status = 'PAID' FROM payment p WHERE i.tenant_id = :tenant AND"
                        + " p.tenant_id = i.tenant_id AND p.invoice_id = i.id"),
                safe("UPDATE invoice SET total = (SELECT sum(amount) FROM invoice_line l WHERE l.tenant_id = :tenant"
                        + " AND l.invoice_id = invoice.id) WHERE tenant_id = :tenant"),
                leak("UPDATE invoice SET status = 'PAID'", "invoice"),
                leak("UPDATE invoice SET status = 'PAID' WHERE id = :id", "invoice"),
                leak("UPDATE invoice i SET status = 'PAID' FROM payment p WHERE i.tenant_id = :tenant AND"
                        + " p.invoice_id = i.id", "payment p"),
                leak("UPDATE invoice SET total = (SELECT sum(amount) FROM invoice_line l WHERE l.invoice_id ="
                        + " invoice.id) WHERE tenant_id = :tenant", "invoice_line l"),
                // ---- DELETE
                safe("DELETE FROM invoice WHERE tenant_id = :tenant AND status = 'DRAFT'"),
                safe("DELETE FROM invoice i USING customer c WHERE i.tenant_id = :tenant AND c.tenant_id = :tenant"
                        + " AND c.id = i.customer_id AND c.blocked"),
                leak("DELETE FROM invoice WHERE status = 'DRAFT'", "invoice"),
                leak("DELETE FROM invoice i USING customer c WHERE i.tenant_id = :tenant AND c.id = i.customer_id",
                        "customer c"),
                // ---- INSERT
                safe("INSERT INTO invoice (tenant_id, number, total) VALUES (:tenant, :number, :total)"),
                safe("INSERT INTO invoice (tenant_id, number) VALUES (:tenant, 'A'), (:tenant, 'B')"),
                safe("INSERT INTO invoice (tenant_id, number) SELECT :tenant, number FROM invoice WHERE"
                        + " tenant_id = :tenant AND status = 'DRAFT'"),
                safe("INSERT INTO invoice (tenant_id, id, number) VALUES (:tenant, :id, :number)"
                        + " ON CONFLICT (tenant_id, id) DO UPDATE SET number = EXCLUDED.number"),
                safe("INSERT INTO currency (code) VALUES ('EUR')"),
                safe("WITH moved AS (DELETE FROM invoice WHERE tenant_id = :tenant AND status = 'VOID' RETURNING *)"
                        + " SELECT count(*) FROM moved"),
                leak("INSERT INTO invoice (number, total) VALUES (:number, :total)",
                        "INSERT INTO invoice does not write its tenant column"),
                leak("INSERT INTO invoice (tenant_id, number) VALUES ('acme', :number)",
                        "INSERT INTO invoice writes 'acme' into tenant_id"),
                leak("INSERT INTO invoice (tenant_id, number) VALUES (:tenant, 'A'), ('globex', 'B')",
                        "INSERT INTO invoice writes 'globex' into tenant_id"),
                leak("INSERT INTO invoice (tenant_id, number) SELECT tenant_id, number FROM invoice WHERE"
                        + " tenant_id = :tenant", "INSERT INTO invoice writes tenant_id into tenant_id"),
                leak("INSERT INTO invoice (tenant_id, number) SELECT :tenant, number FROM invoice",
                        "invoice"),
                leak("WITH moved AS (DELETE FROM invoice WHERE status = 'VOID' RETURNING *) SELECT count(*) FROM moved",
                        "invoice"),
                // ---- schema per tenant
                safe("SELECT * FROM ledger_entry WHERE amount > 0"),
                safe("SELECT * FROM ledger_entry e JOIN invoice i ON i.id = e.invoice_id WHERE i.tenant_id = :tenant"),
                leak("SELECT * FROM acme.ledger_entry", "acme.ledger_entry names a schema-per-tenant table in a schema of its own"),
                // ---- tables the processor does not know
                safe("SELECT * FROM currency"),
                safe("SELECT now()"));
    }

    private static Arguments safe(String sql) {
        return Arguments.of(sql, PROVEN);
    }

    private static Arguments leak(String sql, String references) {
        return Arguments.of(sql, references);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void verdict(String sql, String expected) throws QueryException {
        TenantProof.Verdict verdict = TenantProof.prove(sql, TABLES);
        List<String> found = verdict.findings().stream().map(TenantProofTest::shortly).toList();
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(";")), found, sql);
    }

    /** A finding as the corpus writes it: the reference ("invoice i"), or an INSERT's or schema's own message up to its first ';' or ':'. */
    private static String shortly(TenantProof.Finding finding) {
        String message = finding.message();
        int notConfined = message.indexOf(" is not confined to the tenant");
        if (notConfined > 0) {
            return message.substring(0, notConfined);
        }
        int end = message.indexOf(';');
        int colon = message.indexOf(':');
        return message.substring(0, end < 0 ? colon : colon < 0 ? end : Math.min(end, colon)).strip();
    }

    @Test
    void theCorpusCoversEnoughStatements() {
        long proven = corpus().filter(a -> a.get()[1].equals(PROVEN)).count();
        long refused = corpus().count() - proven;
        assertEquals(true, corpus().count() >= 60, "at least 60 statements");
        assertEquals(true, proven >= 25 && refused >= 25, proven + " proven, " + refused + " refused");
    }

    @Test
    void aFindingSaysWhatIsMissingAndPointsAtTheReference() throws QueryException {
        String sql = "SELECT * FROM invoice i JOIN customer c ON c.id = i.customer_id WHERE i.tenant_id = :tenant";
        TenantProof.Finding finding = TenantProof.prove(sql, TABLES).findings().get(0);
        assertEquals("customer c is not confined to the tenant: its block has no c.tenant_id = :tenant (or"
                + " c.tenant_id = <a confined table>.tenant_id) as a condition of its WHERE or of its join's ON,"
                + " outside any OR or NOT", finding.message());
        assertEquals(sql.indexOf("customer c"), finding.at());
    }

    @Test
    void aStatementThatDoesNotParseIsAnErrorAtItsPlace() {
        String sql = "SELECT * FORM invoice WHERE tenant_id = :tenant";
        QueryException e = assertThrows(QueryException.class, () -> TenantProof.prove(sql, TABLES));
        assertEquals(true, e.getMessage().startsWith("The SQL does not parse as PostgreSQL"), e.getMessage());
        assertEquals(true, e.at() >= 0 && e.at() <= sql.indexOf("invoice"), "at " + e.at());
    }

    @Test
    void onlyReadsAndWritesAreProven() {
        QueryException e = assertThrows(QueryException.class, () -> TenantProof.prove("DROP TABLE invoice", TABLES));
        assertEquals(true, e.getMessage().startsWith("Only SELECT, INSERT, UPDATE and DELETE can be proven"),
                e.getMessage());
    }
}
