package dev.tenantdao.samples.operator;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** A tenant's dossier: database per tenant, for operator access. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.DATABASE)
public record Dossier(@Id long id, @Column(nullable = false) String subject) {}
