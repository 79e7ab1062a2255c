package com.example.billing;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.References;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Tenanted
public record Invoice(
        @Id(generated = true) Long id,
        long customerId,
        @Column(nullable = false) String number,
        Status status,
        BigDecimal total,
        LocalDate issuedOn,
        Instant sentAt,
        byte[] pdf,
        @References(Country.class) String country) {

    public enum Status { DRAFT, SENT }
}
