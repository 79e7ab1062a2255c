package dev.tenantdao.samples.marketplace;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;

/**
 * A product category the operator defines for its whole marketplace: a tenant-wide row that every
 * vendor's products may reference (a vendor-scoped row may point at a tenant-wide one, never the
 * reverse).
 */
@Entity
public record Category(@Id String code, @Column(nullable = false) String name) {}
