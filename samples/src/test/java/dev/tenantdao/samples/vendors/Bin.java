package dev.tenantdao.samples.vendors;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.VendorScoped;

/** A storage bin whose id the application assigns: vendor-scoped, so ids stay unique per tenant across vendors. */
@Entity
@Tenanted
@VendorScoped
public record Bin(@Id long id, String label) {}
