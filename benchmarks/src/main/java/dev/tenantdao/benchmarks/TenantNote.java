package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/**
 * A row in each tenant's own database ({@link DatabasePerTenant}); {@code owner} repeats the tenant,
 * so a check can tell a row that reached the wrong database.
 */
@Entity
@Tenanted(strategy = Tenanted.Strategy.DATABASE)
public record TenantNote(
        @Id(generated = true) Long id,
        @Column(nullable = false) String owner,
        int quantity) {}
