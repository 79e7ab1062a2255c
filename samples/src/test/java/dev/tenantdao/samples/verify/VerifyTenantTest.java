package dev.tenantdao.samples.verify;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.SchemaMismatchException;
import dev.tenantdao.runtime.TenantDaoException;
import dev.tenantdao.runtime.TenantRouting;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Database#verifyTenant(String)}: a tenant's schema (schema per tenant) and a tenant's
 * database (database per tenant), created by {@code createTenant} from the generated DDL, verify
 * clean; a change in either is named with the tenant's schema or database.
 */
class VerifyTenantTest {

    private static final String SHARED = "verify_tenant_shared";
    private static final String TENANT = "verify_t1";
    private static final String TENANT_SCHEMA = "tenant_" + TENANT;
    private static final String TENANT_DATABASE = "verify_tenant_db";

    private DataSource shared;
    private DataSource tenantDatabase;
    private Database database;

    @BeforeEach
    void freshTenant() {
        shared = Postgres.shared().freshSchema(SHARED);
        CompiledSchema.createShared(shared);     // schema-per-tenant tables may reference shared ones
        Postgres.shared().dropSchema(TENANT_SCHEMA);
        tenantDatabase = Postgres.shared().freshDatabase(TENANT_DATABASE);
        database = Database.builder(shared).routing(TenantRouting.of(Map.of(TENANT, tenantDatabase))).build();
        CompiledSchema.createTenant(database, TENANT, "schema");
        CompiledSchema.createTenant(database, TENANT, "database");
    }

    @AfterAll
    static void drop() throws SQLException {
        Postgres.shared().dropSchema(TENANT_SCHEMA);
        Postgres.shared().dropSchema(SHARED);
        try (Connection c = Postgres.shared().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + TENANT_DATABASE + " WITH (FORCE)");
        }
    }

    private static void sql(DataSource dataSource, String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aTenantCreatedFromTheGeneratedDdlVerifiesClean() {
        assertDoesNotThrow(() -> database.verifyTenant(TENANT));
        assertEquals(onlyTheSuperuser(), assertThrows(SchemaMismatchException.class, database::verify).mismatches(),
                "the shared tables match; this test connects as the administrative user");
    }

    /** What verify() finds in the shared schema, connected as the test server's superuser. */
    private static List<String> onlyTheSuperuser() {
        return List.of("role " + Postgres.shared().user() + ": is a superuser; row level security does not apply to"
                + " superusers, connect as a role that is not");
    }

    @Test
    void aChangeInTheTenantsSchemaIsNamed() throws SQLException {
        sql(shared, "ALTER TABLE " + TENANT_SCHEMA + ".ledger_entry ALTER COLUMN amount TYPE text");
        sql(shared, "DROP TABLE " + TENANT_SCHEMA + ".ledger_entry_history");
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class, () -> database.verifyTenant(TENANT));
        assertEquals(List.of("table ledger_entry: column amount: type expected numeric, found text",
                "history table ledger_entry_history (of ledger_entry): missing in schema " + TENANT_SCHEMA), e.mismatches());
        assertTrue(e.getMessage().startsWith("The database (schema " + TENANT_SCHEMA + " of tenant '" + TENANT + "')"),
                e.getMessage());
        assertEquals(onlyTheSuperuser(), assertThrows(SchemaMismatchException.class, database::verify).mismatches(),
                "the shared schema is not the tenant's");
    }

    @Test
    void aChangeInTheTenantsDatabaseIsNamed() throws SQLException {
        sql(tenantDatabase, "ALTER TABLE document_history DISABLE TRIGGER document_history_no_truncate");
        SchemaMismatchException e = assertThrows(SchemaMismatchException.class, () -> database.verifyTenant(TENANT));
        assertEquals(List.of("table document_history: append-only trigger document_history_no_truncate is disabled"),
                e.mismatches());
        assertTrue(e.getMessage().startsWith("The database (database of tenant '" + TENANT + "', schema public)"),
                e.getMessage());
    }

    @Test
    void databasePerTenantTablesNeedARouting() {
        TenantDaoException e = assertThrows(TenantDaoException.class, () -> new Database(shared).verifyTenant(TENANT));
        assertTrue(e.getMessage().contains("no TenantRouting"), e.getMessage());
    }
}
