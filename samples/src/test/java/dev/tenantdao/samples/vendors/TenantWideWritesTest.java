package dev.tenantdao.samples.vendors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.VendorMismatchException;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant-wide writes of entities that carry their vendor ({@code @VendorId}): an update meets the
 * row only while it belongs to the vendor the entity says (null: any vendor of the tenant); and a
 * transaction keeps one vendor scope, however its calls are nested (found by an outside trial: a
 * nested call's settings used to outlast it and widen, or switch, what the transaction's own SQL saw).
 */
class TenantWideWritesTest {

    private static Database database;
    private static RowStockDao stock;

    @BeforeAll
    static void schema() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("vendors_tenant_wide_writes"), RowStock.class);
        DataSource app = server.applicationRole("tenantdao_app", "vendors_tenant_wide_writes");
        database = new Database(app);
        stock = new RowStockDao(database);
    }

    @Test
    void aTenantWideUpdateMeetsTheRowOnlyAsTheVendorTheEntityCarries() {
        RowStock north = TenantContext.callAsVendor("wide1", "north", () -> stock.insert(new RowStock(null, null, null, "bolts", 1)));
        // an entity saying another vendor than the row's: no row (and nothing changed)
        assertThrows(RowNotFoundException.class, () -> TenantContext.runTenantWide("wide1",
                () -> stock.update(new RowStock(north.id(), null, "south", "forged", 99))));
        assertEquals(1, TenantContext.callAsVendor("wide1", "north", () -> stock.findById(north.id())).orElseThrow().quantity());
        // the row's own vendor, or none: the row
        assertEquals(5, TenantContext.callTenantWide("wide1",
                () -> stock.update(new RowStock(north.id(), null, "north", "bolts", 5))).quantity());
        RowStock anyVendor = TenantContext.callTenantWide("wide1",
                () -> stock.update(new RowStock(north.id(), null, null, "bolts", 6)));
        assertEquals("north", anyVendor.vendor());
        assertEquals(6, anyVendor.quantity());
    }

    @Test
    void aTransactionKeepsTheVendorScopeItBeganIn() throws java.sql.SQLException {
        TenantContext.runAsVendor("wide2", "downtown", () -> stock.insert(new RowStock(null, null, null, "downtown's", 1)));
        TenantContext.runAsVendor("wide2", "uptown", () -> stock.insert(new RowStock(null, null, null, "uptown's", 1)));
        // another vendor's call inside a vendor's transaction
        assertThrows(VendorMismatchException.class, () -> TenantContext.runAsVendor("wide2", "downtown",
                () -> database.useTransaction(tx -> TenantContext.runAsVendor("wide2", "uptown", stock::count))));
        // a vendor's call inside the tenant's own transaction (no vendor): the transaction would take on its vendor
        assertThrows(VendorMismatchException.class, () -> TenantContext.runAs("wide2",
                () -> database.useTransaction(tx -> TenantContext.runAsVendor("wide2", "downtown", stock::count))));
        // the tenant's transaction sees no vendor-scoped row with its own SQL, before and after anything
        List<Long> seen = TenantContext.callAs("wide2", () -> database.inTransaction(tx -> {
            try (var select = tx.connection().prepareStatement("SELECT count(*) FROM row_stock");
                    var rows = select.executeQuery()) {
                rows.next();
                return List.of(rows.getLong(1));
            }
        }));
        assertEquals(List.of(0L), seen);
    }
}
