package dev.tenantdao.samples.isolation;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** Schema per tenant. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
public record SchemaNote(@Id(generated = true) Long id, String body, int version) {}
