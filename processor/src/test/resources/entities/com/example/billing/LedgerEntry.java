package com.example.billing;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Schema per tenant. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
public record LedgerEntry(@Id(generated = true) long id, String account, BigDecimal amount, OffsetDateTime bookedAt) {}
