package dev.tenantdao.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules {@link SchemaVerifier} compares by, against what PostgreSQL prints: each DDL spelling
 * of a type equals {@code format_type} of a column declared with it, and the generated policy
 * condition equals {@code pg_get_expr} of a policy created with it. (The comparisons with compiled
 * entities are in the samples, whose entities the processor compiles.)
 */
class SchemaVerifierTest {

    private static final String SCHEMA = "runtime_schema_verifier";
    private static DataSource dataSource;

    @BeforeAll
    static void schema() {
        dataSource = Postgres.shared().freshSchema(SCHEMA);
    }

    @Test
    void everyDdlSpellingOfATypeEqualsWhatPostgresPrints() throws SQLException {
        List<String> spellings = List.of("bigint", "int8", "int", "integer", "int4", "smallint", "int2", "bool",
                "boolean", "text", "varchar(5)", "character varying(12)", "char(5)", "char", "numeric", "numeric(10,2)",
                "numeric(10, 2)", "decimal(12,4)", "timestamptz", "timestamp", "timestamp(3)", "timestamptz(3)",
                "time", "timetz", "date", "uuid", "bytea", "jsonb", "xid8", "double precision", "float8", "real",
                "float4", "text[]", "bigint[]", "int[]", "numeric[]", "uuid[]", "boolean[]", "interval", "verifier_mood");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS types; DROP TYPE IF EXISTS verifier_mood");
            s.execute("CREATE TYPE verifier_mood AS ENUM ('HAPPY')");
            StringBuilder ddl = new StringBuilder("CREATE TABLE types (");
            for (int i = 0; i < spellings.size(); i++) {
                ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(' ').append(spellings.get(i));
            }
            s.execute(ddl.append(')').toString());
            try (ResultSet rows = s.executeQuery("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
                    + " WHERE attrelid = 'types'::regclass AND attnum > 0 ORDER BY attnum")) {
                int i = 0;
                while (rows.next()) {
                    String spelling = spellings.get(i++);
                    assertEquals(SchemaVerifier.normaliseType(rows.getString(2)), SchemaVerifier.normaliseType(spelling),
                            spelling + " printed as " + rows.getString(2));
                }
                assertEquals(spellings.size(), i);
            }
        }
    }

    @Test
    void differentTypesStayDifferent() {
        assertNotEquals(SchemaVerifier.normaliseType("numeric(10,2)"), SchemaVerifier.normaliseType("numeric(12,2)"));
        assertNotEquals(SchemaVerifier.normaliseType("timestamptz"), SchemaVerifier.normaliseType("timestamp"));
        assertNotEquals(SchemaVerifier.normaliseType("varchar(5)"), SchemaVerifier.normaliseType("text"));
        assertNotEquals(SchemaVerifier.normaliseType("bigint[]"), SchemaVerifier.normaliseType("bigint"));
        assertEquals("mood", SchemaVerifier.normaliseType("app.mood"), "an enum type outside the search path");
    }

    @Test
    void theGeneratedPolicyConditionEqualsWhatPostgresPrints() throws SQLException {
        List<String> conditions = List.of(
                "tenant_id = NULLIF(current_setting('tenantdao.tenant', true), '')",
                "organization_id = NULLIF(current_setting('tenantdao.tenant', true), '')::uuid",
                "clinic_no = NULLIF(current_setting('tenantdao.tenant', true), '')::bigint");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS guarded");
            s.execute("CREATE TABLE guarded (tenant_id varchar(20), organization_id uuid, clinic_no bigint)");
            for (int i = 0; i < conditions.size(); i++) {
                s.execute("CREATE POLICY p" + i + " ON guarded USING (" + conditions.get(i) + ") WITH CHECK ("
                        + conditions.get(i) + ")");
            }
            try (ResultSet rows = s.executeQuery("SELECT polname, pg_get_expr(polqual, polrelid),"
                    + " pg_get_expr(polwithcheck, polrelid) FROM pg_policy WHERE polrelid = 'guarded'::regclass"
                    + " ORDER BY polname")) {
                int i = 0;
                while (rows.next()) {
                    String expected = SchemaVerifier.normaliseExpression(conditions.get(i++));
                    assertEquals(expected, SchemaVerifier.normaliseExpression(rows.getString(2)), rows.getString(2));
                    assertEquals(expected, SchemaVerifier.normaliseExpression(rows.getString(3)), rows.getString(3));
                }
                assertEquals(conditions.size(), i);
            }
        }
    }

    @Test
    void literalsAreComparedAsWritten() {
        assertNotEquals(SchemaVerifier.normaliseExpression("t = current_setting('tenantdao.tenant')"),
                SchemaVerifier.normaliseExpression("t = current_setting('Tenantdao.Tenant')"));
        assertNotEquals(SchemaVerifier.normaliseExpression("t = 'a b'"), SchemaVerifier.normaliseExpression("t = 'ab'"));
        assertEquals(SchemaVerifier.normaliseExpression("T = 'it''s'"), SchemaVerifier.normaliseExpression("(t = 'it''s'::text)"));
        assertNotEquals(SchemaVerifier.normaliseExpression("a = b::text[]"), SchemaVerifier.normaliseExpression("a = b"));
    }

    @Test
    void withoutCompiledEntitiesThereIsNothingToVerify() {
        // the runtime's tests are not compiled by the processor: no schema model on their class path
        TenantDaoException e = assertThrows(TenantDaoException.class, () -> new Database(dataSource).verify());
        assertTrue(e.getMessage().contains("META-INF/tenantdao/schema.json"), e.getMessage());
        assertTrue(e.getMessage().contains("not compiled with this tenantdao"), e.getMessage());
    }

    @Test
    void theMessageListsEveryMismatchOnALine() {
        SchemaMismatchException e = new SchemaMismatchException("shared schema app",
                List.of("table a: missing in schema app", "role app: has BYPASSRLS"));
        assertEquals(List.of("table a: missing in schema app", "role app: has BYPASSRLS"), e.mismatches());
        assertEquals("The database (shared schema app) does not match the entities: 2 mismatches\n"
                + "  - table a: missing in schema app\n  - role app: has BYPASSRLS", e.getMessage());
    }
}
