package dev.tenantdao.samples.vendors;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.VendorId;
import dev.tenantdao.annotations.VendorScoped;

/** A vendor's price for a product code: unique per vendor, so {@code upsertByCode} is per vendor. */
@Entity(table = "vendor_price")
@Tenanted
@VendorScoped
public record Price(@Id(generated = true) Long id, @VendorId String vendor, @Column(unique = true, nullable = false) String code,
        long cents) {}
