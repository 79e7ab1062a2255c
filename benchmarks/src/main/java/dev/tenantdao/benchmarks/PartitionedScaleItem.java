package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.PartitionedByTenant;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;

/** {@link ScaleItem} in 16 hash partitions of the tenant column ({@link ScaleBenchmark}). */
@Entity(table = "partitioned_scale_item")
@Tenanted(rowLevelSecurity = false)
@PartitionedByTenant(hash = 16)
public record PartitionedScaleItem(
        @Id(generated = true) Long id,
        @Column(nullable = false) String name,
        @Column(nullable = false) BigDecimal price,
        int quantity) {}
