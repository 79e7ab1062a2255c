package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.VendorScoped;
import java.math.BigDecimal;

/** {@link Item}'s shape, each row one vendor's of its tenant; without row-level security, like the JDBC contender. */
@Entity(table = "vendor_item")
@Tenanted(rowLevelSecurity = false)
@VendorScoped
public record VendorItem(
        @Id(generated = true) Long id,
        @Column(nullable = false) String name,
        @Column(nullable = false) BigDecimal price,
        int quantity) {}
