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

    // ---- vendors inside tenants: the same proof, a second time, with the vendor column and :vendor -------

    /** Row-tenanted tables, two of them vendor-scoped; vendor-scoped tables of schema and database per tenant. */
    private static final Map<String, KnownTable> VENDOR_TABLES = Map.of(
            "customer", KnownTable.row("customer", "tenant_id"),
            "offer", KnownTable.row("offer", "tenant_id").withVendor("vendor_id"),
            "offer_line", KnownTable.row("offer_line", "tenant_id").withVendor("vendor_id"),
            "shelf", KnownTable.schema("shelf").withVendor("store_id"),
            "bin", KnownTable.database("bin").withVendor("vendor_id"));

    /** Statements confined to the tenant and to the current vendor. */
    static Stream<String> provenForVendor() {
        return Stream.of(
                "SELECT * FROM offer o WHERE o.tenant_id = :tenant AND o.vendor_id = :vendor",
                "SELECT count(*) FROM offer WHERE tenant_id = :tenant AND vendor_id = :vendor AND price > 0",
                "SELECT * FROM offer o WHERE (o.tenant_id, o.vendor_id) = (:tenant, :vendor)",
                // a join: the vendor column equated with a confined reference's
                "SELECT * FROM offer o JOIN offer_line l ON l.tenant_id = o.tenant_id AND l.vendor_id = o.vendor_id"
                        + " AND l.offer = o.id WHERE o.tenant_id = :tenant AND o.vendor_id = :vendor",
                // a tenant-wide table joined: its tenant only
                "SELECT o.* FROM offer o JOIN customer c ON c.tenant_id = o.tenant_id AND c.id = o.customer"
                        + " WHERE o.tenant_id = :tenant AND o.vendor_id = :vendor",
                "SELECT o.* FROM customer c LEFT JOIN offer o ON o.tenant_id = c.tenant_id AND o.vendor_id = :vendor"
                        + " WHERE c.tenant_id = :tenant",
                // subqueries: their own vendor condition, or the enclosing block's vendor column
                "SELECT * FROM customer c WHERE c.tenant_id = :tenant AND EXISTS (SELECT 1 FROM offer o WHERE"
                        + " o.tenant_id = c.tenant_id AND o.vendor_id = :vendor AND o.customer = c.id)",
                "SELECT * FROM offer o WHERE o.tenant_id = :tenant AND o.vendor_id = :vendor AND o.id IN (SELECT"
                        + " l.offer FROM offer_line l WHERE l.tenant_id = o.tenant_id AND l.vendor_id = o.vendor_id)",
                "SELECT c.name, (SELECT count(*) FROM offer o WHERE o.tenant_id = :tenant AND o.vendor_id = :vendor"
                        + " AND o.customer = c.id) AS offers FROM customer c WHERE c.tenant_id = :tenant",
                // CTEs, a recursive one too, and every branch of a UNION
                "WITH mine AS (SELECT * FROM offer WHERE tenant_id = :tenant AND vendor_id = :vendor)"
                        + " SELECT * FROM mine",
                "WITH RECURSIVE chain AS (SELECT l.id, l.parent FROM offer_line l WHERE l.tenant_id = :tenant AND"
                        + " l.vendor_id = :vendor AND l.parent IS NULL UNION ALL SELECT l.id, l.parent FROM offer_line"
                        + " l JOIN chain ON l.parent = chain.id WHERE l.tenant_id = :tenant AND l.vendor_id = :vendor)"
                        + " SELECT * FROM chain",
                "SELECT id FROM offer WHERE tenant_id = :tenant AND vendor_id = :vendor UNION SELECT offer FROM"
                        + " offer_line WHERE tenant_id = :tenant AND vendor_id = :vendor",
                // writes: the vendor written as :vendor, in the conflict target, never updated
                "INSERT INTO offer (tenant_id, vendor_id, id, sku) VALUES (:tenant, :vendor, :id, :sku)",
                "INSERT INTO offer (tenant_id, vendor_id, sku, price) VALUES (:tenant, :vendor, :sku, :price)"
                        + " ON CONFLICT (tenant_id, vendor_id, sku) DO UPDATE SET price = EXCLUDED.price",
                "INSERT INTO offer (tenant_id, vendor_id, sku) VALUES (:tenant, :vendor, :sku)"
                        + " ON CONFLICT (tenant_id, vendor_id, sku) DO NOTHING",
                "INSERT INTO offer_line (tenant_id, vendor_id, offer) SELECT :tenant, :vendor, o.id FROM offer o"
                        + " WHERE o.tenant_id = :tenant AND o.vendor_id = :vendor",
                "UPDATE offer SET price = :price WHERE tenant_id = :tenant AND vendor_id = :vendor AND id = :id",
                "UPDATE offer o SET price = c.discount FROM customer c WHERE o.tenant_id = :tenant AND o.vendor_id ="
                        + " :vendor AND c.tenant_id = o.tenant_id AND c.id = o.customer",
                "DELETE FROM offer_line l USING offer o WHERE l.tenant_id = :tenant AND l.vendor_id = :vendor AND"
                        + " o.tenant_id = l.tenant_id AND o.vendor_id = l.vendor_id AND o.id = l.offer",
                "WITH gone AS (DELETE FROM offer WHERE tenant_id = :tenant AND vendor_id = :vendor AND id = :id"
                        + " RETURNING id) SELECT count(*) FROM gone",
                // schema and database per tenant: the vendor column is a column of the tenant's tables
                "SELECT * FROM shelf s WHERE s.store_id = :vendor AND s.label = :label",
                "INSERT INTO shelf (store_id, label) VALUES (:vendor, :label) ON CONFLICT (store_id, label) DO NOTHING",
                "SELECT count(*) FROM bin WHERE vendor_id = :vendor");
    }

    @ParameterizedTest
    @MethodSource("provenForVendor")
    void provenForTheVendor(String sql) throws QueryException {
        TenantProof.Verdict verdict = TenantProof.prove(sql, VENDOR_TABLES);
        assertEquals(List.of(), verdict.findings(), sql);
        assertEquals(List.of(), verdict.vendorFindings(), sql);
        assertEquals(true, verdict.namesVendorScoped(), sql);
    }

    /** Statements confined to the tenant but not to the vendor, and the vendor findings, as {@link #vendorShortly} writes them. */
    static Stream<Arguments> refusedForVendor() {
        return Stream.of(
                Arguments.of("SELECT * FROM offer o WHERE o.tenant_id = :tenant", List.of("offer o")),
                Arguments.of("SELECT count(*) FROM offer WHERE tenant_id = :tenant", List.of("offer")),
                // the other scope's parameter, or a column of the wrong kind
                Arguments.of("SELECT * FROM offer o WHERE o.tenant_id = :tenant AND o.vendor_id = :tenant",
                        List.of("offer o")),
                Arguments.of("SELECT * FROM offer o JOIN offer_line l ON l.tenant_id = o.tenant_id AND l.vendor_id ="
                        + " o.tenant_id WHERE o.tenant_id = :tenant AND o.vendor_id = :vendor", List.of("offer_line l")),
                // a join, a subquery, a CTE without it
                Arguments.of("SELECT * FROM offer o JOIN offer_line l ON l.tenant_id = o.tenant_id AND l.offer = o.id"
                        + " WHERE o.tenant_id = :tenant AND o.vendor_id = :vendor", List.of("offer_line l")),
                Arguments.of("SELECT * FROM offer o JOIN customer c ON c.tenant_id = o.tenant_id WHERE"
                        + " o.tenant_id = :tenant", List.of("offer o")),
                Arguments.of("SELECT * FROM customer c WHERE c.tenant_id = :tenant AND EXISTS (SELECT 1 FROM offer o"
                        + " WHERE o.tenant_id = c.tenant_id AND o.customer = c.id)", List.of("offer o")),
                Arguments.of("WITH every AS (SELECT * FROM offer WHERE tenant_id = :tenant) SELECT * FROM every",
                        List.of("offer")),
                Arguments.of("SELECT id FROM offer WHERE tenant_id = :tenant AND vendor_id = :vendor UNION SELECT offer"
                        + " FROM offer_line WHERE tenant_id = :tenant", List.of("offer_line")),
                // under an OR, under a NOT, on the kept side of a RIGHT JOIN
                Arguments.of("SELECT * FROM offer o WHERE o.tenant_id = :tenant AND (o.vendor_id = :vendor OR"
                        + " o.price = 0)", List.of("offer o")),
                Arguments.of("SELECT * FROM offer o WHERE o.tenant_id = :tenant AND NOT (o.vendor_id = :vendor)",
                        List.of("offer o")),
                Arguments.of("SELECT * FROM offer_line l RIGHT JOIN offer o ON o.tenant_id = l.tenant_id AND"
                        + " o.vendor_id = :vendor WHERE l.tenant_id = :tenant AND l.vendor_id = :vendor AND"
                        + " o.tenant_id = :tenant", List.of("offer o")),
                // writes
                Arguments.of("INSERT INTO offer (tenant_id, id, sku) VALUES (:tenant, :id, :sku)",
                        List.of("INSERT INTO offer does not write its vendor column")),
                Arguments.of("INSERT INTO offer (tenant_id, vendor_id, sku) VALUES (:tenant, :seller, :sku)",
                        List.of("INSERT INTO offer writes :seller into vendor_id")),
                Arguments.of("INSERT INTO offer_line (tenant_id, vendor_id, offer) SELECT :tenant, o.vendor_id, o.id"
                        + " FROM offer o WHERE o.tenant_id = :tenant AND o.vendor_id = :vendor",
                        List.of("INSERT INTO offer_line writes o.vendor_id into vendor_id")),
                Arguments.of("INSERT INTO offer (tenant_id, vendor_id, sku, price) VALUES (:tenant, :vendor, :sku,"
                        + " :price) ON CONFLICT (tenant_id, sku) DO UPDATE SET price = EXCLUDED.price",
                        List.of("offer")),
                Arguments.of("INSERT INTO offer (tenant_id, vendor_id, sku) VALUES (:tenant, :vendor, :sku)"
                        + " ON CONFLICT (tenant_id, sku) DO NOTHING", List.of("offer")),
                Arguments.of("INSERT INTO offer (tenant_id, vendor_id, sku) VALUES (:tenant, :vendor, :sku)"
                        + " ON CONFLICT (tenant_id, vendor_id, sku) DO UPDATE SET vendor_id = EXCLUDED.vendor_id",
                        List.of("INSERT INTO offer writes EXCLUDED.vendor_id into vendor_id, its vendor column")),
                Arguments.of("UPDATE offer SET vendor_id = :vendor WHERE tenant_id = :tenant AND vendor_id = :vendor",
                        List.of("UPDATE offer writes :vendor into vendor_id, its vendor column")),
                Arguments.of("UPDATE offer SET price = 0 WHERE tenant_id = :tenant", List.of("offer")),
                Arguments.of("DELETE FROM offer_line WHERE tenant_id = :tenant AND offer = :id", List.of("offer_line")),
                // schema and database per tenant
                Arguments.of("SELECT * FROM shelf", List.of("shelf")),
                Arguments.of("INSERT INTO shelf (label) VALUES (:label)",
                        List.of("INSERT INTO shelf does not write its vendor column")),
                Arguments.of("SELECT count(*) FROM bin", List.of("bin")));
    }

    @ParameterizedTest
    @MethodSource("refusedForVendor")
    void refusedForTheVendor(String sql, List<String> expected) throws QueryException {
        TenantProof.Verdict verdict = TenantProof.prove(sql, VENDOR_TABLES);
        assertEquals(List.of(), verdict.findings(), sql);
        assertEquals(expected, verdict.vendorFindings().stream().map(TenantProofTest::vendorShortly).toList(), sql);
        // only a write of the vendor column stands when the method is tenant-wide
        assertEquals(expected.stream().map(finding -> finding.endsWith(", its vendor column")).toList(),
                verdict.vendorFindings().stream().map(TenantProof.Finding::evenTenantWide).toList(), sql);
    }

    /** A vendor finding as the cases above write it: the reference ("offer o"), or a write's message up to its ';' or ':'. */
    private static String vendorShortly(TenantProof.Finding finding) {
        String message = finding.message();
        int notConfined = message.indexOf(" is not confined to its vendor");
        if (notConfined > 0) {
            return message.substring(0, notConfined);
        }
        int end = message.indexOf(';');
        int colon = message.indexOf(':', message.indexOf(" does not write") > 0 ? 0 : message.length());
        return message.substring(0, colon < 0 ? end : Math.min(end, colon)).strip();
    }

    @Test
    void aVendorFindingNamesTheVendorColumnAndBothFixesAndPointsAtTheReference() throws QueryException {
        String sql = "SELECT * FROM customer c JOIN offer o ON o.tenant_id = c.tenant_id WHERE c.tenant_id = :tenant";
        TenantProof.Verdict verdict = TenantProof.prove(sql, VENDOR_TABLES);
        assertEquals(List.of(), verdict.findings());
        TenantProof.Finding finding = verdict.vendorFindings().get(0);
        assertEquals("offer o is not confined to its vendor: its block has no o.vendor_id = :vendor (or o.vendor_id ="
                + " <a confined table>.vendor_id) as a condition of its WHERE or of its join's ON, outside any OR or"
                + " NOT; or, to read and change every vendor's rows of the tenant, declare the method"
                + " @Sql(tenantWide = true)", finding.message());
        assertEquals(sql.indexOf("offer o"), finding.at());
        TenantProof.Finding conflict = TenantProof.prove("INSERT INTO offer (tenant_id, vendor_id, sku) VALUES"
                + " (:tenant, :vendor, :sku) ON CONFLICT (tenant_id, sku) DO NOTHING", VENDOR_TABLES).vendorFindings()
                .get(0);
        assertEquals("offer is not confined to its vendor: ON CONFLICT DO NOTHING must name vendor_id in its conflict"
                + " target (a conflict with another vendor's key would tell it exists); or, to read and change every"
                + " vendor's rows of the tenant, declare the method @Sql(tenantWide = true)", conflict.message());
    }

    @Test
    void bothScopesFindingsApartEachOnce() throws QueryException {
        // neither scope: one tenant finding and one vendor finding for the reference
        TenantProof.Verdict verdict = TenantProof.prove("SELECT * FROM offer", VENDOR_TABLES);
        assertEquals(List.of("offer"), verdict.findings().stream().map(TenantProofTest::shortly).toList());
        assertEquals(List.of("offer"), verdict.vendorFindings().stream().map(TenantProofTest::vendorShortly).toList());
        // a system catalog and a denied function are the tenant proof's findings only
        TenantProof.Verdict catalog = TenantProof.prove("SELECT count(*) FROM offer o, pg_class WHERE o.tenant_id ="
                + " :tenant AND o.vendor_id = :vendor", VENDOR_TABLES);
        assertEquals(1, catalog.findings().size(), catalog.findings().toString());
        assertEquals(List.of(), catalog.vendorFindings());
        // a subquery where no proof looks: both say so
        TenantProof.Verdict returning = TenantProof.prove("UPDATE customer SET name = :name WHERE tenant_id = :tenant"
                + " RETURNING (SELECT count(*) FROM offer o WHERE o.tenant_id = :tenant AND o.vendor_id = :vendor)",
                VENDOR_TABLES);
        assertEquals(List.of("offer"), returning.findings().stream().map(TenantProofTest::shortly).toList());
        assertEquals(List.of("offer"), returning.vendorFindings().stream().map(TenantProofTest::vendorShortly).toList());
    }

    @Test
    void aStatementWithoutVendorScopedTablesHasNoVendorFindingsAndSaysSo() throws QueryException {
        TenantProof.Verdict verdict = TenantProof.prove("SELECT * FROM customer WHERE tenant_id = :tenant",
                VENDOR_TABLES);
        assertEquals(true, verdict.proven() && verdict.provenForVendor());
        assertEquals(false, verdict.namesVendorScoped());
        // a table of a database-per-tenant entity that is not vendor-scoped is not judged at all
        assertEquals(false, TenantProof.prove("SELECT * FROM archive", Map.of("archive", KnownTable.database("archive")))
                .namesVendorScoped());
        assertEquals(List.of(), TenantProof.prove("SELECT * FROM archive", Map.of("archive",
                KnownTable.database("archive"))).findings());
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
