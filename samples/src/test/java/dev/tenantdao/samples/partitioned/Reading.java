package dev.tenantdao.samples.partitioned;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.PartitionedByTenant;
import dev.tenantdao.annotations.References;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;

/**
 * A reading of a meter (a generated id: the DAO's insertAll takes ids from the parent's identity
 * sequence): row strategy, hash-partitioned by tenant into 8 partitions, its foreign key to the
 * partitioned meter table including the tenant column.
 */
@Entity
@Tenanted
@PartitionedByTenant(hash = 8)
public record Reading(@Id(generated = true) Long id, @References(Meter.class) @Column(nullable = false) String meter,
        @Column(nullable = false) BigDecimal value) {}
