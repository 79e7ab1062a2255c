package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;

/**
 * {@link Item}'s shape in a schema per tenant ({@code SchemaScale}, issue 20): every tenant's rows in
 * {@code "<prefix>t00001".scale_item}, no tenant column.
 */
@Entity(table = "scale_item")
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
public record SchemaScaleItem(
        @Id(generated = true) Long id,
        @Column(nullable = false) String name,
        @Column(nullable = false) BigDecimal price,
        int quantity) {}
