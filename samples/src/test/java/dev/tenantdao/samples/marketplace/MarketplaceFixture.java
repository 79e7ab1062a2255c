package dev.tenantdao.samples.marketplace;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.common.Money;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

/**
 * Two marketplaces in a fresh schema, written through the DAOs as an application role (not a
 * superuser, no {@code BYPASSRLS}, owning no table: row-level security applies to every statement):
 * acme with vendors {@code north} (products BK-1, stock 3, and BK-2, sold out; one order of BK-1) and
 * {@code south} (its own BK-1, and SG-0, sold out; one order); globex with vendor {@code gx}
 * (GX-1; one order).
 */
final class MarketplaceFixture {

    final DataSource admin;
    final RecordingDataSource app;
    final Database database;
    final long northBook;
    final long northSoldOut;
    final long southBook;
    final long southSoldOut;
    final long globexDrill;
    final long northOrder;

    MarketplaceFixture(String schema, String role) {
        admin = Postgres.shared().freshSchema(schema);
        Schema.create(admin, Vendor.class, Category.class, Product.class, SalesOrder.class);
        app = new RecordingDataSource(Postgres.shared().applicationRole(role, schema));
        database = new Database(app);
        VendorDao vendors = new VendorDao(database);
        CategoryDao categories = new CategoryDao(database);
        ProductDao products = new ProductDao(database);
        SalesOrderDao orders = new SalesOrderDao(database);
        TenantContext.runAs("acme", () -> {
            vendors.insertAll(List.of(new Vendor("north", "North Books", true), new Vendor("south", "South Games", true)));
            categories.insertAll(List.of(new Category("books", "Books"), new Category("games", "Games")));
        });
        TenantContext.runAs("globex", () -> {
            vendors.insert(new Vendor("gx", "Globex Tools", true));
            categories.insert(new Category("books", "Books"));
        });
        LocalDate day = LocalDate.of(2026, 11, 28);
        Product[] north = TenantContext.callAsVendor("acme", "north", () -> new Product[] {
            products.insert(Product.of("bk-1", "Field Guide", "books", Money.of("24.90"), 3)),
            products.insert(Product.of("BK-2", "Desert Atlas", "books", Money.of("35.00"), 0))});
        northBook = north[0].id();
        northSoldOut = north[1].id();
        northOrder = TenantContext.callAsVendor("acme", "north",
                () -> orders.insert(SalesOrder.of(north[0], 2, "wile@example.com", day)).id());
        Product[] south = TenantContext.callAsVendor("acme", "south", () -> new Product[] {
            products.insert(Product.of("BK-1", "Canyon Chase", "games", Money.of("20.00"), 5)),
            products.insert(Product.of("SG-0", "Sold-out game", "games", Money.of("9.00"), 0))});
        southBook = south[0].id();
        southSoldOut = south[1].id();
        TenantContext.runAsVendor("acme", "south",
                () -> orders.insert(SalesOrder.of(south[0], 1, "roadrunner@example.com", day)));
        globexDrill = TenantContext.callAsVendor("globex", "gx", () -> {
            Product drill = products.insert(Product.of("GX-1", "Plutonium drill", "books", Money.of("999.00"), 1));
            orders.insert(SalesOrder.of(drill, 1, "homer@example.com", day));
            return drill.id();
        });
        app.reset();
    }
}
