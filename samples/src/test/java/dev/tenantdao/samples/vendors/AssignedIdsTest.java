package dev.tenantdao.samples.vendors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ids the application assigns to a vendor-scoped entity are unique in the tenant across its vendors
 * (the unique key (tenant_id, id)): another vendor's insert of a taken id fails, so a tenant-wide
 * call by id meets exactly one row; another tenant may use the id.
 */
class AssignedIdsTest {

    @Test
    void anIdIsOneRowOfTheTenantWhateverTheVendor() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("vendors_assigned"), Bin.class);
        BinDao bins = new BinDao(new Database(server.applicationRole("tenantdao_app", "vendors_assigned")));
        TenantContext.runAsVendor("acme", "north", () -> bins.insert(new Bin(5, "north's")));
        DataAccessException taken = assertThrows(DataAccessException.class,
                () -> TenantContext.runAsVendor("acme", "south", () -> bins.insert(new Bin(5, "south's"))));
        assertEquals("23505", taken.sqlState(), taken::getMessage);
        TenantContext.runAsVendor("globex", "south", () -> bins.insert(new Bin(5, "globex's")));

        assertEquals(Optional.of(new Bin(5, "north's")), TenantContext.callTenantWide("acme", () -> bins.findById(5L)));
        assertTrue(TenantContext.callTenantWide("acme", () -> bins.deleteById(5L)));
        assertEquals(List.of(), TenantContext.callTenantWide("acme", () -> bins.findAll(10, 0)));
        assertEquals(List.of(new Bin(5, "globex's")), TenantContext.callTenantWide("globex", () -> bins.findAll(10, 0)));
    }
}
