package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;

/** {@link Item}, audited: every change also writes a history row, in the same statement. */
@Entity
@Tenanted(rowLevelSecurity = false)
@Audited
public record AuditedItem(
        @Id(generated = true) Long id,
        @Column(nullable = false) String name,
        @Column(nullable = false) BigDecimal price,
        int quantity) {}
