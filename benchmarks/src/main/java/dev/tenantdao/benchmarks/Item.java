package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;

/**
 * The benchmarked row. Row tenancy without row-level security, so every contender runs exactly the
 * same SQL ({@link SecuredItem} measures what RLS adds).
 */
@Entity
@Tenanted(rowLevelSecurity = false)
public record Item(
        @Id(generated = true) Long id,
        @Column(nullable = false) String name,
        @Column(nullable = false) BigDecimal price,
        int quantity) {}
