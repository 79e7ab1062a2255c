package dev.tenantdao.spring.boot.web;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.VendorId;
import dev.tenantdao.annotations.VendorScoped;

/** A vendor's listing: row-tenanted with row-level security, vendor-scoped. */
@Entity
@Tenanted
@VendorScoped
public record Listing(@Id(generated = true) Long id, @VendorId String vendor, String title) {}
