package dev.tenantdao.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link RecordingDataSource} records, on PostgreSQL. */
class RecordingDataSourceTest {

    private static RecordingDataSource dataSource;

    @BeforeAll
    static void schema() throws SQLException {
        dataSource = new RecordingDataSource(Postgres.shared().freshSchema("testkit_recording"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item (name text NOT NULL)");
        }
    }

    @BeforeEach
    void reset() {
        dataSource.reset();
    }

    @Test
    void recordsEveryKindOfPlainStatementExecution() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE item");
            assertEquals(1, s.executeUpdate("INSERT INTO item (name) VALUES ('a')"));
            assertEquals(1L, s.executeLargeUpdate("INSERT INTO item (name) VALUES ('b')"));
            s.addBatch("INSERT INTO item (name) VALUES ('c')");
            s.addBatch("INSERT INTO item (name) VALUES ('d')");
            assertArrayEquals(new int[] {1, 1}, s.executeBatch());
            try (ResultSet rows = s.executeQuery("SELECT count(*) FROM item")) {
                rows.next();
                assertEquals(4, rows.getInt(1), "the statements really ran");
            }
        }
        assertEquals(List.of(
                "TRUNCATE item",
                "INSERT INTO item (name) VALUES ('a')",
                "INSERT INTO item (name) VALUES ('b')",
                "INSERT INTO item (name) VALUES ('c')",
                "INSERT INTO item (name) VALUES ('d')",
                "SELECT count(*) FROM item"), dataSource.statements());
        assertEquals(1, dataSource.connectionCount());
    }

    @Test
    void recordsPreparedStatementsAndPlainOnesInOrder() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement p = c.prepareStatement("SELECT ?::int")) {
                p.setInt(1, 1);
                p.executeQuery().close();
            }
            try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                s.executeQuery("SELECT 2").close();
            }
        }
        assertEquals(List.of("SELECT ?::int", "SELECT 2"), dataSource.statements());
    }

    @Test
    void aPlainStatementBelongsToTheRecordingConnection() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertSame(c, s.getConnection(), "statements made from it lead back to the recording connection");
            assertTrue(s.isWrapperFor(Statement.class));
        }
    }
}
