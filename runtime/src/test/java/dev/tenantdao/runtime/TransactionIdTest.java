package dev.tenantdao.runtime;

import dev.tenantdao.runtime.internal.TenantScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Transaction#transactionId()}, on PostgreSQL. */
class TransactionIdTest {

    private static final TenantScope NOTE = TenantScope.row("Note", false);
    private static final String QUERY = "SELECT pg_current_xact_id()::text::bigint";
    private static RecordingDataSource dataSource;
    private Database database;

    @BeforeAll
    static void schema() throws SQLException {
        dataSource = new RecordingDataSource(Postgres.shared().freshSchema("runtime_transaction_id"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // the column a generated history table records the transaction in
            s.execute("CREATE TABLE note_history (tenant_id text NOT NULL, text text NOT NULL,"
                    + " history_transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id())");
        }
    }

    @BeforeEach
    void fresh() {
        database = new Database(dataSource);
        dataSource.reset();
    }

    private void insert(String text) {
        Calls.withConnection(database, NOTE, "acme", "Note.insert", null, (c, observed) -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO note_history (tenant_id, text) VALUES (?, ?)")) {
                s.setString(1, "acme");
                s.setString(2, text);
                return s.executeUpdate();
            }
        });
    }

    private long recordedFor(String text) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT history_transaction_id::text::bigint FROM note_history WHERE text = ?")) {
            s.setString(1, text);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next(), text);
                return rows.getLong(1);
            }
        }
    }

    @Test
    void stableWithinATransactionAndWhatHistoryRowsRecord() throws SQLException {
        long[] ids = TenantContext.callAs("acme", () -> database.inTransaction(tx -> {
            long first = tx.transactionId();
            insert("first");
            long second = tx.transactionId();
            insert("second");
            return new long[] {first, second, tx.transactionId()};
        }));
        assertEquals(ids[0], ids[1]);
        assertEquals(ids[0], ids[2]);
        assertEquals(ids[0], recordedFor("first"), "the id history rows record");
        assertEquals(ids[0], recordedFor("second"));
        assertEquals(1, dataSource.statements().stream().filter(QUERY::equals).count(),
                () -> "asked once: " + dataSource.statements());
    }

    @Test
    void differsBetweenTransactions() {
        long first = database.inTransaction(Transaction::transactionId);
        long second = database.inTransaction(Transaction::transactionId);
        assertNotEquals(first, second);
        assertTrue(first > 0 && second > 0, first + ", " + second);
        assertEquals(List.of(QUERY, QUERY), dataSource.statements());
    }
}
