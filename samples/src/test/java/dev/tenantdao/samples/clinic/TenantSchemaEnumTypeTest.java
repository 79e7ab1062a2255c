package dev.tenantdao.samples.clinic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Schema per tenant: the enum type of {@link StaffMember#role()} ({@code staff_role}) lives in each
 * tenant's own schema. {@code createTenant} creates it there, so a role that may create schemas but
 * nothing in {@code public} can create tenants; and every statement casting to it ({@code insertAll}'s
 * {@code unnest}, a repository's {@code IN} list) names it there, so the application's connection,
 * whose search path holds no tenant's schema, finds it.
 */
class TenantSchemaEnumTypeTest {

    private static final String DATABASE = "schema_enum_type";
    private static final String ROLE = "schema_enum_type_" + ProcessHandle.current().pid();

    private static DataSource admin;
    private static DataSource application;

    @BeforeAll
    static void aRoleThatMayCreateSchemasOnly() throws SQLException {
        admin = Postgres.shared().freshDatabase(DATABASE);
        sql(admin, "DO $$ BEGIN CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS; EXCEPTION WHEN duplicate_object"
                + " THEN NULL; END $$", "GRANT CREATE ON DATABASE " + DATABASE + " TO " + ROLE,
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        PGSimpleDataSource login = new PGSimpleDataSource();
        login.setURL(((PGSimpleDataSource) admin).getURL());
        login.setUser(ROLE);
        login.setPassword("");
        application = login;
    }

    @AfterAll
    static void drop() throws SQLException {
        sql(Postgres.shared().dataSource(), "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)",
                "DROP ROLE IF EXISTS " + ROLE);
    }

    @Test
    void eachTenantSchemaHasItsOwnEnumTypeAndStatementsCastToIt() throws SQLException {
        Database database = Database.builder(application).schemaMapping(clinic -> "enum_" + clinic).build();
        database.createTenant("north", StaffMember.class);
        database.createTenant("south", StaffMember.class);
        assertEquals(List.of("enum_north", "enum_south"), column(admin,
                "SELECT n.nspname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                        + " WHERE t.typname = 'staff_role' ORDER BY n.nspname"));
        assertEquals(List.of("enum_north.staff_role"), column(admin,
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                        + " WHERE attrelid = 'enum_north.staff_member'::regclass AND attname = 'role'"));

        StaffMemberDao dao = new StaffMemberDao(database);
        Staff staff = new StaffImpl(database);
        LocalDate since = LocalDate.of(2026, 1, 5);
        List<StaffMember> inserted = TenantContext.callAs("north", () -> dao.insertAll(List.of(
                new StaffMember("N-01", "Ada", StaffRole.PHYSICIAN, null, since, true),
                new StaffMember("N-02", "Ben", StaffRole.NURSE, null, since, false),
                new StaffMember("N-03", "Cem", StaffRole.PHARMACIST, null, since, false))));
        assertEquals(List.of("N-01", "N-02", "N-03"), inserted.stream().map(StaffMember::badge).toList());
        TenantContext.runAs("south", () -> dao.insertAll(List.of(
                new StaffMember("S-01", "Dora", StaffRole.NURSE, null, since, true))));

        assertEquals(List.of("N-02", "N-03"), TenantContext.callAs("north", () -> staff.findByRoleInOrderByBadge(
                List.of(StaffRole.NURSE, StaffRole.PHARMACIST))).stream().map(StaffMember::badge).toList());
        assertEquals(List.of("S-01"), TenantContext.callAs("south", () -> staff.findByRoleInOrderByBadge(
                List.of(StaffRole.NURSE, StaffRole.PHARMACIST))).stream().map(StaffMember::badge).toList());
        assertEquals(List.of("NURSE", "PHARMACIST", "PHYSICIAN"), column(admin,
                "SELECT role::text FROM enum_north.staff_member ORDER BY role::text"));
    }

    private static List<String> column(DataSource dataSource, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet rows = c.createStatement().executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void sql(DataSource dataSource, String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
