package dev.tenantdao.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.processor.query.TenantProof.KnownTable;
import dev.tenantdao.testkit.TenantProofCorpus;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tenant proof judged by its corpus ({@link TenantProofCorpus}): statements in every construct it
 * covers, safe and unsafe (the classic leaks among them), each with its verdict: proven, or exactly the
 * references it could not confine (named as the finding names them).
 */
class TenantProofTest {

    private static final Map<String, KnownTable> TABLES = Map.of(
            "invoice", KnownTable.row("invoice", "tenant_id"),
            "invoice_line", KnownTable.row("invoice_line", "tenant_id"),
            "customer", KnownTable.row("customer", "tenant_id"),
            "payment", KnownTable.row("payment", "tenant_id"),
            "ledger_entry", KnownTable.schema("ledger_entry"));

    /** Every statement of the corpus ({@code testkit: tenant-proof-corpus.tsv}) and its verdict. */
    static Stream<Arguments> corpus() {
        return TenantProofCorpus.statements().stream()
                .map(statement -> Arguments.of(statement.sql(), statement.findings(), statement.error()));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void verdict(String sql, List<String> expected, String error) throws QueryException {
        if (error != null) {
            QueryException refused = assertThrows(QueryException.class, () -> TenantProof.prove(sql, TABLES), sql);
            assertEquals(true, refused.getMessage().startsWith(error), refused.getMessage());
            return;
        }
        TenantProof.Verdict verdict = TenantProof.prove(sql, TABLES);
        List<String> found = verdict.findings().stream().map(TenantProofTest::shortly).toList();
        assertEquals(expected, found, sql);
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
        List<TenantProofCorpus.Statement> all = TenantProofCorpus.statements();
        long proven = all.stream().filter(TenantProofCorpus.Statement::proven).count();
        assertEquals(true, all.stream().filter(TenantProofCorpus.Statement::proven).allMatch(st -> st.error() == null));
        assertEquals(true, all.size() >= 60, "at least 60 statements: " + all.size());
        assertEquals(true, proven >= 25 && all.size() - proven >= 25, proven + " proven of " + all.size());
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
