package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.Version;

/**
 * {@link AuditedItem} with optimistic locking, for {@link AuditedContention}: concurrent writers that read a row
 * and write it back lose to each other with {@code OptimisticLockException}.
 */
@Entity
@Tenanted(rowLevelSecurity = false)
@Audited
public record VersionedAuditedItem(
        @Id(generated = true) Long id,
        @Column(nullable = false) String name,
        int quantity,
        @Version long version) {}
