package dev.tenantdao.samples.marketplace;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;

/**
 * A vendor's catalog as a Jakarta Data repository ({@code ProductsImpl}, generated): every query
 * carries the vendor predicate beside the tenant's, so inside {@code runAsVendor} it sees and
 * changes that vendor's products only, and inside {@code runTenantWide} every vendor's of the tenant.
 */
@Repository
public interface Products extends BasicRepository<Product, Long> {

    /** The products of a category, by SKU. */
    List<Product> findByCategoryOrderBySku(String category);

    /** Takes every sold-out product off the shelf, in one statement; returns how many. */
    @Query("UPDATE Product SET listed = false WHERE stock = 0")
    long delistSoldOut();
}
