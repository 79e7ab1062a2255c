package dev.tenantdao.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The testkit's own database: created through the maintenance database when missing (as the default
 * {@value Postgres#DEFAULT_DATABASE} is on a local server), left alone when it exists; and the
 * testkit's schemas and databases on the server it found.
 */
class PostgresTest {

    private static final String PROBE = "tenantdao_testkit_probe";

    @Test
    void createsItsDatabaseWhenMissingAndLeavesAnExistingOneAlone() throws SQLException {
        Postgres postgres = Postgres.shared();
        DataSource admin = postgres.dataSource();
        execute(admin, "DROP DATABASE IF EXISTS " + PROBE + " WITH (FORCE)");
        String maintenance = postgres.url().replaceFirst("/[^/?]+(\\?.*)?$", "/postgres$1");
        try {
            Postgres.createDatabaseIfMissing(maintenance, postgres.user(), postgres.password(), PROBE);
            assertEquals(1, databases(admin, PROBE));
            Postgres.createDatabaseIfMissing(maintenance, postgres.user(), postgres.password(), PROBE);
            assertEquals(1, databases(admin, PROBE));
        } finally {
            execute(admin, "DROP DATABASE IF EXISTS " + PROBE + " WITH (FORCE)");
        }
        assertEquals(0, databases(admin, PROBE));
    }

    @Test
    void aFreshSchemaIsEmptyAndTheCurrentSchemaOfItsConnections() throws SQLException {
        DataSource schema = Postgres.shared().freshSchema("tenantdao_testkit_fresh");
        execute(schema, "CREATE TABLE leftover (id int)");
        DataSource again = Postgres.shared().freshSchema("tenantdao_testkit_fresh");
        try (Connection connection = again.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_schema(),"
                        + " (SELECT count(*) FROM pg_tables WHERE schemaname = 'tenantdao_testkit_fresh')")) {
            assertTrue(rows.next());
            assertEquals("tenantdao_testkit_fresh", rows.getString(1));
            assertEquals(0, rows.getInt(2));
        }
    }

    private static int databases(DataSource admin, String name) throws SQLException {
        try (Connection connection = admin.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
