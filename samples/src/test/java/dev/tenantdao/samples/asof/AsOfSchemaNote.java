package dev.tenantdao.samples.asof;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** An audited note with a schema per tenant, hard deleted: for {@code findAllAsOf}. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@Audited
public record AsOfSchemaNote(@Id long id, String text) {}
