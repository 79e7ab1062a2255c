package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;

/**
 * The row of the repository benchmarks ({@link RepositoryBenchmark}): {@link Item} with a category, read a
 * page at a time through an index on {@code (tenant_id, category, id)} that {@link Fixture} creates. A table of
 * its own, so the {@link CrudBenchmark} operations on {@code item} keep measuring the rows they always did. No
 * row-level security, so every contender runs the same SQL.
 */
@Entity
@Tenanted(rowLevelSecurity = false)
public record Product(
        @Id(generated = true) Long id,
        @Column(nullable = false) String name,
        @Column(nullable = false) String category,
        @Column(nullable = false) BigDecimal price,
        int quantity) {}
