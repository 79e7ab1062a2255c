package dev.tenantdao.samples.isolation;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Tenanted;

/** Database per tenant, soft-deleted. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.DATABASE)
@SoftDelete
public record DatabaseSoftNote(@Id(generated = true) Long id, String body, int version) {}
