package dev.tenantdao.samples.softdelete;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.VendorScoped;
import java.time.Instant;

/** A vendor's listing of a marketplace, soft-deleted, exposing when it was deleted. */
@Entity(table = "soft_listing")
@Tenanted
@VendorScoped
@SoftDelete
public record Listing(@Id(generated = true) Long id, @Column(unique = true) String sku, String title,
        @Column(name = "deleted_at", insertable = false) Instant deletedAt) {}
