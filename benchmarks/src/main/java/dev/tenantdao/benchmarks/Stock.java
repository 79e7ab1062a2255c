package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** A stock level per SKU: the upsert benchmark's entity ({@code upsertBySku}). */
@Entity
@Tenanted(rowLevelSecurity = false)
public record Stock(@Id(generated = true) Long id, @Column(nullable = false, unique = true) String sku, int quantity) {}
