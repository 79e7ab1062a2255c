package dev.tenantdao.samples.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.NoVendorException;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.VendorMismatchException;
import dev.tenantdao.samples.common.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Vendors inside tenants, through the generated DAOs, repository and the operator's dashboard, as an
 * application role under row-level security: a vendor sees and changes only its own rows, the
 * operator's tenant-wide reads see every vendor of its tenant and no other tenant's, and a call with a
 * tenant but no vendor, or an insert tenant-wide, is refused before any SQL.
 */
class VendorIsolationTest {

    private static MarketplaceFixture fixture;
    private static ProductDao products;
    private static SalesOrderDao orders;
    private static VendorDao vendors;
    private static Products catalog;
    private static MarketplaceDashboard dashboard;

    @BeforeAll
    static void twoMarketplaces() {
        fixture = new MarketplaceFixture("marketplace_isolation", "tenantdao_marketplace");
        products = new ProductDao(fixture.database);
        orders = new SalesOrderDao(fixture.database);
        vendors = new VendorDao(fixture.database);
        catalog = new ProductsImpl(fixture.database);
        dashboard = new MarketplaceDashboard(fixture.database);
    }

    private static <T> T asVendor(String tenant, String vendor, Supplier<T> work) {
        return TenantContext.callAsVendor(tenant, vendor, work::get);
    }

    private static List<String> skus(List<Product> found) {
        return found.stream().map(Product::sku).toList();
    }

    @Test
    void aVendorSeesOnlyItsOwnProductsAndOrders() {
        assertEquals(List.of("BK-1", "BK-2"), asVendor("acme", "north", () -> skus(products.findAll(100, 0))));
        assertEquals(2, asVendor("acme", "north", products::count));
        assertEquals(Set.of("north"), asVendor("acme", "north",
                () -> products.findAll(100, 0).stream().map(Product::vendor).collect(Collectors.toSet())));
        assertEquals(List.of("BK-1", "SG-0"), asVendor("acme", "south", () -> skus(products.findAll(100, 0))));
        assertEquals(List.of("GX-1"), asVendor("globex", "gx", () -> skus(products.findAll(100, 0))));
        assertEquals(1, asVendor("acme", "north", orders::count));
        assertEquals(List.of(fixture.northOrder), asVendor("acme", "north",
                () -> orders.findAll(100, 0).stream().map(SalesOrder::id).toList()));
        // the repository's derived finder carries the vendor predicate too
        assertEquals(List.of("BK-1", "BK-2"), asVendor("acme", "north", () -> skus(catalog.findByCategoryOrderBySku("books"))));
        assertEquals(List.of(), asVendor("acme", "north", () -> skus(catalog.findByCategoryOrderBySku("games"))));
        assertEquals(List.of("BK-1", "SG-0"), asVendor("acme", "south", () -> skus(catalog.findByCategoryOrderBySku("games"))));
        // a vendor id of one tenant means nothing in another
        assertEquals(0, asVendor("globex", "north", products::count));
    }

    @Test
    void skusAreUniquePerVendorAndStoredByTheHookInUpperCase() {
        assertEquals("BK-1", asVendor("acme", "north", () -> products.findById(fixture.northBook).orElseThrow().sku()));
        assertEquals("BK-1", asVendor("acme", "south", () -> products.findById(fixture.southBook).orElseThrow().sku()));
        DataAccessException duplicate = assertThrows(DataAccessException.class, () -> TenantContext.runAsVendor("acme",
                "north", () -> products.insert(Product.of(" bk-1 ", "Again", "books", Money.of("1.00"), 1))));
        assertEquals("23505", duplicate.sqlState(), duplicate.getMessage());
    }

