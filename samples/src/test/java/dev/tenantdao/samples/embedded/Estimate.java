package dev.tenantdao.samples.embedded;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Tenanted;

/** An estimate in each tenant's own schema, audited and soft-deleted, its total an embedded value. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@Audited
@SoftDelete
public record Estimate(@Id long id, String title, @Embedded Money total) {}
