package dev.tenantdao.samples.vendors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoVendorException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.vendors.Stocks.VendorQuantity;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Native SQL of a vendor-scoped repository on PostgreSQL as the application role (row-level
 * security on): a {@code :vendor} method sees and writes only the current vendor's rows and refuses
 * a tenant-wide block before any SQL; a {@code tenantWide} method sees the whole tenant (its policy
 * switch is set) and refuses a vendor's block or a plain tenant block before any SQL.
 */
class NativeVendorSqlTest {

    private static RecordingDataSource app;
    private static Stocks stocks;

    @BeforeAll
    static void rows() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("vendors_native"), RowStock.class);
        app = new RecordingDataSource(server.applicationRole("tenantdao_app", "vendors_native"));
        stocks = new StocksImpl(new Database(app));
        TenantContext.runAsVendor("acme", "north", () -> stocks.addLine("bolts", 10));
        TenantContext.runAsVendor("acme", "north", () -> stocks.addLine("nuts", 2));
        TenantContext.runAsVendor("acme", "south", () -> stocks.addLine("bolts", 7));
        TenantContext.runAsVendor("globex", "north", () -> stocks.addLine("bolts", 100));
    }

    @Test
    void aVendorsQueryAndInsertStayWithTheVendor() {
        assertEquals(List.of("bolts", "nuts"), TenantContext.callAsVendor("acme", "north", () -> stocks.bodiesWithAtLeast(1)));
        assertEquals(List.of("bolts"), TenantContext.callAsVendor("acme", "south", () -> stocks.bodiesWithAtLeast(1)));
        assertEquals(List.of("bolts"), TenantContext.callAsVendor("globex", "north", () -> stocks.bodiesWithAtLeast(50)));
    }

    @Test
    void aTenantWideReportSeesEveryVendorOfTheTenantOnly() {
        assertEquals(List.of(new VendorQuantity("north", 12), new VendorQuantity("south", 7)),
                TenantContext.callTenantWide("acme", stocks::quantityPerVendor));
        assertEquals(List.of(new VendorQuantity("north", 100)),
                TenantContext.callTenantWide("globex", stocks::quantityPerVendor));
    }

    @Test
    void eachKindIsRefusedOutsideItsScopeBeforeAnySql() {
        app.reset();
        assertThrows(NoVendorException.class, () -> TenantContext.runTenantWide("acme", () -> stocks.bodiesWithAtLeast(1)));
        assertThrows(NoVendorException.class, () -> TenantContext.runAs("acme", () -> stocks.bodiesWithAtLeast(1)));
        assertThrows(NoVendorException.class, () -> TenantContext.runTenantWide("acme", () -> stocks.addLine("x", 1)));
        assertThrows(NoVendorException.class,
                () -> TenantContext.runAsVendor("acme", "north", () -> stocks.quantityPerVendor()));
        assertThrows(NoVendorException.class, () -> TenantContext.runAs("acme", () -> stocks.quantityPerVendor()));
        assertEquals(0, app.connectionCount(), "no connection taken");
        assertEquals(List.of(), app.statements(), "no statement sent");
    }
}
