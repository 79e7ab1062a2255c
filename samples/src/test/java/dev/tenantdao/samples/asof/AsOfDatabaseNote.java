package dev.tenantdao.samples.asof;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** An audited note with a database per tenant, hard deleted: for {@code findAllAsOf}. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.DATABASE)
@Audited
public record AsOfDatabaseNote(@Id long id, String text) {}
