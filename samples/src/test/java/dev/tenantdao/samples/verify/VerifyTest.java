package dev.tenantdao.samples.verify;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.SchemaMismatchException;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Database#verify()} on the shared schema holding the tables of every entity compiled here,
 * created from the generated DDL: clean as the application role, then one test per kind of
 * mismatch, each changing one thing and expecting exactly the mismatch naming it.
 */
class VerifyTest {

    private static final String SCHEMA = "verify_shared";
    private static final String SUFFIX = "_" + ProcessHandle.current().pid();
    private static final String APP = "verify_app" + SUFFIX;
    private static final String BYPASS = "verify_bypass" + SUFFIX;
    private static final String OWNER = "verify_owner" + SUFFIX;
    private static final String POLICY = "tenant_id = NULLIF(current_setting('tenantdao.tenant', true), '')";

    private DataSource admin;
    private Database app;

    @BeforeEach
    void freshTables() {
        admin = Postgres.shared().freshSchema(SCHEMA);
        CompiledSchema.createShared(admin);
        app = new Database(Postgres.shared().applicationRole(APP, SCHEMA));
    }

    @AfterAll
    static void dropRoles() throws SQLException {
        Postgres.shared().dropSchema(SCHEMA);
        try (Connection c = Postgres.shared().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String role : List.of(APP, BYPASS, OWNER)) {
                s.execute("DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN"
                        + " EXECUTE 'DROP OWNED BY " + role + "'; EXECUTE 'DROP ROLE " + role + "'; END IF; END $$");
            }
        }
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private List<String> mismatches(Database database) {
        return assertThrows(SchemaMismatchException.class, database::verify).mismatches();
    }

    @Test
    void theGeneratedDdlVerifiesCleanAsTheApplicationRole() throws SQLException {
        assertDoesNotThrow(app::verify);
        try (Connection c = Postgres.shared().applicationRole(APP, SCHEMA).getConnection();
                ResultSet rows = c.createStatement().executeQuery("SELECT rolsuper, rolbypassrls, current_schema()"
                        + " FROM pg_roles WHERE rolname = current_user")) {
            assertTrue(rows.next());
            assertFalse(rows.getBoolean(1));
            assertFalse(rows.getBoolean(2));
            assertEquals(SCHEMA, rows.getString(3));
        }
    }

    @Test
    void aMissingTable() throws SQLException {
        sql("DROP TABLE product CASCADE");
        assertEquals(List.of("table product: missing in schema " + SCHEMA), mismatches(app));
    }

    @Test
    void aMissingColumn() throws SQLException {
        sql("ALTER TABLE invoice DROP COLUMN due_on");
        assertEquals(List.of("table invoice: column due_on: missing (expected date)"), mismatches(app));
    }

    @Test
    void aColumnOfAnotherType() throws SQLException {
        sql("ALTER TABLE invoice ALTER COLUMN total TYPE numeric(10,2)", "ALTER TABLE invoice ALTER COLUMN number TYPE varchar(20)");
        assertEquals(List.of("table invoice: column number: type expected text, found character varying(20)",
                "table invoice: column total: type expected numeric, found numeric(10,2)"), mismatches(app));
    }

    @Test
    void aColumnOfOtherNullability() throws SQLException {
        sql("ALTER TABLE invoice ALTER COLUMN number DROP NOT NULL", "ALTER TABLE invoice ALTER COLUMN due_on SET NOT NULL");
        assertEquals(List.of("table invoice: column number: expected NOT NULL, found nullable",
                "table invoice: column due_on: expected nullable, found NOT NULL"), mismatches(app));
    }

    @Test
    void anotherPrimaryKey() throws SQLException {
        // CASCADE drops the invoice's foreign key to the customer with the key it relies on
        String foreignKey = "table invoice: foreign key FOREIGN KEY (tenant_id, customer_id) REFERENCES customer"
                + " (tenant_id, id) missing";
        sql("ALTER TABLE customer DROP CONSTRAINT customer_pkey CASCADE", "ALTER TABLE customer ADD PRIMARY KEY (id, tenant_id)");
        assertEquals(List.of("table customer: primary key expected (tenant_id, id), found (id, tenant_id)", foreignKey),
                mismatches(app));
        sql("ALTER TABLE customer DROP CONSTRAINT customer_pkey CASCADE");
        assertEquals(List.of("table customer: primary key expected (tenant_id, id), found none", foreignKey),
                mismatches(app));
    }

