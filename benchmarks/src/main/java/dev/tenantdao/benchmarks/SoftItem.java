package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;

/** {@link HardItem} with {@code @SoftDelete}: what a soft delete costs against the plain entity (issue 19). */
@Entity(table = "soft_item")
@Tenanted(rowLevelSecurity = false)
@SoftDelete
public record SoftItem(
        @Id long id,
        @Column(nullable = false) String name,
        @Column(nullable = false) BigDecimal price,
        int quantity) {}
