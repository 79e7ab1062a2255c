package dev.tenantdao.samples.invoicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.ConversionException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.TestSchemas;
import dev.tenantdao.samples.common.Money;
import dev.tenantdao.testkit.RecordingDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog: a converted money value, a PostgreSQL enum, a text[] array, a jsonb object, stamps
 * from a listener, and upserts by SKU under two tenants.
 */
class ProductTest {

    private static RecordingDataSource dataSource;
    private static Database database;
    private static ProductDao products;

    @BeforeAll
    static void schema() {
        dataSource = TestSchemas.invoicing("products");
        database = new Database(dataSource);
        products = new ProductDao(database);
    }

    private static Product widget(String sku) {
        return Product.of(sku, "Widget", Money.of("19.90"), List.of("hardware", "blue"),
                Map.of("color", "blue", "note", "say \"hi\"\n\u00fcber"));
    }

    @Test
    void everyColumnTypeRoundTripsAndTheListenerStamps() throws SQLException {
        Product inserted = TenantContext.callAs("acme", () -> products.insert(widget("W-1")));
        assertNotNull(inserted.createdAt());
        assertEquals(inserted.createdAt(), inserted.updatedAt());
        assertEquals(Money.of("19.90"), inserted.price());
        assertEquals(List.of("hardware", "blue"), inserted.tags());
        assertEquals(Map.of("color", "blue", "note", "say \"hi\"\n\u00fcber"), inserted.attributes());
        assertEquals(inserted, TenantContext.callAs("acme", () -> products.findById(inserted.id())).orElseThrow());
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT pg_typeof(status)::text, pg_typeof(attributes)::text,"
                        + " attributes->>'color', tags[2], price FROM product WHERE id = ?")) {
            s.setLong(1, inserted.id());
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                assertEquals("product_status", rows.getString(1));
                assertEquals("jsonb", rows.getString(2));
                assertEquals("blue", rows.getString(3));
                assertEquals("blue", rows.getString(4));
                assertEquals("19.90", rows.getBigDecimal(5).toPlainString());
            }
        }
    }

    @Test
    void updateRestampsButNeverRewritesCreatedAt() {
        Product inserted = TenantContext.callAs("acme", () -> products.insert(widget("W-2")));
        Product forged = new Product(inserted.id(), "W-2", "Widget", Money.of("25.00"), ProductStatus.DISCONTINUED,
                List.of(), Map.of(), Instant.EPOCH, null);
        Product updated = TenantContext.callAs("acme", () -> products.update(forged));
        assertEquals(inserted.createdAt(), updated.createdAt(), "created_at is not updatable");
        assertTrue(updated.updatedAt().compareTo(inserted.updatedAt()) >= 0);
        assertEquals(ProductStatus.DISCONTINUED, updated.status());
        assertEquals(List.of(), updated.tags(), "an empty array is not NULL");
        assertEquals(Map.of(), updated.attributes());
    }

    @Test
    void upsertBySkuUpdatesTheTenantsOwnRowOnly() {
        Product acme = TenantContext.callAs("acme", () -> products.upsertBySku(widget("SHARED-SKU")));
        Product globex = TenantContext.callAs("globex", () -> products.upsertBySku(widget("SHARED-SKU")));
        assertNotEquals(acme.id(), globex.id(), "the same SKU in two tenants is two rows");
        Product repriced = TenantContext.callAs("acme",
                () -> products.upsertBySku(widget("SHARED-SKU").withPrice(Money.of("9.99"))));
        assertEquals(acme.id(), repriced.id(), "the conflict updated acme's row");
        assertEquals(Money.of("9.99"), repriced.price());
        assertEquals(acme.createdAt(), repriced.createdAt(), "created_at survives an upsert");
        assertEquals(Money.of("19.90"),
                TenantContext.callAs("globex", () -> products.findById(globex.id())).orElseThrow().price());
        assertTrue(ProductDao.UPSERT_BY_SKU.endsWith("ON CONFLICT (tenant_id, sku) DO UPDATE SET name = EXCLUDED.name,"
                + " price = EXCLUDED.price, status = EXCLUDED.status, tags = EXCLUDED.tags,"
                + " attributes = EXCLUDED.attributes, updated_at = EXCLUDED.updated_at"
                + " RETURNING id, sku, name, price, status, tags, attributes, created_at, updated_at"), ProductDao.UPSERT_BY_SKU);
    }

    @Test
    void aConverterFailureNamesEntityFieldColumnAndIdAndRollsBack() {
        Map<String, String> broken = new HashMap<>();
        broken.put(null, "no key");
        Product bad = Product.of("BAD", "Bad", Money.of("1.00"), List.of(), broken);
        long before = TenantContext.callAs("acme", products::count);
        ConversionException e = assertThrows(ConversionException.class, () -> TenantContext.runAs("acme",
                () -> database.useTransaction(tx -> {
                    products.insert(widget("FIRST-IN-TX"));
                    products.insert(bad);
                })));
        assertTrue(e.getMessage().startsWith("JsonMapConverter failed writing Product.attributes (column attributes"),
                e.getMessage());
        assertEquals(before, TenantContext.callAs("acme", products::count), "the first insert was rolled back");
    }

    @Test
    void aConverterFailureOnReadNamesTheRowsId() throws SQLException {
        Product inserted = TenantContext.callAs("acme", () -> products.insert(widget("NEG")));
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE product SET price = -1 WHERE id = ?")) {
            s.setLong(1, inserted.id());
            s.executeUpdate();
        }
        ConversionException e = assertThrows(ConversionException.class,
                () -> TenantContext.callAs("acme", () -> products.findById(inserted.id())));
        assertEquals("MoneyConverter failed reading Product.price (column price, id " + inserted.id()
                + "): money cannot be negative: -1", e.getMessage());
        assertSame(IllegalArgumentException.class, e.getCause().getClass());
    }
}
