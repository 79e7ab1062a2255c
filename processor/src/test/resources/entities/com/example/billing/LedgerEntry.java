package com.example.billing;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Schema per tenant, audited, with optimistic locking. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@Audited
public record LedgerEntry(
        @Id(generated = true) long id, String account, BigDecimal amount, OffsetDateTime bookedAt, @Version int version) {}
