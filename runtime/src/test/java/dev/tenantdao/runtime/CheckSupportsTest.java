package dev.tenantdao.runtime;

import dev.tenantdao.runtime.internal.TenantScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Database#checkSupports}: what generated constructors ask a database at startup. */
class CheckSupportsTest {

    private static final String NO_ROUTING = "Archive is database-per-tenant, but this Database has no"
            + " TenantRouting: build it with Database.builder(dataSource).routing(...)";
    private static RecordingDataSource dataSource;

    @BeforeAll
    static void schema() {
        dataSource = new RecordingDataSource(Postgres.shared().freshSchema("runtime_check_supports"));
    }

    @BeforeEach
    void reset() {
        dataSource.reset();
    }

    @Test
    void databasePerTenantWithoutRoutingIsRejectedNamingTheEntity() {
        Database database = new Database(dataSource);
        TenantDaoException e = assertThrows(TenantDaoException.class,
                () -> database.checkSupports(TenantScope.database("Archive")));
        assertEquals(NO_ROUTING, e.getMessage());
        assertEquals(0, dataSource.connectionCount());
    }

    @Test
    void aCallThatGotPastTheCheckFailsWithTheSameText() {
        Database database = new Database(dataSource);
        TenantDaoException e = assertThrows(TenantDaoException.class, () -> TenantContext.runAs("acme",
                () -> Calls.withConnection(database, TenantScope.database("Archive"), "acme", "Archive.count", null, (c, observed) -> 0)));
        assertEquals(NO_ROUTING, e.getMessage());
        assertEquals(0, dataSource.connectionCount());
    }

    @Test
    void everyOtherStrategyIsSupportedByAnyDatabase() {
        Database database = new Database(dataSource);
        for (TenantScope scope : List.of(TenantScope.shared("Currency"), TenantScope.row("Invoice", true),
                TenantScope.row("Invoice", false))) {
            database.checkSupports(scope);
        }
        assertEquals(0, dataSource.connectionCount(), "nothing to look up");
        database.checkSupports(TenantScope.schema("Account"));
        database.checkSupports(TenantScope.schema("Ledger"));
        assertEquals(1, dataSource.connectionCount(),
                "schema per tenant: the shared schema looked up once, at startup, so that no call has to");
        TenantContext.runAs("acme", () -> database.schemaOf("acme"));
        assertEquals(1, dataSource.connectionCount());
    }

    @Test
    void databasePerTenantWithRoutingIsSupportedWithoutAskingTheRouting() {
        TenantRouting routing = tenant -> {
            throw new AssertionError("checkSupports must not look up a tenant: " + tenant);
        };
        Database database = Database.builder(dataSource).routing(routing).build();
        database.checkSupports(TenantScope.database("Archive"));
        assertEquals(0, dataSource.connectionCount());
    }
}
