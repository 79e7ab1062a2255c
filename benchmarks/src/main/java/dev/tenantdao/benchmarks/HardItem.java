package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;

/** The plain entity {@link SoftItem} is compared with: the same shape, its deletes remove rows. */
@Entity(table = "hard_item")
@Tenanted(rowLevelSecurity = false)
public record HardItem(
        @Id long id,
        @Column(nullable = false) String name,
        @Column(nullable = false) BigDecimal price,
        int quantity) {}