    @Test
    void aMissingHistoryTable() throws SQLException {
        sql("DROP TABLE invoice_history");
        assertEquals(List.of("history table invoice_history (of invoice): missing in schema " + SCHEMA), mismatches(app));
    }

    @Test
    void rowLevelSecurityDisabled() throws SQLException {
        sql("ALTER TABLE invoice DISABLE ROW LEVEL SECURITY");
        assertEquals(List.of("table invoice: row level security expected enabled, found disabled"), mismatches(app));
    }

    @Test
    void rowLevelSecurityNotForced() throws SQLException {
        sql("ALTER TABLE invoice NO FORCE ROW LEVEL SECURITY");
        assertEquals(List.of("table invoice: row level security expected forced (FORCE ROW LEVEL SECURITY), found not forced"),
                mismatches(app));
    }

    @Test
    void aMissingPolicy() throws SQLException {
        sql("DROP POLICY invoice_tenant_isolation ON invoice");
        assertEquals(List.of("table invoice: policy invoice_tenant_isolation missing (expected USING and WITH CHECK ("
                + POLICY + "))"), mismatches(app));
    }

    @Test
    void aPolicyWithAnotherExpression() throws SQLException {
        sql("DROP POLICY invoice_tenant_isolation ON invoice",
                "CREATE POLICY invoice_tenant_isolation ON invoice USING (tenant_id = current_user) WITH CHECK (" + POLICY + ")");
        assertEquals(List.of("table invoice: policy invoice_tenant_isolation: USING expected (" + POLICY
                + "), found (tenant_id = CURRENT_USER)"), mismatches(app));
    }

    @Test
    void anotherPermissivePolicyWidensTheGeneratedOne() throws SQLException {
        sql("CREATE POLICY everyone ON invoice FOR SELECT USING (true)");
        assertEquals(List.of("table invoice: policy everyone is another PERMISSIVE policy, which widens"
                + " invoice_tenant_isolation (USING true)"), mismatches(app));
    }

    @Test
    void theOperatorsPoliciesWidenNothingUnlessTheApplicationsRoleIsAnOperator() throws SQLException {
        // the test sources are compiled with -Atenantdao.operatorRole=op_samples_operator (OperatorAccessTest)
        assertDoesNotThrow(app::verify);
        sql("GRANT op_samples_operator TO " + APP);
        try {
            assertEquals(List.of("table balance: policy balance_operator_read is another PERMISSIVE policy, which widens"
                    + " balance_tenant_isolation (USING true)"), mismatches(app).stream()
                    .filter(m -> m.startsWith("table balance:")).toList());
        } finally {
            sql("REVOKE op_samples_operator FROM " + APP);
        }
    }

    @Test
    void aMissingAppendOnlyTrigger() throws SQLException {
        sql("DROP TRIGGER invoice_history_append_only ON invoice_history");
        assertEquals(List.of("table invoice_history: append-only trigger invoice_history_append_only missing"),
                mismatches(app));
    }

    @Test
    void anExtraNotNullColumnWithoutDefaultButNotANullableOne() throws SQLException {
        sql("ALTER TABLE invoice ADD COLUMN note text", "ALTER TABLE invoice ADD COLUMN region text NOT NULL DEFAULT 'eu'");
        assertDoesNotThrow(app::verify);
        sql("ALTER TABLE invoice ADD COLUMN priority integer NOT NULL");
        assertEquals(List.of("table invoice: extra column priority is NOT NULL without a default: the generated inserts"
                + " do not write it and would fail"), mismatches(app));
    }

    @Test
    void aSuperuser() throws SQLException {
        String user;
        try (Connection c = admin.getConnection();
                ResultSet rows = c.createStatement().executeQuery("SELECT current_user, rolsuper FROM pg_roles"
                        + " WHERE rolname = current_user")) {
            assertTrue(rows.next());
            user = rows.getString(1);
            assertTrue(rows.getBoolean(2), "the test server's administrative user is a superuser");
        }
        assertEquals(List.of("role " + user + ": is a superuser; row level security does not apply to superusers,"
                + " connect as a role that is not"), mismatches(new Database(admin)));
    }

