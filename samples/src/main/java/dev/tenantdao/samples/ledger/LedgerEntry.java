package dev.tenantdao.samples.ledger;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.References;
import dev.tenantdao.samples.reference.Currency;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One booking on an account of the same tenant's schema, in a shared currency (the currency table
 * lives outside the tenant schemas). Audited: its history table lives in the tenant's schema too.
 */
@Entity
@Audited
public record LedgerEntry(
        @Id(generated = true) Long id,
        @References(Account.class) @Column(nullable = false) String account,
        @Column(nullable = false) BigDecimal amount,
        @References(Currency.class) @Column(nullable = false) String currency,
        @Column(nullable = false) Instant bookedAt,
        String memo) {}
