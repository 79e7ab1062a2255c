package dev.tenantdao.samples.asof;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** An audited note with row tenancy (a tenant column, row-level security), hard deleted: for {@code findAllAsOf}. */
@Entity
@Tenanted
@Audited
public record AsOfRowNote(@Id long id, String text) {}
