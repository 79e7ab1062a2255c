package com.example.billing;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.time.LocalDate;

/** Database per tenant: every tenant's rows in its own database, nothing tenant-specific in the SQL. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.DATABASE)
public record Archive(
        @Id(generated = true) long id,
        @Column(nullable = false, unique = true) String reference,
        byte[] content,
        LocalDate keptUntil) {}
