package com.example.billing;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.References;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.VendorId;
import dev.tenantdao.annotations.VendorScoped;
import java.math.BigDecimal;

/** A vendor's offer in a marketplace: vendor-scoped, audited, under row-level security. */
@Entity
@Tenanted
@VendorScoped
@Audited
public record Offer(
        @Id(generated = true) Long id,
        @VendorId String vendor,
        @Column(unique = true, nullable = false) String sku,
        BigDecimal price,
        @References(Country.class) String country) {}
