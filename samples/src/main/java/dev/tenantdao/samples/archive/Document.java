package dev.tenantdao.samples.archive;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.time.Instant;
import java.util.UUID;

/**
 * An archived document (signed contracts, invoice PDFs), kept in each tenant's own database: the
 * tenants that pay for physical separation. The runtime routes each tenant to its data source.
 * Audited: the history table is in the tenant's database.
 */
@Entity
@Tenanted(strategy = Tenanted.Strategy.DATABASE)
@Audited
public record Document(
        @Id UUID id,
        @Column(nullable = false) String title,
        @Column(nullable = false) byte[] content,
        @Column(nullable = false) Instant archivedAt) {}
