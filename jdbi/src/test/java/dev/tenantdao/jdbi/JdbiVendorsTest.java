package dev.tenantdao.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Jdbi transaction started inside a vendor's block (or a tenant-wide one) carries that scope from
 * its start, so Jdbi's own SQL on a vendor-scoped table under row-level security sees what the
 * generated DAO sees: the vendor's rows, or the tenant's; a plain tenant block, none.
 */
class JdbiVendorsTest {

    private static Jdbi jdbi;
    private static StallDao stalls;

    @BeforeAll
    static void schema() {
        Schema.create(Postgres.shared().freshSchema("jdbi_vendors"), Stall.class);
        DataSource app = Postgres.shared().applicationRole("tenantdao_app", "jdbi_vendors");
        jdbi = Jdbi.create(app);
        Database database = Database.builder(app).externalTransactions(JdbiTransactions.install(jdbi)).build();
        stalls = new StallDao(database);
        TenantContext.runAsVendor("market", "north", () -> stalls.insert(new Stall(null, "apples")));
        TenantContext.runAsVendor("market", "south", () -> stalls.insert(new Stall(null, "pears")));
    }

    private static List<String> jdbisView() {
        return jdbi.inTransaction(handle -> handle.createQuery("SELECT item FROM stall_item ORDER BY item")
                .mapTo(String.class).list());
    }

    @Test
    void jdbisSqlSeesTheScopeOfTheBlockItsTransactionStartedIn() {
        assertEquals(List.of("apples"), TenantContext.callAsVendor("market", "north", JdbiVendorsTest::jdbisView));
        assertEquals(List.of("pears"), TenantContext.callAsVendor("market", "south", JdbiVendorsTest::jdbisView));
        assertEquals(List.of("apples", "pears"), TenantContext.callTenantWide("market", JdbiVendorsTest::jdbisView));
        assertEquals(List.of(), TenantContext.callAs("market", JdbiVendorsTest::jdbisView));
    }

    @Test
    void theDaoJoinsAJdbiTransactionOfAVendor() {
        List<String> seen = TenantContext.callAsVendor("market", "north", () -> jdbi.inTransaction(handle -> {
            stalls.insert(new Stall(null, "cherries"));
            List<String> items = handle.createQuery("SELECT item FROM stall_item ORDER BY item").mapTo(String.class).list();
            handle.rollback();
            return items;
        }));
        assertEquals(List.of("apples", "cherries"), seen);
        assertEquals(2, TenantContext.callTenantWide("market", stalls::count));
    }
}
