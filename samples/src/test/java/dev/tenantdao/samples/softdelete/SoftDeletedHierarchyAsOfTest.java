package dev.tenantdao.samples.softdelete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.softdelete.Asset.Laptop;
import dev.tenantdao.samples.softdelete.Asset.Phone;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code findAllAsOf} of a soft-deleted joined hierarchy ({@link Asset}), as a role that owns nothing
 * (row-level security): a soft delete is a DELETE in the history (gone as of then, though the row
 * stays), a restore brings the row back, a purge removes it; through the root's DAO and the subtypes'.
 */
class SoftDeletedHierarchyAsOfTest {

    @Test
    void softDeletesRestoresAndPurgesAsOfEachTime() {
        Schema.create(Postgres.shared().freshSchema("soft_asset_as_of"), Asset.class);
        Database database = new Database(Postgres.shared().applicationRole("tenantdao_app", "soft_asset_as_of"));
        AssetDao assets = new AssetDao(database);
        Asset_LaptopDao laptops = new Asset_LaptopDao(database);
        Asset_PhoneDao phones = new Asset_PhoneDao(database);
        Laptop laptop = new Laptop(1, "ada", "X1");
        Phone phone = new Phone(2, "bob", "+49 30 1234");
        acme(() -> {
            assets.insert(laptop);
            return assets.insert(phone);
        });
        TenantContext.callAs("globex", () -> assets.insert(new Laptop(1, "eve", "T14")));
        Instant inserted = now();
        acme(() -> laptops.deleteById(1));
        Instant softDeleted = now();
        acme(() -> {
            assertTrue(assets.restore(1));
            assets.delete(phone);
            return assets.purge(2);
        });
        Instant purged = now();

        assertEquals(List.of(laptop, phone), acme(() -> assets.findAllAsOf(inserted, 10)));
        assertEquals(List.of(phone), acme(() -> assets.findAllAsOf(softDeleted, 10)), "soft deleted: gone then");
        assertEquals(List.of(), acme(() -> laptops.findAllAsOf(softDeleted, 10)));
        assertEquals(List.of(phone), acme(() -> phones.findAllAsOf(softDeleted, 10)));
        assertEquals(List.of(laptop), acme(() -> assets.findAllAsOf(purged, 10)), "restored; the phone purged");
        assertEquals(List.of(), acme(() -> phones.findAllAsOf(purged, 10)));
        assertEquals(acme(() -> assets.findAll(10, 0)), acme(() -> assets.findAllAsOf(purged, 10)));
        assertEquals(List.of(new Laptop(1, "eve", "T14")),
                TenantContext.callAs("globex", () -> assets.findAllAsOf(purged, 10)));
    }

    private static <X> X acme(Supplier<X> work) {
        return TenantContext.callAs("acme", work::get);
    }

    private static Instant now() {
        try (Connection c = Postgres.shared().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT clock_timestamp()")) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
