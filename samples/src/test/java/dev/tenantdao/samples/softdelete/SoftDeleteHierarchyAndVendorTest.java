package dev.tenantdao.samples.softdelete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.HistoryEntry.Operation;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.softdelete.Asset.Laptop;
import dev.tenantdao.samples.softdelete.Asset.Phone;
import dev.tenantdao.samples.softdelete.Badge.Staff;
import dev.tenantdao.samples.softdelete.Badge.Visitor;
import dev.tenantdao.testkit.Postgres;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Soft deletes of hierarchies (joined: the column in the root's table, the subtype's row kept until a
 * purge; single table), through the root's DAO and the subtypes', and of a vendor-scoped entity; and
 * row-level security still confining the deleted rows to their tenant for raw SQL as a non-owner role.
 */
class SoftDeleteHierarchyAndVendorTest {

    private static DataSource owner;
    private static Database database;

    @BeforeAll
    static void schema() {
        Postgres server = Postgres.shared();
        owner = server.freshSchema("soft_more");
        Schema.create(owner, Asset.class, Badge.class, Listing.class);
        database = new Database(server.applicationRole("tenantdao_app", "soft_more"));
    }

    private static List<Long> ids(DataSource dataSource, String sql) {
        List<Long> ids = new ArrayList<>();
        try (var connection = dataSource.getConnection(); Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return ids;
    }

    @Test
    void joinedHierarchy() {
        AssetDao assets = new AssetDao(database);
        Asset_LaptopDao laptops = new Asset_LaptopDao(database);
        Asset_PhoneDao phones = new Asset_PhoneDao(database);
        Laptop laptop = new Laptop(1, "ada", "X1");
        Phone phone = new Phone(2, "bob", "+49 30 1234");
        TenantContext.runAs("acme", () -> {
            assets.insert(laptop);
            assets.insert(phone);
        });
        TenantContext.runAs("globex", () -> assets.insert(new Laptop(1, "eve", "T14")));

        TenantContext.runAs("acme", () -> {
            assertTrue(laptops.deleteById(1), "through the subtype's DAO");
            assertEquals(Optional.empty(), assets.findById(1));
            assertEquals(Optional.empty(), laptops.findById(1));
            assertEquals(1, assets.count());
            assertEquals(0, laptops.count());
            assertEquals(List.of(phone), assets.findAll(10, 0));
            assertEquals(Optional.of(laptop), assets.findDeletedById(1), "read whole: the subtype's row is kept");
            assertEquals(Optional.of(laptop), laptops.findDeletedById(1));
            assertEquals(List.of(laptop), assets.findAllDeleted(10, 0));
            assertEquals(List.of(Operation.DELETE, Operation.INSERT),
                    assets.history(1).stream().map(HistoryEntry::operation).toList());
            assertTrue(assets.restore(1), "through the root's DAO");
            assertEquals(Optional.of(laptop), laptops.findById(1));

            assets.delete(phone);
            assertEquals(Optional.empty(), phones.findById(2));
            assertEquals(List.of(phone), phones.findAllDeleted(10, 0));
            assertTrue(assets.purge(2));
            assertEquals(Optional.empty(), phones.findDeletedById(2));
        });
        assertEquals(List.of(), ids(owner, "SELECT id FROM soft_phone WHERE tenant_id = 'acme'"), "a purge removes the subtype's row too");
        assertEquals(Optional.of(new Laptop(1, "eve", "T14")), TenantContext.callAs("globex", () -> assets.findById(1)));
    }

    @Test
    void singleTableHierarchy() {
        BadgeDao badges = new BadgeDao(database);
        Badge_VisitorDao visitors = new Badge_VisitorDao(database);
        Badge_StaffDao staff = new Badge_StaffDao(database);
        Visitor visitor = new Visitor(1, "carol", "ada");
        Staff member = new Staff(2, "dave", 3);
        TenantContext.runAs("acme", () -> {
            badges.insert(visitor);
            badges.insert(member);
            assertTrue(badges.deleteById(1));
            assertEquals(Optional.empty(), visitors.findById(1));
            assertEquals(List.of(member), badges.findAll(10, 0));
            assertEquals(List.of(visitor), badges.findAllDeleted(10, 0));
            assertEquals(List.of(), staff.findAllDeleted(10, 0), "a subtype's deleted rows are its own");
            assertFalse(staff.restore(1), "not a staff badge");
            assertTrue(visitors.restore(1));
            assertEquals(2, badges.count());
            assertTrue(staff.purge(2));
            assertEquals(List.of(visitor), badges.findAll(10, 0));
        });
    }

    @Test
    void vendorScoped() {
        ListingDao listings = new ListingDao(database);
        Listing mine = TenantContext.callAsVendor("acme", "v1", () -> listings.insert(new Listing(null, "SKU-1", "lamp", null)));
        Listing theirs = TenantContext.callAsVendor("acme", "v2", () -> listings.insert(new Listing(null, "SKU-1", "desk", null)));
        assertNull(mine.deletedAt(), "a live row");
        TenantContext.runAsVendor("acme", "v1", () -> {
            assertTrue(listings.deleteById(mine.id()));
            Listing deleted = listings.findDeletedById(mine.id()).orElseThrow();
            assertNotNull(deleted.deletedAt(), "the deletion time, exposed read-only");
            assertEquals(Optional.empty(), listings.findById(mine.id()));
            // the number is free among the vendor's live rows again
            Listing again = listings.insert(new Listing(null, "SKU-1", "new lamp", null));
            assertEquals("SKU-1", again.sku());
            // an upsert by it meets the live row only
            assertEquals(again.id(), listings.upsertBySku(new Listing(null, "SKU-1", "newer lamp", null)).id());
            assertEquals("newer lamp", listings.findById(again.id()).orElseThrow().title());
            assertEquals("lamp", listings.findDeletedById(mine.id()).orElseThrow().title());
        });
        TenantContext.runAsVendor("acme", "v2", () -> {
            assertEquals(Optional.empty(), listings.findDeletedById(mine.id()), "another vendor's deleted row");
            assertFalse(listings.restore(mine.id()));
            assertFalse(listings.purge(mine.id()));
            assertEquals(List.of(theirs), listings.findAll(10, 0));
        });
        TenantContext.runTenantWide("acme", () -> {
            assertEquals(List.of(mine.id()), listings.findAllDeleted(10, 0).stream().map(Listing::id).toList());
            assertEquals(2, listings.count());
            assertTrue(listings.purge(mine.id()));
        });
        TenantContext.runAsVendor("globex", "v1", () -> assertEquals(List.of(), listings.findAllDeleted(10, 0)));
    }

    @Test
    void rowLevelSecurityStillConfinesDeletedRows() {
        AssetDao assets = new AssetDao(database);
        TenantContext.runAs("initech", () -> {
            assets.insert(new Laptop(7, "mallory", "M1"));
            assets.deleteById(7);
        });
        TenantContext.runAs("umbrella", () -> assets.insert(new Phone(8, "trent", "+1 555")));
        // raw SQL on a runtime connection, as the non-owner role: no live-rows filter, but the policy applies
        List<Long> seen = new ArrayList<>();
        TenantContext.runAs("umbrella", () -> database.useTransaction(tx -> {
            try (Statement s = tx.connection().createStatement();
                    ResultSet rows = s.executeQuery("SELECT id FROM soft_asset WHERE tenant_id IN ('initech', 'umbrella')")) {
                while (rows.next()) {
                    seen.add(rows.getLong(1));
                }
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }));
        assertEquals(List.of(8L), seen, "initech's deleted row is initech's alone");
        assertFalse(TenantContext.callAs("umbrella", () -> assets.restore(7)));
    }
}
