package dev.tenantdao.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which schemas a {@link SchemaMapping} may give a tenant, on PostgreSQL. */
class SchemaOfTest {

    /** The shared tables' schema: the current schema of the database's data source. */
    private static final String SHARED = "runtime_schema_of";
    private static final String LOOKUP = "SELECT current_schema()";
    private static DataSource admin;
    private RecordingDataSource dataSource;

    /** A schema-per-tenant entity; its DDL is in this module's test resources. */
    record LedgerLine(long id) {}

    @BeforeAll
    static void schemas() throws SQLException {
        admin = Postgres.shared().freshSchema(SHARED);
        Postgres.shared().dropSchema(SHARED + "_acme");
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS public.ledger_line");
        }
    }

    @BeforeEach
    void recording() {
        dataSource = new RecordingDataSource(admin);
    }

    /** A database that gives each tenant the schema named like the tenant. */
    private Database sameName() {
        return Database.builder(dataSource).schemaMapping(tenant -> tenant).build();
    }

    @Test
    void systemSchemasPublicAndTheSharedSchemaAreNoTenantsSchema() {
        Database prefixed = Database.builder(dataSource).schemaMapping(tenant -> "t_" + tenant).build();
        for (String hostile : List.of("x\"; drop table ledger_line; --", "Acme", "a b", "x".repeat(62))) {
            InvalidTenantException e = assertThrows(InvalidTenantException.class, () -> prefixed.schemaOf(hostile));
            assertTrue(e.getMessage().contains("is not a lower-case SQL identifier"), e.getMessage());
        }
        Database nulls = Database.builder(dataSource).schemaMapping(tenant -> null).build();
        assertThrows(InvalidTenantException.class, () -> nulls.schemaOf("acme"));
        assertEquals(0, dataSource.connectionCount(), "the existing checks come first and need no lookup");

        Database database = sameName();
        for (String schema : List.of("public", "information_schema", "pg_catalog", "pg_toast", "pg_temp_1", SHARED)) {
            InvalidTenantException e = assertThrows(InvalidTenantException.class, () -> database.schemaOf(schema),
                    schema);
            assertTrue(e.getMessage().startsWith("Tenant id '" + schema + "' maps to schema name '" + schema + "', "),
                    e.getMessage());
        }
        assertEquals("\"" + SHARED + "_acme\"", database.schemaOf(SHARED + "_acme"), "a schema of its own is fine");
        assertEquals(List.of(LOOKUP), dataSource.statements(), "the shared schema is looked up once");
        assertEquals(1, dataSource.connectionCount());
        assertThrows(InvalidTenantException.class, () -> database.schemaOf(SHARED));
        assertEquals(1, dataSource.connectionCount(), "and remembered");
    }

    @Test
    void theMessageSaysWhyTheSchemaIsNoTenants() {
        Database database = sameName();
        assertTrue(assertThrows(InvalidTenantException.class, () -> database.schemaOf("public")).getMessage()
                .endsWith("which is the public schema, not a tenant's"));
        assertTrue(assertThrows(InvalidTenantException.class, () -> database.schemaOf("pg_toast")).getMessage()
                .endsWith("which is a PostgreSQL system schema, not a tenant's"));
        assertTrue(assertThrows(InvalidTenantException.class, () -> database.schemaOf("information_schema"))
                .getMessage().endsWith("which is a PostgreSQL system schema, not a tenant's"));
        assertTrue(assertThrows(InvalidTenantException.class, () -> database.schemaOf(SHARED)).getMessage()
                .endsWith("which holds this Database's shared tables, not a tenant's"));
    }

    @Test
    void createTenantPutsTablesInTheTenantsOwnSchemaOnly() throws SQLException {
        Database database = Database.builder(dataSource).schemaMapping(tenant -> SHARED).build();
        assertThrows(InvalidTenantException.class, () -> database.createTenant("acme", LedgerLine.class));
        assertEquals(List.of(LOOKUP), dataSource.statements(), "nothing of the tenant's ran");
        assertFalse(tableExists(SHARED, "ledger_line"));
        Database publicMapping = Database.builder(dataSource).schemaMapping(tenant -> "public").build();
        assertThrows(InvalidTenantException.class, () -> publicMapping.createTenant("acme", LedgerLine.class));
        assertFalse(tableExists("public", "ledger_line"));

        Database own = Database.builder(dataSource).schemaMapping(tenant -> SHARED + "_" + tenant).build();
        own.createTenant("acme", LedgerLine.class);
        assertTrue(tableExists(SHARED + "_acme", "ledger_line"));
        Postgres.shared().dropSchema(SHARED + "_acme");
    }

    @Test
    void anExplicitSharedSchemaIsUsedWithoutAskingTheDataSource() {
        Database database = Database.builder(dataSource).schemaMapping(tenant -> tenant).sharedSchema("accounts")
                .build();
        InvalidTenantException e = assertThrows(InvalidTenantException.class, () -> database.schemaOf("accounts"));
        assertTrue(e.getMessage().endsWith("which holds this Database's shared tables, not a tenant's"),
                e.getMessage());
        assertThrows(InvalidTenantException.class, () -> database.schemaOf("public"));
        assertEquals("\"" + SHARED + "\"", database.schemaOf(SHARED), "the data source's schema was not asked for");
        assertEquals(0, dataSource.connectionCount());
    }

    private static boolean tableExists(String schema, String table) throws SQLException {
        try (Connection c = admin.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT to_regclass(quote_ident(?) || '.' || quote_ident(?))")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getString(1) != null;
            }
        }
    }
}
