package dev.tenantdao.samples.vendors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.StatementEvent;
import dev.tenantdao.runtime.StatementLog;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.VendorMismatchException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import dev.tenantdao.testkit.Postgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A tenant-wide call is visible in the events listeners get and in the statement log, beside the
 * vendor of a vendor's call; and a vendor's call inside a transaction under row-level security sees
 * only its vendor's rows, the transaction's own writes included.
 */
class VendorEventsTest {

    @Test
    void eventsAndTheLogNameTheVendorOrTheTenantWideSwitch() {
        DataSource app = Postgres.shared().freshSchema("vendors_events");
        Schema.create(app, RowStock.class);
        List<StatementEvent> events = new CopyOnWriteArrayList<>();
        List<String> logged = new CopyOnWriteArrayList<>();
        Logger jul = Logger.getLogger(StatementLog.LOGGER);
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        handler.setLevel(Level.ALL);
        Level before = jul.getLevel();
        jul.setLevel(Level.FINE);
        jul.addHandler(handler);
        try {
            Database database = Database.builder(app).statementListener(events::add)
                    .statementListener(new StatementLog()).build();
            RowStockDao stock = new RowStockDao(database);
            TenantContext.runAsVendor("acme", "north", () -> stock.insert(new RowStock(null, null, null, "bolts", 5)));
            long count = TenantContext.callTenantWide("acme", stock::count);
            assertEquals(1, count);

            assertEquals(2, events.size(), events::toString);
            StatementEvent insert = events.get(0);
            assertEquals("RowStock.insert", insert.operation());
            assertEquals("acme", insert.tenant());
            assertEquals("north", insert.vendor());
            assertFalse(insert.tenantWide());
            StatementEvent wide = events.get(1);
            assertEquals("RowStock.count", wide.operation());
            assertNull(wide.vendor());
            assertTrue(wide.tenantWide());

            assertTrue(logged.get(0).startsWith("RowStock.insert for tenant acme, vendor north, 1 row"), logged::toString);
            assertTrue(logged.get(1).startsWith("RowStock.count for tenant acme, tenant-wide (all vendors), 1 row"),
                    logged::toString);
        } finally {
            jul.removeHandler(handler);
            jul.setLevel(before);
        }
    }

    @Test
    void aVendorsTransactionUnderRowLevelSecuritySeesOnlyItsVendorAndKeepsItsScope() throws java.sql.SQLException {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("vendors_transaction"), RowStock.class);
        Database database = new Database(server.applicationRole("tenantdao_app", "vendors_transaction"));
        RowStockDao stock = new RowStockDao(database);
        TenantContext.runAsVendor("acme", "south", () -> stock.insert(new RowStock(null, null, null, "south's", 1)));
        List<String> seen = new ArrayList<>();
        TenantContext.runAsVendor("acme", "north", () -> database.useTransaction(transaction -> {
            stock.insert(new RowStock(null, null, null, "north's", 2));
            stock.findAll(100, 0).forEach(row -> seen.add(row.vendor() + ":" + row.body()));
            // the transaction began in north's scope: a tenant-wide call in it is refused before any SQL,
            // so nothing widens what the transaction (and the application's own SQL in it) sees
            VendorMismatchException widened = assertThrows(VendorMismatchException.class,
                    () -> TenantContext.callTenantWide("acme", stock::count));
            assertEquals("vendor 'north'", widened.boundScope());
            assertEquals("tenant-wide", widened.requestedScope());
            try (PreparedStatement select = transaction.connection().prepareStatement(
                    "SELECT vendor_id || ':' || body FROM row_stock ORDER BY id");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seen.add("own SQL " + rows.getString(1));
                }
            }
        }));
        assertEquals(List.of("north:north's", "own SQL north:north's"), seen);
        // a transaction begun tenant-wide sees (and lets its own SQL see) every vendor of the tenant
        List<String> wide = new ArrayList<>();
        TenantContext.runTenantWide("acme", () -> database.useTransaction(transaction -> {
            try (PreparedStatement select = transaction.connection().prepareStatement(
                    "SELECT vendor_id FROM row_stock ORDER BY vendor_id");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    wide.add(rows.getString(1));
                }
            }
            assertThrows(VendorMismatchException.class, () -> TenantContext.callAsVendor("acme", "north", stock::count));
        }));
        assertEquals(List.of("north", "south"), wide);
    }
}
