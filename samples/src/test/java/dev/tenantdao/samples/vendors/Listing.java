package dev.tenantdao.samples.vendors;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.VendorId;
import dev.tenantdao.annotations.VendorScoped;

/**
 * A vendor's listing: a joined hierarchy (each subtype's own columns in its own table), vendor-scoped
 * as a whole, audited, under row-level security; unique per vendor by SKU.
 */
@Entity(table = "listing")
@Tenanted
@VendorScoped
@Polymorphic(strategy = Polymorphic.Strategy.JOINED, discriminator = "kind")
@Audited
public sealed interface Listing permits Listing.Physical, Listing.Download {

    @Id(generated = true)
    Long id();

    @VendorId
    String vendor();

    @Column(unique = true, nullable = false)
    String sku();

    long priceCents();

    /** Goods shipped by weight. */
    @Subtype(value = "physical", table = "listing_physical")
    record Physical(Long id, String vendor, String sku, long priceCents, int grams) implements Listing {}

    /** A file to download. */
    @Subtype(value = "download", table = "listing_download")
    record Download(Long id, String vendor, String sku, long priceCents, String url) implements Listing {}
}
