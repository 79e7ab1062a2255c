package dev.tenantdao.samples.trial.vet;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Tenanted;

/** A boarding kennel of a clinic: each clinic's kennels in a schema of its own. */
@Entity(table = "vet_kennel")
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@Audited
@SoftDelete(column = "closed_at")
public record Kennel(@Id long id, @Column(unique = true) String code, @Embedded(prefix = "rate_") Fee dailyRate) {}
