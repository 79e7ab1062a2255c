package dev.tenantdao.samples.deliveries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.HistoryEntry.Operation;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A joined hierarchy with a fallback subtype ({@code OtherDelivery}, its own table), as the
 * application connects (row-level security on every table). Rows of methods no subtype claims are
 * written by plain SQL into the root's table only, as another service would.
 */
class JoinedFallbackTest {

    private static DataSource admin;
    private static DeliveryDao deliveries;
    private static CourierDeliveryDao couriers;
    private static OtherDeliveryDao others;

    @BeforeAll
    static void schema() {
        admin = Postgres.shared().freshSchema("deliveries_fallback");
        Schema.create(admin, Delivery.class);
        Database database = new Database(Postgres.shared().applicationRole("tenantdao_app", "deliveries_fallback"));
        deliveries = new DeliveryDao(database);
        couriers = new CourierDeliveryDao(database);
        others = new OtherDeliveryDao(database);
    }

    private static <T> T as(String tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> AuditContext.callAs("ops", work::get));
    }

    private static long written(String tenant, String method, String address) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("INSERT INTO delivery (tenant_id, method, address) VALUES ('" + tenant
                        + "', '" + method + "', '" + address + "') RETURNING id")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String describe(Delivery delivery) {
        String common = delivery.getClass().getSimpleName() + "#" + delivery.getId() + " " + delivery.getAddress();
        if (delivery instanceof OtherDelivery other) {
            return common + " " + other.getMethod() + " " + other.getNote();
        }
        return common + " " + ((CourierDelivery) delivery).getCourier();
    }

    private static List<String> describe(List<? extends Delivery> deliveries) {
        return deliveries.stream().map(JoinedFallbackTest::describe).toList();
    }

    @Test
    void aRowOfAMethodNoSubtypeClaimsLoadsAsTheFallbackWithoutItsOwnColumns() throws SQLException {
        long drone = written("hangar", "drone", "Roof 1");
        CourierDelivery courier = as("hangar", () -> couriers.insert(new CourierDelivery("Street 2", "Speedy")));
        assertEquals(List.of("OtherDelivery#" + drone + " Roof 1 drone null", describe(courier)),
                describe(as("hangar", () -> deliveries.findAll(10, 0))), "the root's DAO");
        assertEquals(List.of("OtherDelivery#" + drone + " Roof 1 drone null"),
                describe(as("hangar", () -> others.findAll(10, 0))), "the fallback's DAO: no row in its table, still its row");
        assertEquals("OtherDelivery#" + drone + " Roof 1 drone null",
                describe(as("hangar", () -> others.findById(drone)).orElseThrow()));
        assertEquals(1, as("hangar", () -> others.count()));
        assertTrue(as("hangar", () -> couriers.findById(drone)).isEmpty());
        assertFalse(as("hangar", () -> others.existsById(courier.getId())));
    }

    @Test
    void theFallbacksOwnInsertWritesItsValueAndItsTable() throws SQLException {
        OtherDelivery stored = as("own_method", () -> others.insert(new OtherDelivery("Lane 3", "leave at door")));
        assertEquals("other", stored.getMethod());
        assertEquals(List.of("OtherDelivery#" + stored.getId() + " Lane 3 other leave at door"),
                describe(as("own_method", () -> deliveries.findAll(10, 0))));
        assertEquals(1, count("SELECT count(*) FROM other_delivery WHERE tenant_id = 'own_method'"));
    }

    @Test
    void anUpdateThroughTheFallbackGivesAnUnknownMethodsRowItsOwnRowAndHistoryLoadsItAsTheFallback()
            throws SQLException {
        long drone = written("history_hangar", "drone", "Roof 4");
        OtherDelivery row = as("history_hangar", () -> others.findById(drone)).orElseThrow();
        row.setAddress("Roof 5");
        row.setNote("fragile");
        OtherDelivery updated = as("history_hangar", () -> others.update(row));
        assertEquals("OtherDelivery#" + drone + " Roof 5 drone fragile", describe(updated), "the method is not written");
        assertEquals(1, count("SELECT count(*) FROM other_delivery WHERE tenant_id = 'history_hangar'"));
        assertEquals("drone", stringOf("SELECT method FROM delivery WHERE tenant_id = 'history_hangar'"));
        List<HistoryEntry<Delivery>> history = as("history_hangar", () -> deliveries.history(drone));
        assertEquals(List.of(Operation.UPDATE), history.stream().map(HistoryEntry::operation).toList());
        assertEquals(describe(updated), describe(history.get(0).entity()), "the root's history: as the fallback");
        assertTrue(as("history_hangar", () -> deliveries.deleteById(drone)));
        HistoryEntry<OtherDelivery> deleted = as("history_hangar", () -> others.history(drone)).get(0);
        assertEquals(Operation.DELETE, deleted.operation());
        assertEquals("fragile", deleted.entity().getNote());
        assertEquals(0, count("SELECT count(*) FROM other_delivery WHERE tenant_id = 'history_hangar'"));
    }

    @Test
    void givingAnUnknownMethodsRowItsFirstOwnValuesIsAChangeInItsHistory() throws SQLException {
        long kite = written("kite_tenant", "kite", "Hill");
        OtherDelivery row = as("kite_tenant", () -> others.findById(kite)).orElseThrow();
        row.setNote("windy");
        as("kite_tenant", () -> others.update(row));
        List<HistoryEntry<OtherDelivery>> history = as("kite_tenant", () -> others.history(kite));
        assertEquals(List.of(Operation.UPDATE), history.stream().map(HistoryEntry::operation).toList());
        assertEquals("windy", history.get(0).entity().getNote());
        as("kite_tenant", () -> others.update(row));
        assertEquals(1, as("kite_tenant", () -> others.history(kite)).size(), "written again unchanged: no new version");
    }

    @Test
    void aRowOfAnUnknownMethodDeletedThroughTheFallbackIsRecorded() throws SQLException {
        long sled = written("sled_tenant", "sled", "North");
        OtherDelivery row = as("sled_tenant", () -> others.findById(sled)).orElseThrow();
        assertNull(row.getNote());
        as("sled_tenant", () -> {
            others.delete(row);
            return null;
        });
        assertEquals(0, count("SELECT count(*) FROM delivery WHERE tenant_id = 'sled_tenant'"));
        HistoryEntry<Delivery> last = as("sled_tenant", () -> deliveries.history(sled)).get(0);
        assertEquals(Operation.DELETE, last.operation());
        assertInstanceOf(OtherDelivery.class, last.entity());
        assertEquals("sled", ((OtherDelivery) last.entity()).getMethod());
    }

    @Test
    void anotherTenantsRowsOfUnknownMethodsNeverAppear() throws SQLException {
        long mine = written("tenant_a", "drone", "A");
        written("tenant_b", "drone", "B");
        written("tenant_b", "balloon", "C");
        assertEquals(List.of(mine), as("tenant_a", () -> others.findAll(10, 0)).stream().map(Delivery::getId).toList());
        assertEquals(List.of(mine), as("tenant_a", () -> deliveries.findAll(10, 0)).stream().map(Delivery::getId).toList());
        assertEquals(2, as("tenant_b", () -> others.count()));
        assertTrue(as("tenant_b", () -> others.findById(mine)).isEmpty());
        OtherDelivery foreign = as("tenant_a", () -> others.findById(mine)).orElseThrow();
        foreign.setNote("stolen");
        org.junit.jupiter.api.Assertions.assertThrows(dev.tenantdao.runtime.RowNotFoundException.class,
                () -> as("tenant_b", () -> others.update(foreign)));
        assertEquals(0, count("SELECT count(*) FROM other_delivery WHERE tenant_id IN ('tenant_a', 'tenant_b')"), "no own row was written for the other tenant");
    }

    private static int count(String sql) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String stringOf(String sql) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
