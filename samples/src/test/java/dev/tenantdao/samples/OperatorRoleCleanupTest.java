package dev.tenantdao.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What {@link OperatorRoleCleanup} does when the tests end, on a role of this test's own (the
 * samples' operator role is for the other tests while they run): the role's policies and privileges
 * in the test database go; the role stays while another database still uses it, and goes after.
 */
class OperatorRoleCleanupTest {

    private static final String ROLE = "op_cleanup_probe_" + ProcessHandle.current().pid();
    private static final String SCHEMA = "operator_cleanup";
    private static final String OTHER = "operator_cleanup_other";

    @AfterAll
    static void drop() throws SQLException {
        Postgres server = Postgres.shared();
        server.dropSchema(SCHEMA);
        execute(server.dataSource(), "DROP DATABASE IF EXISTS " + OTHER + " WITH (FORCE)");
        OperatorRoleCleanup.drop(server, ROLE);
    }

    @Test
    void theRoleGoesWhenNoOtherDatabaseUsesItAndStaysWhileOneDoes() throws SQLException {
        Postgres server = Postgres.shared();
        DataSource here = server.freshSchema(SCHEMA);
        execute(here, "CREATE ROLE " + ROLE + " NOLOGIN", "CREATE TABLE note (tenant_id text, body text)",
                "ALTER TABLE note ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY note_operator_read ON note FOR SELECT TO " + ROLE + " USING (true)",
                "GRANT SELECT ON note TO " + ROLE);
        DataSource other = server.freshDatabase(OTHER);
        execute(other, "CREATE TABLE note (body text)", "GRANT SELECT ON note TO " + ROLE);

        assertFalse(OperatorRoleCleanup.drop(server, ROLE), "the other database still grants it a table");
        assertEquals(1, count(here, "SELECT count(*) FROM pg_roles WHERE rolname = '" + ROLE + "'"));
        assertEquals(0, count(here, "SELECT count(*) FROM pg_policies WHERE schemaname = '" + SCHEMA + "'"),
                "its policies here are gone");
        assertEquals(0, count(here, "SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = '" + ROLE
                + "' AND table_schema = '" + SCHEMA + "'"), "and its privileges here");

        execute(server.dataSource(), "DROP DATABASE " + OTHER + " WITH (FORCE)");
        assertTrue(OperatorRoleCleanup.drop(server, ROLE));
        assertEquals(0, count(here, "SELECT count(*) FROM pg_roles WHERE rolname = '" + ROLE + "'"));
    }

    private static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