    @Test
    void anotherVendorCannotReadUpdateOrDeleteAProductById() {
        long id = fixture.northBook;
        Product original = asVendor("acme", "north", () -> products.findById(id).orElseThrow());
        TenantContext.runAsVendor("acme", "south", () -> {
            assertTrue(products.findById(id).isEmpty());
            assertFalse(products.existsById(id));
            assertTrue(catalog.findById(id).isEmpty());
            // a copy naming no vendor reaches the statement, whose vendor predicate finds no row
            assertThrows(RowNotFoundException.class, () -> products.update(original.withoutVendor().withStock(99)));
            assertThrows(RowNotFoundException.class, () -> products.delete(original.withoutVendor()));
            assertFalse(products.deleteById(id));
            catalog.deleteById(id);                               // Jakarta Data: no such row is no error
            fixture.app.reset();
            // the entity as loaded names its vendor: refused before any SQL
            assertThrows(VendorMismatchException.class, () -> products.update(original.withStock(99)));
            assertThrows(VendorMismatchException.class, () -> products.delete(original));
            assertEquals(List.of(), fixture.app.statements());
        });
        // nor can another tenant's vendor, nor another tenant's operator
        assertFalse(asVendor("globex", "gx", () -> products.deleteById(id)));
        assertFalse(TenantContext.callTenantWide("globex", () -> products.deleteById(id)));
        Product after = asVendor("acme", "north", () -> products.findById(id).orElseThrow());
        assertEquals(original.sku(), after.sku());
        assertEquals(original.name(), after.name());
        assertEquals(original.stock(), after.stock());
        assertEquals("north", after.vendor());
    }

    @Test
    void anOrderCannotReferenceAnotherVendorsProduct() {
        Product northProduct = asVendor("acme", "north", () -> products.findById(fixture.northBook).orElseThrow());
        DataAccessException e = assertThrows(DataAccessException.class, () -> TenantContext.runAsVendor("acme", "south",
                () -> orders.insert(SalesOrder.of(northProduct, 1, "mallory@example.com", LocalDate.of(2026, 11, 29)))));
        assertEquals("23503", e.sqlState(), e.getMessage());     // FOREIGN KEY (tenant_id, vendor_id, product_id)
    }

    @Test
    void theRepositorysBulkUpdateChangesOnlyTheCurrentVendorsRows() {
        long north = asVendor("acme", "north", () -> products.findAll(100, 0).stream()
                .filter(p -> p.stock() == 0 && p.listed()).count());
        assertEquals(north, asVendor("acme", "north", catalog::delistSoldOut));
        assertFalse(asVendor("acme", "north", () -> products.findById(fixture.northSoldOut).orElseThrow().listed()));
        assertTrue(asVendor("acme", "south", () -> products.findById(fixture.southSoldOut).orElseThrow().listed()),
                "south's sold-out product is south's to delist");
    }

    @Test
    void theOperatorDashboardSeesEveryVendorOfItsTenantAndNoOtherTenant() {
        List<MarketplaceDashboard.VendorRevenue> acme = dashboard.revenuePerVendor("acme");
        assertEquals(List.of("north", "south"), acme.stream().map(MarketplaceDashboard.VendorRevenue::vendorId).toList());
        assertEquals(List.of("North Books", "South Games"),
                acme.stream().map(MarketplaceDashboard.VendorRevenue::vendorName).toList());
        assertEquals(List.of(Money.of("49.80"), Money.of("20.00")),
                acme.stream().map(MarketplaceDashboard.VendorRevenue::revenue).toList());
        assertEquals(List.of(new MarketplaceDashboard.VendorRevenue("gx", "Globex Tools", 1, Money.of("999.00"))),
                dashboard.revenuePerVendor("globex"));
        List<Product> everything = dashboard.catalog("acme");
        assertEquals(Set.of("north", "south"), everything.stream().map(Product::vendor).collect(Collectors.toSet()));
        assertTrue(everything.stream().map(Product::id).toList()
                .containsAll(List.of(fixture.northBook, fixture.northSoldOut, fixture.southBook, fixture.southSoldOut)));
        assertFalse(everything.stream().anyMatch(p -> p.id() == fixture.globexDrill));
        assertEquals(List.of(fixture.globexDrill), dashboard.catalog("globex").stream().map(Product::id).toList());
    }

    @Test
    void tenantWideUpdatesEveryVendorsRowsButNeverChangesTheVendor() {
        Product south = asVendor("acme", "south", () -> products.findById(fixture.southBook).orElseThrow());
        Product updated = TenantContext.callTenantWide("acme", () -> products.update(south.withStock(south.stock() + 1)));
        assertEquals("south", updated.vendor());
        assertEquals(south.stock() + 1, asVendor("acme", "south", () -> products.findById(fixture.southBook)).orElseThrow().stock());
        assertEquals(TenantContext.callTenantWide("acme", products::count),
                asVendor("acme", "north", products::count) + asVendor("acme", "south", products::count));
    }

