package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.VendorScoped;
import java.math.BigDecimal;

/** {@link VendorItem} under row-level security (the default): its policy checks tenant and vendor. */
@Entity(table = "secured_vendor_item")
@Tenanted
@VendorScoped
public record SecuredVendorItem(
        @Id(generated = true) Long id,
        @Column(nullable = false) String name,
        @Column(nullable = false) BigDecimal price,
        int quantity) {}
