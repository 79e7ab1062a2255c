package com.example.billing;

import dev.tenantdao.annotations.Sql;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.util.List;

/** A repository of a vendor-scoped entity: its queries go through the same vendor predicate. */
@Repository
public interface Offers extends BasicRepository<Offer, Long> {

    List<Offer> findByPriceGreaterThan(BigDecimal price);

    @Query("UPDATE Offer SET price = price * :factor")
    int reprice(BigDecimal factor);

    /** How often each of an offer's SKUs changed. */
    record Changes(String sku, long changes) {}

    /** The current vendor's offers from a price on, with their history joined by tenant and vendor: native SQL. */
    @Sql("""
        SELECT o.sku, count(h.history_version) AS changes FROM offer o
        JOIN offer_history h ON h.tenant_id = o.tenant_id AND h.vendor_id = o.vendor_id AND h.id = o.id
        WHERE o.tenant_id = :tenant AND o.vendor_id = :vendor AND o.price >= :price
        GROUP BY o.sku ORDER BY o.sku""")
    List<Changes> changesFrom(BigDecimal price);

    /** How many offers a vendor has. */
    record VendorOffers(String vendor, long offers) {}

    /** Every vendor's count of the tenant's offers: for its staff, only inside a tenant-wide block. */
    @Sql(value = """
        SELECT o.vendor_id AS vendor, count(*) AS offers FROM offer o
        WHERE o.tenant_id = :tenant GROUP BY o.vendor_id ORDER BY o.vendor_id""", tenantWide = true)
    List<VendorOffers> offersPerVendor();
}
