package dev.tenantdao.samples.vendors;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.References;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.VendorScoped;

/**
 * A review of one of the vendor's listings: the foreign key carries tenant and vendor, so a review
 * can only ever point at a listing of its own vendor.
 */
@Entity(table = "review")
@Tenanted
@VendorScoped
public record Review(@Id(generated = true) Long id, @References(Listing.class) long listingId, int stars) {}
