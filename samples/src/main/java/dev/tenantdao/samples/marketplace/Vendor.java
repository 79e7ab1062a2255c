package dev.tenantdao.samples.marketplace;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;

/**
 * A seller on an operator's marketplace: the operator's list of its vendors, tenant-wide (not
 * vendor-scoped). Its id is the vendor id a vendor's users work under
 * ({@code TenantContext.runAsVendor(operator, id, ...)}).
 */
@Entity
public record Vendor(
        @Id String id,
        @Column(nullable = false) String name,
        boolean active) {}
