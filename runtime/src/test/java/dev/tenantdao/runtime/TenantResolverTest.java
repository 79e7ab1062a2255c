package dev.tenantdao.runtime;

import dev.tenantdao.runtime.internal.TenantScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A {@link TenantResolver} that breaks its contract by returning null, on PostgreSQL. */
class TenantResolverTest {

    private static final TenantScope INVOICE = TenantScope.row("Invoice", true);
    private static RecordingDataSource dataSource;
    private Database database;

    @BeforeAll
    static void schema() {
        dataSource = new RecordingDataSource(Postgres.shared().freshSchema("runtime_resolver"));
    }

    @BeforeEach
    void nullResolver() {
        database = new Database(dataSource, () -> null);
        dataSource.reset();
    }

    @Test
    void nullFromTheResolverIsNoTenant() {
        assertEquals(Optional.empty(), database.currentTenant());
        assertThrows(NoTenantException.class, () -> database.requireTenant(INVOICE));
        assertEquals(0, dataSource.connectionCount(), "nothing reached the database");
        assertEquals("acme", TenantContext.callAs("acme", () -> database.requireTenant(INVOICE)),
                "a block still wins");
    }

    @Test
    void aTransactionUnderANullResolverHasNoTenantAndRuns() throws SQLException {
        String found = database.inTransaction(tx -> {
            assertEquals(Optional.empty(), tx.tenant());
            try (Statement statement = tx.connection().createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT current_setting('" + Database.TENANT_SETTING + "', true)")) {
                rows.next();
                return rows.getString(1);
            }
        });
        assertTrue(found == null || found.isEmpty(), () -> "no tenant was set, but found " + found);
        assertEquals(List.of("SELECT current_setting('" + Database.TENANT_SETTING + "', true)"),
                dataSource.statements());
    }

    @Test
    void aTenantedCallInsideSuchATransactionFailsBeforeAnySql() {
        assertThrows(NoTenantException.class, () -> database.useTransaction(tx ->
                Calls.withConnection(database, INVOICE, database.requireTenant(INVOICE), "Invoice.count", null, (c, observed) -> 0)));
        assertEquals(0, dataSource.connectionCount());
    }
}
