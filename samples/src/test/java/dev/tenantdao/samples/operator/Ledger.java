package dev.tenantdao.samples.operator;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** A tenant's ledger line: schema per tenant, audited, for operator access. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@Audited
public record Ledger(@Id long id, @Column(nullable = false) String entry, long cents) {}
