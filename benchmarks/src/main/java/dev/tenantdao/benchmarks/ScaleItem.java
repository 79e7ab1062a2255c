package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;

/**
 * {@link Item}'s shape in one table of every tenant ({@link ScaleBenchmark}: up to 10,000 tenants x
 * 1,000 rows); without row-level security, like the JDBC contender.
 */
@Entity(table = "scale_item")
@Tenanted(rowLevelSecurity = false)
public record ScaleItem(
        @Id(generated = true) Long id,
        @Column(nullable = false) String name,
        @Column(nullable = false) BigDecimal price,
        int quantity) {}
