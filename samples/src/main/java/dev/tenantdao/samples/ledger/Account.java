package dev.tenantdao.samples.ledger;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;

/** An account of the tenant's chart of accounts, e.g. {@code 1200 Receivables}. */
@Entity
public record Account(@Id String code, @Column(nullable = false) String name) {}