    @Test
    void aRoleWithBypassRls() throws SQLException {
        DataSource bypass = Postgres.shared().applicationRole(BYPASS, SCHEMA);
        sql("ALTER ROLE " + BYPASS + " BYPASSRLS");
        assertEquals(List.of("role " + BYPASS + ": has BYPASSRLS; row level security does not apply to it"
                + " (ALTER ROLE ... NOBYPASSRLS)"), mismatches(new Database(bypass)));
    }

    @Test
    void aRoleOwningATableWithRowLevelSecurity() throws SQLException {
        DataSource owner = Postgres.shared().applicationRole(OWNER, SCHEMA);
        sql("ALTER TABLE invoice OWNER TO " + OWNER);
        assertEquals(List.of("role " + OWNER + ": owns table invoice; the application role must not own tables with"
                + " row level security"), mismatches(new Database(owner)));
    }

    @Test
    void theMessageNamesEveryMismatchOnALine() throws SQLException {
        sql("DROP TABLE product CASCADE", "ALTER TABLE invoice ALTER COLUMN number DROP NOT NULL");
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class, app::verify);
        assertEquals("The database (shared schema " + SCHEMA + ") does not match the entities: 2 mismatches\n"
                + "  - table invoice: column number: expected NOT NULL, found nullable\n"
                + "  - table product: missing in schema " + SCHEMA, e.getMessage());
    }

    @Test
    void aPartitionWithoutRowLevelSecurity() throws SQLException {
        sql("ALTER TABLE meter_p3 NO FORCE ROW LEVEL SECURITY", "DROP POLICY meter_tenant_isolation ON meter_p5");
        assertEquals(List.of("partition meter_p3 of table meter: row level security expected forced (FORCE ROW LEVEL"
                + " SECURITY), found not forced", "partition meter_p5 of table meter: policy meter_tenant_isolation missing"
                + " (expected USING and WITH CHECK (" + POLICY + "))"), mismatches(app));
    }

    @Test
    void aMissingOrForeignPartition() throws SQLException {
        sql("ALTER TABLE reading DETACH PARTITION reading_p6", "DROP TABLE reading_p6",
                "CREATE TABLE reading_p6 (LIKE reading)");
        assertEquals(List.of("partition reading_p6 of table reading: missing (expected FOR VALUES WITH (modulus 8,"
                + " remainder 6))"), mismatches(app));
    }

    @Test
    void aTablePartitionedOtherwiseOrNotAtAll() throws SQLException {
        sql("DROP TABLE reading", "CREATE TABLE reading (tenant_id text NOT NULL, id bigint GENERATED BY DEFAULT AS"
                + " IDENTITY, meter text NOT NULL, value numeric NOT NULL, PRIMARY KEY (tenant_id, id))");
        sql("ALTER TABLE reading ENABLE ROW LEVEL SECURITY", "ALTER TABLE reading FORCE ROW LEVEL SECURITY",
                "CREATE POLICY reading_tenant_isolation ON reading USING (" + POLICY + ") WITH CHECK (" + POLICY + ")",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON reading TO " + APP,
                "CREATE INDEX reading_meter_idx ON reading (tenant_id, meter)",
                "ALTER TABLE reading ADD FOREIGN KEY (tenant_id, meter) REFERENCES meter (tenant_id, code)");
        // (made by hand, it lacks the operators' write policies too: the test sources have operator access)
        List<String> writes = new java.util.ArrayList<>();
        for (String write : List.of("insert", "update", "delete")) {
            writes.add("table reading: the operators' write policy reading_operator_" + write + " is missing: their logins"
                    + " could " + write + " without the operator block's switch (expected AS RESTRICTIVE FOR "
                    + write.toUpperCase(java.util.Locale.ROOT) + ")");
        }
        writes.add("table reading: expected partitioned by HASH (tenant_id) into 8 partitions"
                + " (@PartitionedByTenant), found a table that is not partitioned");
        assertEquals(writes, mismatches(app));
        sql("GRANT TRIGGER ON reading TO " + APP);
        assertTrue(mismatches(app).contains("role " + APP + ": may create triggers on table reading, which the operators"
                + " reach: it could turn its row-level security off or add a trigger that runs as an operator; create it"
                + " with a role of its own and grant the application SELECT, INSERT, UPDATE and DELETE only"));
    }

    @Test
    void aHistoryPartitionThatCanBeTruncated() throws SQLException {
        sql("DROP TRIGGER meter_history_no_truncate ON meter_history_p2");
        assertEquals(List.of("partition meter_history_p2 of table meter_history: append-only trigger"
                + " meter_history_no_truncate missing"), mismatches(app));
    }

    @Test
    void aMissingUniqueConstraint() throws SQLException {
        sql("ALTER TABLE product DROP CONSTRAINT product_tenant_id_sku_key");
        assertEquals(List.of("table product: unique constraint UNIQUE (tenant_id, sku) missing"), mismatches(app));
        // a unique index of the same columns enforces the same: accepted
        sql("CREATE UNIQUE INDEX product_sku_by_hand ON product (tenant_id, sku)");
        assertDoesNotThrow(app::verify);
    }

    @Test
    void aPartialUniqueIndexMissingOrNotPartial() throws SQLException {
        // soft delete: a sku is unique among live rows only
        sql("DROP INDEX soft_listing_sku_live_key");
        assertEquals(List.of("table soft_listing: index soft_listing_sku_live_key missing (expected UNIQUE (tenant_id,"
                + " vendor_id, sku) WHERE deleted_at IS NULL)"), mismatches(app));
        sql("CREATE UNIQUE INDEX soft_listing_sku_live_key ON soft_listing (tenant_id, vendor_id, sku)");
        assertEquals(List.of("table soft_listing: index soft_listing_sku_live_key: expected UNIQUE (tenant_id, vendor_id,"
                + " sku) WHERE deleted_at IS NULL, found UNIQUE (tenant_id, vendor_id, sku)"), mismatches(app));
    }

    @Test
    void aMissingIndexOrOneOnOtherColumns() throws SQLException {
        sql("DROP INDEX reading_meter_idx", "CREATE INDEX reading_meter_idx ON reading (meter)");
        assertEquals(List.of("table reading: index reading_meter_idx: expected (tenant_id, meter), found (meter)"),
                mismatches(app));
        sql("DROP INDEX reading_meter_idx");
        assertEquals(List.of("table reading: index reading_meter_idx missing (expected (tenant_id, meter))"),
                mismatches(app));
    }

    @Test
    void aForeignKeyMissingOrWithoutItsCascade() throws SQLException {
        String invoiceLine = constraint("invoice_line", "f");
        sql("ALTER TABLE invoice_line DROP CONSTRAINT " + invoiceLine);
        List<String> found = mismatches(app);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("table invoice_line: foreign key FOREIGN KEY (tenant_id, invoice_id)"
                + " REFERENCES invoice (tenant_id, id)"), found.get(0));
        assertTrue(found.get(0).endsWith(" missing"), found.get(0));
        sql("ALTER TABLE invoice_line ADD FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoice (tenant_id, id)");
        assertDoesNotThrow(app::verify);
        // a joined subtype's row goes with its root's row: without the cascade, deleting a payout fails
        sql("ALTER TABLE bank_payout DROP CONSTRAINT " + constraint("bank_payout", "f"),
                "ALTER TABLE bank_payout ADD FOREIGN KEY (tenant_id, id) REFERENCES payout (tenant_id, id)");
        assertEquals(List.of("table bank_payout: foreign key FOREIGN KEY (tenant_id, id) REFERENCES payout (tenant_id, id):"
                + " expected ON DELETE CASCADE, found no cascade"), mismatches(app));
    }

    @Test
    void anInvalidIndex() throws SQLException {
        // what a failed CREATE INDEX CONCURRENTLY leaves behind: PostgreSQL keeps it and ignores it
        sql("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'reading_meter_idx'::regclass");
        assertEquals(List.of("table reading: index reading_meter_idx is invalid (a failed CREATE INDEX CONCURRENTLY?);"
                + " PostgreSQL does not use it: REINDEX INDEX reading_meter_idx"), mismatches(app));
    }

    private String constraint(String table, String type) throws SQLException {
        try (Connection c = admin.getConnection(); ResultSet rows = c.createStatement().executeQuery(
                "SELECT conname FROM pg_constraint WHERE conrelid = '" + table + "'::regclass AND contype = '" + type + "'"
                        + " ORDER BY conname")) {
            assertTrue(rows.next(), "no constraint of type " + type + " on " + table);
            return rows.getString(1);
        }
    }
}
