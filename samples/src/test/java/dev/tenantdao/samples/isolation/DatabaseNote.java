package dev.tenantdao.samples.isolation;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** Database per tenant. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.DATABASE)
public record DatabaseNote(@Id(generated = true) Long id, String body, int version) {}