    @Test
    void withATenantButNoVendorEveryCallIsRefusedBeforeAnySql() {
        fixture.app.reset();
        Product any = Product.of("X-1", "x", null, Money.of("1.00"), 1);
        TenantContext.runAs("acme", () -> {
            for (Executable call : List.<Executable>of(products::count, () -> products.findById(fixture.northBook),
                    () -> products.findAll(10, 0), () -> products.existsById(fixture.northBook),
                    () -> products.deleteById(fixture.northBook), () -> products.insert(any), () -> products.upsertBySku(any),
                    () -> catalog.findByCategoryOrderBySku("books"), catalog::delistSoldOut, orders::count,
                    () -> orders.history(fixture.northOrder))) {
                NoVendorException e = assertThrows(NoVendorException.class, call);
                assertEquals("acme", e.tenant());
            }
        });
        // a tenant block nested in a vendor's never inherits the vendor
        assertThrows(NoVendorException.class, () -> TenantContext.runAsVendor("acme", "north",
                () -> TenantContext.runAs("acme", products::count)));
        assertEquals(List.of(), fixture.app.statements());
        assertEquals(0, fixture.app.connectionCount(), "no connection was even taken");
        // and a vendor's block inside the operator's sees that vendor only
        assertEquals(2, TenantContext.callTenantWide("acme", () -> TenantContext.callAsVendor("acme", "north", products::count)));
        assertEquals(1, fixture.app.connectionCount());
        assertTrue(fixture.app.statements().stream().allMatch(s -> s.contains("vendor_id = COALESCE(?, vendor_id)")),
                fixture.app.statements()::toString);
        assertEquals(2, TenantContext.callAs("acme", vendors::count), "the operator's tenant-wide entities need no vendor");
    }

    @Test
    void aTenantWideBlockInsertsNothing() {
        fixture.app.reset();
        long before = TenantContext.callTenantWide("acme", products::count);
        fixture.app.reset();
        Product product = Product.of("OP-1", "Operator's own", null, Money.of("1.00"), 1);
        TenantContext.runTenantWide("acme", () -> {
            for (Executable call : List.<Executable>of(() -> products.insert(product),
                    () -> products.insertAll(List.of(product)), () -> products.upsertBySku(product),
                    () -> catalog.save(product),
                    () -> orders.insert(new SalesOrder(null, null, fixture.northBook, 1, Money.of("1.00"), "op", null)))) {
                assertThrows(NoVendorException.class, call);
            }
        });
        assertEquals(List.of(), fixture.app.statements());
        assertEquals(0, fixture.app.connectionCount());
        assertEquals(before, TenantContext.callTenantWide("acme", products::count));
    }

    @Test
    void anEntityNamingAnotherVendorIsRefusedBeforeAnySql() {
        fixture.app.reset();
        Product forged = new Product(null, "north", "F-1", "forged", null, Money.of("1.00"), 1, true);
        VendorMismatchException e = assertThrows(VendorMismatchException.class,
                () -> TenantContext.runAsVendor("acme", "south", () -> products.insert(forged)));
        assertTrue(e.getMessage().contains("never writes another vendor's rows"), e.getMessage());
        assertEquals(List.of(), fixture.app.statements());
    }

    @Test
    void historyRowsCarryTheVendorAndAreVendorScoped() {
        List<HistoryEntry<SalesOrder>> north = asVendor("acme", "north", () -> orders.history(fixture.northOrder));
        assertEquals(1, north.size());
        assertEquals("north", north.get(0).entity().vendor());
        assertEquals(List.of(), asVendor("acme", "south", () -> orders.history(fixture.northOrder)));
        assertEquals(1, TenantContext.callTenantWide("acme", () -> orders.history(fixture.northOrder)).size());
        assertEquals(List.of(), TenantContext.callTenantWide("globex", () -> orders.history(fixture.northOrder)));
    }
}
