package dev.tenantdao.samples.invoicing;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Convert;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Listeners;
import dev.tenantdao.samples.common.JsonMapConverter;
import dev.tenantdao.samples.common.Money;
import dev.tenantdao.samples.common.TimestampListener;
import dev.tenantdao.samples.common.Timestamped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A product of a tenant's catalog: a money value object (through the package's converter), a
 * PostgreSQL enum, a {@code text[]} of tags, a {@code jsonb} object, {@code timestamptz} stamps set
 * by a listener, and an SKU unique per tenant, so {@code upsertBySku} imports a catalog
 * idempotently.
 */
@Entity
@Listeners(TimestampListener.class)
public record Product(
        @Id(generated = true) Long id,
        @Column(unique = true, nullable = false) String sku,
        @Column(nullable = false) String name,
        @Column(nullable = false) Money price,
        @Column(type = "product_status", nullable = false) ProductStatus status,
        List<String> tags,
        @Convert(JsonMapConverter.class) @Column(type = "jsonb") Map<String, String> attributes,
        @Column(updatable = false) Instant createdAt,
        Instant updatedAt) implements Timestamped<Product> {

    public static Product of(String sku, String name, Money price, List<String> tags, Map<String, String> attributes) {
        return new Product(null, sku, name, price, ProductStatus.ACTIVE, tags, attributes, null, null);
    }

    @Override
    public Product withTimestamps(Instant created, Instant updated) {
        return new Product(id, sku, name, price, status, tags, attributes, created, updated);
    }

    public Product withPrice(Money newPrice) {
        return new Product(id, sku, name, newPrice, status, tags, attributes, createdAt, updatedAt);
    }
}
