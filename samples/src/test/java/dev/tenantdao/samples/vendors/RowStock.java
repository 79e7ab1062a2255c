package dev.tenantdao.samples.vendors;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.TenantId;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.VendorId;
import dev.tenantdao.annotations.VendorScoped;

/** A vendor's stock line: row strategy under row-level security, vendor-scoped, audited. */
@Entity(table = "row_stock")
@Tenanted
@VendorScoped
@Audited
public record RowStock(@Id(generated = true) Long id, @TenantId String tenant, @VendorId String vendor, String body,
        int quantity) {}
