package dev.tenantdao.samples.vendors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoVendorException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.VendorMismatchException;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upserts of a vendor-scoped entity: the conflict target holds the vendor, so each vendor meets only its rows. */
class VendorUpsertTest {

    @Test
    void anUpsertMeetsOnlyItsVendorsRowAndIsRefusedTenantWide() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("vendors_upsert"), Price.class);
        PriceDao prices = new PriceDao(new Database(server.applicationRole("tenantdao_app", "vendors_upsert")));
        Price north = TenantContext.callAsVendor("acme", "north", () -> prices.upsertByCode(new Price(null, null, "A", 1)));
        Price south = TenantContext.callAsVendor("acme", "south", () -> prices.upsertByCode(new Price(null, null, "A", 2)));
        Price again = TenantContext.callAsVendor("acme", "north", () -> prices.upsertByCode(new Price(null, null, "A", 3)));
        assertEquals(north.id(), again.id());
        assertEquals(List.of(new Price(north.id(), "north", "A", 3), new Price(south.id(), "south", "A", 2)),
                TenantContext.callTenantWide("acme", () -> prices.findAll(10, 0)));
        assertThrows(NoVendorException.class, () -> TenantContext.runTenantWide("acme",
                () -> prices.upsertByCode(new Price(null, null, "A", 4))));
        // an entity carrying another vendor is refused before SQL
        assertThrows(VendorMismatchException.class, () -> TenantContext.runAsVendor("acme", "north",
                () -> prices.upsertByCode(new Price(null, "south", "A", 5))));
        assertEquals(List.of(new Price(south.id(), "south", "A", 2)),
                TenantContext.callAsVendor("acme", "south", () -> prices.findAll(10, 0)));
    }
}
