package dev.tenantdao.samples.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.samples.shipments.Shipment;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Schema per tenant, audited: the function behind a history table's append-only triggers is created
 * in the tenant's own schema by {@code createTenant}, so a role that may create schemas but nothing in
 * {@code public} can create tenants, and no tenant's DDL replaces a function another tenant uses.
 */
class TenantSchemaHistoryGuardTest {

    private static final String DATABASE = "history_guard";
    private static final String ROLE = "history_guard_" + ProcessHandle.current().pid();

    private static DataSource admin;
    private static DataSource tenantCreator;

    @BeforeAll
    static void aRoleThatMayCreateSchemasOnly() throws SQLException {
        admin = Postgres.shared().freshDatabase(DATABASE);
        sql(admin, "DO $$ BEGIN CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS; EXCEPTION WHEN duplicate_object"
                + " THEN NULL; END $$", "GRANT CREATE ON DATABASE " + DATABASE + " TO " + ROLE,
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        PGSimpleDataSource creator = new PGSimpleDataSource();
        creator.setURL(((PGSimpleDataSource) admin).getURL());
        creator.setUser(ROLE);
        creator.setPassword("");
        tenantCreator = creator;
    }

    @AfterAll
    static void drop() throws SQLException {
        sql(Postgres.shared().dataSource(), "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)",
                "DROP ROLE IF EXISTS " + ROLE);
    }

    @Test
    void eachTenantSchemaHasItsOwnGuardAndHistoryStaysAppendOnly() throws SQLException {
        Database database = Database.builder(tenantCreator).schemaMapping(clinic -> "guard_" + clinic).build();
        database.createTenant("north", Shipment.class);
        database.createTenant("south", Shipment.class);

        List<String> functions = new ArrayList<>();
        try (Connection c = admin.getConnection(); ResultSet rows = c.createStatement().executeQuery(
                "SELECT n.nspname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                        + " WHERE p.proname = 'tenantdao_history_append_only' ORDER BY n.nspname")) {
            while (rows.next()) {
                functions.add(rows.getString(1));
            }
        }
        assertEquals(List.of("guard_north", "guard_south"), functions);

        sql(admin, "INSERT INTO guard_south.shipment_history (id, type, history_version, history_operation)"
                + " VALUES (gen_random_uuid(), 'Parcel', 1, 'INSERT')");
        SQLException refused = assertThrows(SQLException.class,
                () -> sql(admin, "DELETE FROM guard_south.shipment_history"));
        assertTrue(refused.getMessage().contains("history is append-only: DELETE on shipment_history"),
                refused.getMessage());
        SQLException truncate = assertThrows(SQLException.class, () -> sql(admin, "TRUNCATE guard_north.shipment_history"));
        assertTrue(truncate.getMessage().contains("history is append-only: TRUNCATE on shipment_history"),
                truncate.getMessage());
    }

    private static void sql(DataSource dataSource, String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
