package dev.tenantdao.samples.shipments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.shipments.Shipment.Letter;
import dev.tenantdao.samples.shipments.Shipment.Pallet;
import dev.tenantdao.samples.shipments.Shipment.Parcel;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A joined hierarchy with a schema per tenant: every table of the hierarchy in the tenant's schema. */
class SchemaPerTenantHierarchyTest {

    private static Database database;
    private static ShipmentDao shipments;
    private static Shipment_PalletDao pallets;

    @BeforeAll
    static void tenants() {
        DataSource dataSource = Postgres.shared().freshSchema("shipments_shared");
        database = Database.builder(dataSource).schemaMapping(tenant -> "shipments_" + tenant).build();
        for (String tenant : List.of("acme", "globex")) {
            Postgres.shared().dropSchema("shipments_" + tenant);
            database.createTenant(tenant, Shipment.class);
        }
        shipments = new ShipmentDao(database);
        pallets = new Shipment_PalletDao(database);
    }

    @Test
    void eachTenantsHierarchyLivesInItsOwnSchema() {
        List<Shipment> acme = List.of(new Parcel(UUID.randomUUID(), "Berlin", 1200),
                new Pallet(UUID.randomUUID(), "Hamburg", true, "DHL"), new Letter(UUID.randomUUID(), "Bonn", false));
        TenantContext.runAs("acme", () -> acme.forEach(shipments::insert));
        TenantContext.runAs("globex", () -> shipments.insert(new Pallet(UUID.randomUUID(), "Lyon", false, null)));
        List<Shipment> read = TenantContext.callAs("acme", () -> shipments.findAll(10, 0));
        assertEquals(3, read.size());
        assertTrue(read.containsAll(acme), () -> "read " + read);
        assertEquals(1, TenantContext.callAs("acme", () -> pallets.count()));
        assertEquals(1, TenantContext.callAs("globex", () -> shipments.count()));
        assertTrue(TenantContext.callAs("globex", () -> shipments.findById(acme.get(0).id())).isEmpty());

        Pallet moved = new Pallet(acme.get(1).id(), "Hamburg", false, "UPS");
        assertEquals(moved, TenantContext.callAs("acme", () -> pallets.update(moved)));
        List<HistoryEntry<Pallet>> history = TenantContext.callAs("acme", () -> pallets.history(moved.id()));
        assertEquals(2, history.size());
        assertEquals("DHL", history.get(1).entity().carrier());
        assertTrue(TenantContext.callAs("acme", () -> shipments.deleteById(moved.id())));
        assertEquals(0, TenantContext.callAs("acme", () -> pallets.count()));
        assertEquals(3, TenantContext.callAs("acme", () -> pallets.history(moved.id())).size(), "the delete is recorded");
    }
}
