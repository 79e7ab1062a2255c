package dev.tenantdao.samples.marketplace;

import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.References;
import dev.tenantdao.annotations.VendorId;
import dev.tenantdao.annotations.VendorScoped;
import dev.tenantdao.samples.common.Money;
import java.util.Locale;

/**
 * A product a vendor lists: vendor-scoped, so its key is {@code (tenant_id, vendor_id, id)} and its
 * SKU is unique per vendor ({@code UNIQUE (tenant_id, vendor_id, sku)}: two sellers may both have a
 * {@code BOOK-1}). Its category is a tenant-wide row of the operator. The price is a {@link Money}
 * stored through the package's converter; a hook stores SKUs trimmed and in upper case, and an
 * update never changes them.
 */
@Entity(table = "market_product")
@VendorScoped
public record Product(
        @Id(generated = true) Long id,
        @VendorId String vendor,
        @Column(unique = true, nullable = false, updatable = false) String sku,
        @Column(nullable = false) String name,
        @References(Category.class) String category,
        @Column(nullable = false) Money price,
        int stock,
        boolean listed) {

    /** A new listed product of the current vendor, before the database gives it an id. */
    public static Product of(String sku, String name, String category, Money price, int stock) {
        return new Product(null, null, sku, name, category, price, stock, true);
    }

    public Product withPrice(Money newPrice) {
        return new Product(id, vendor, sku, name, category, newPrice, stock, listed);
    }

    public Product withStock(int newStock) {
        return new Product(id, vendor, sku, name, category, price, newStock, listed);
    }

    /** This product as an entity that names no vendor ("the current vendor's"). */
    public Product withoutVendor() {
        return new Product(id, null, sku, name, category, price, stock, listed);
    }

    /** SKUs are stored trimmed and in upper case, whoever typed them (they never change after). */
    @BeforeInsert
    Product normalizeSku() {
        String normalized = sku == null ? null : sku.strip().toUpperCase(Locale.ROOT);
        return new Product(id, vendor, normalized, name, category, price, stock, listed);
    }
}
