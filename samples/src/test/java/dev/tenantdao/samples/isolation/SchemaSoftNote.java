package dev.tenantdao.samples.isolation;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Tenanted;

/** Schema per tenant, soft-deleted. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@SoftDelete
public record SchemaSoftNote(@Id(generated = true) Long id, String body, int version) {}
