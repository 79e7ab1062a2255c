package com.example.billing;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.PartitionedByTenant;
import dev.tenantdao.annotations.References;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Row strategy, hash-partitioned by tenant into 4 partitions, audited (its history is partitioned
 * the same way): the DAO is that of any row entity, the DDL shows the partitions.
 */
@Entity
@Tenanted(column = "org_id", columnType = Tenanted.ColumnType.UUID)
@PartitionedByTenant(hash = 4)
@Audited
public record Reading(
        @Id(generated = true) Long id,
        @References(Customer.class) UUID customerId,
        @Column(nullable = false, unique = true) String meter,
        BigDecimal value,
        OffsetDateTime readAt) {}
