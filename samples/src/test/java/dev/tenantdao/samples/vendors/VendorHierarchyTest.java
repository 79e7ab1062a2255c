package dev.tenantdao.samples.vendors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.NoVendorException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A vendor-scoped joined, audited hierarchy and an entity referencing it, on PostgreSQL as the
 * application role under row-level security: loading, upserts per vendor, history per vendor,
 * foreign keys that stay inside the vendor.
 */
class VendorHierarchyTest {

    private static ListingDao listings;
    private static ReviewDao reviews;

    @BeforeAll
    static void schema() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("vendors_hierarchy"), Listing.class, Review.class);
        Database database = new Database(server.applicationRole("tenantdao_app", "vendors_hierarchy"));
        listings = new ListingDao(database);
        reviews = new ReviewDao(database);
    }

    @Test
    void eachVendorLoadsItsOwnSubtypesAndTheTenantLoadsAll() {
        Listing north = TenantContext.callAsVendor("hier1", "north",
                () -> listings.insert(new Listing.Physical(null, null, "BOLT", 120, 50)));
        Listing south = TenantContext.callAsVendor("hier1", "south",
                () -> listings.insert(new Listing.Download(null, null, "MANUAL", 900, "https://example.org/m")));
        TenantContext.runAsVendor("hier2", "north",
                () -> listings.insert(new Listing.Physical(null, null, "NUT", 10, 5)));
        assertEquals("north", north.vendor());

        assertEquals(List.of(north), TenantContext.callAsVendor("hier1", "north", () -> listings.findAll(100, 0)));
        assertEquals(Optional.empty(), TenantContext.callAsVendor("hier1", "north", () -> listings.findById(south.id())));
        assertEquals(List.of(north, south), TenantContext.callTenantWide("hier1", () -> listings.findAll(100, 0)));
        assertEquals(1, TenantContext.callTenantWide("hier2", listings::count));
        assertThrows(NoVendorException.class, () -> TenantContext.runAs("hier1", () -> listings.findAll(100, 0)));
    }

    @Test
    void theSameSkuIsOnePerVendorAndAnUpdateChangesOnlyItsVendorsRow() {
        Listing first = TenantContext.callAsVendor("hier3", "north",
                () -> listings.insert(new Listing.Physical(null, null, "SKU-1", 100, 10)));
        // another vendor of the same tenant may use the same SKU: the unique key holds the vendor
        Listing other = TenantContext.callAsVendor("hier3", "south",
                () -> listings.insert(new Listing.Physical(null, null, "SKU-1", 300, 30)));
        Listing changed = TenantContext.callAsVendor("hier3", "north",
                () -> listings.update(new Listing.Physical(first.id(), null, "SKU-1", 150, 10)));
        assertEquals(150, changed.priceCents());
        assertEquals(300, TenantContext.callAsVendor("hier3", "south", () -> listings.findById(other.id()))
                .orElseThrow().priceCents());
        List<HistoryEntry<Listing>> history = TenantContext.callAsVendor("hier3", "north",
                () -> listings.history(first.id()));
        assertEquals(List.of(HistoryEntry.Operation.UPDATE, HistoryEntry.Operation.INSERT),
                history.stream().map(HistoryEntry::operation).toList());
        // south reads no history of north's row, the tenant-wide block reads it
        assertEquals(List.of(), TenantContext.callAsVendor("hier3", "south", () -> listings.history(first.id())));
        assertEquals(2, TenantContext.callTenantWide("hier3", () -> listings.history(first.id())).size());
    }

    @Test
    void aReferenceStaysInsideTheVendor() {
        Listing north = TenantContext.callAsVendor("hier4", "north",
                () -> listings.insert(new Listing.Physical(null, null, "GEAR", 100, 10)));
        Review review = TenantContext.callAsVendor("hier4", "north", () -> reviews.insert(new Review(null, north.id(), 5)));
        assertTrue(review.id() > 0);
        // south's review of north's listing violates the foreign key (tenant, vendor, listing)
        DataAccessException crossing = assertThrows(DataAccessException.class, () -> TenantContext.runAsVendor(
                "hier4", "south", () -> reviews.insert(new Review(null, north.id(), 1))));
        assertEquals("23503", crossing.sqlState(), crossing::getMessage);
    }
}
