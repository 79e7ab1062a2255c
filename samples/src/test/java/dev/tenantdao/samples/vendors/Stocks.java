package dev.tenantdao.samples.vendors;

import dev.tenantdao.annotations.Sql;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Repository;
import java.util.List;

/** Native SQL over vendor-scoped stock, proven confined to the tenant and the vendor when it compiles. */
@Repository
public interface Stocks extends BasicRepository<RowStock, Long> {

    /** A vendor's bodies with at least {@code min} in stock. */
    @Sql("""
            SELECT s.body FROM row_stock s
            WHERE s.tenant_id = :tenant AND s.vendor_id = :vendor AND s.quantity >= :min
            ORDER BY s.body""")
    List<String> bodiesWithAtLeast(int min);

    /** The tenant's quantity per vendor: a tenant-wide report, run only in a tenant-wide block. */
    @Sql(value = """
            SELECT s.vendor_id AS vendor, sum(s.quantity) AS quantity FROM row_stock s
            WHERE s.tenant_id = :tenant
            GROUP BY s.vendor_id ORDER BY s.vendor_id""", tenantWide = true)
    List<VendorQuantity> quantityPerVendor();

    /** Adds a line for the current vendor, natively. */
    @Sql("INSERT INTO row_stock (tenant_id, vendor_id, body, quantity) VALUES (:tenant, :vendor, :body, :quantity)")
    int addLine(String body, int quantity);

    /** A vendor's quantity. */
    record VendorQuantity(String vendor, long quantity) {}
}
