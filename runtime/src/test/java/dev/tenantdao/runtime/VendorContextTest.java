package dev.tenantdao.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.internal.TenantKeys;
import dev.tenantdao.runtime.internal.TenantScope;
import java.io.IOException;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The vendor beside the tenant: blocks, nesting, the tenant-wide switch, the resolver, and refusals. */
class VendorContextTest {

    private static final TenantScope PRODUCT = TenantScope.row("Product", true).withVendors();

    private static DataSource unusedDataSource() {
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(VendorContextTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new IOException("no connection in this test");
                });
    }

    @Test
    void aVendorBlockCarriesTenantAndVendorAndRestoresTheOuterScope() {
        TenantContext.runAsVendor("acme", "north", () -> {
            assertEquals(Optional.of("acme"), TenantContext.current());
            assertEquals(Optional.of("north"), TenantContext.currentVendor());
            assertFalse(TenantContext.isTenantWide());
            TenantContext.runTenantWide("acme", () -> {
                assertEquals(Optional.empty(), TenantContext.currentVendor());
                assertTrue(TenantContext.isTenantWide());
            });
            assertEquals(Optional.of("north"), TenantContext.currentVendor());
            assertThrows(IllegalStateException.class, () -> TenantContext.runAsVendor("acme", "south", () -> {
                throw new IllegalStateException("fails inside");
            }));
            assertEquals(Optional.of("north"), TenantContext.currentVendor());
        });
        assertEquals(Optional.empty(), TenantContext.current());
        assertEquals(Optional.empty(), TenantContext.currentVendor());
        assertFalse(TenantContext.isTenantWide());
    }

    @Test
    void aPlainTenantBlockNeverInheritsAVendorOrTheTenantWideSwitch() {
        TenantContext.runAsVendor("acme", "north", () -> TenantContext.runAs("acme", () -> {
            assertEquals(Optional.empty(), TenantContext.currentVendor());
            assertFalse(TenantContext.isTenantWide());
        }));
        TenantContext.runTenantWide("acme", () -> TenantContext.runAs("acme", () ->
                assertFalse(TenantContext.isTenantWide())));
    }

    @Test
    void invalidVendorIdsAreRejectedBeforeTheBlockRuns() {
        assertThrows(NullPointerException.class, () -> TenantContext.runAsVendor("acme", null, () -> { }));
        InvalidTenantException blank = assertThrows(InvalidTenantException.class,
                () -> TenantContext.runAsVendor("acme", " ", () -> { }));
        assertEquals("Vendor id ' ' is empty or blank", blank.getMessage());
        assertThrows(InvalidTenantException.class, () -> TenantContext.runAsVendor("acme", "a\u0000b", () -> { }));
        assertThrows(InvalidTenantException.class, () -> TenantContext.runAsVendor("", "north", () -> { }));
        assertThrows(InvalidTenantException.class, () -> TenantContext.runTenantWide(" ", () -> { }));
        assertEquals(Optional.empty(), TenantContext.current());
    }

    @Test
    void theDatabaseRequiresAVendorOrTheExplicitSwitch() {
        Database database = new Database(unusedDataSource());
        assertEquals("north", TenantContext.callAsVendor("acme", "north", () -> database.requireVendor(PRODUCT, "acme")));
        assertNull(TenantContext.callTenantWide("acme", () -> database.requireVendor(PRODUCT, "acme")));
        NoVendorException none = assertThrows(NoVendorException.class,
                () -> TenantContext.runAs("acme", () -> database.requireVendor(PRODUCT, "acme")));
        assertEquals("Product", none.entity());
        assertEquals("acme", none.tenant());
        assertEquals("No current vendor for vendor-scoped entity Product (tenant 'acme'): run the call inside"
                + " TenantContext.runAsVendor(tenant, vendor, ...), or across the tenant's vendors inside"
                + " TenantContext.runTenantWide(tenant, ...); nothing was sent to the database", none.getMessage());
    }

    @Test
    void aResolverMayGiveAVendorButNeverTheTenantWideSwitch() {
        TenantResolver vendorUser = new TenantResolver() {
            @Override
            public Optional<String> currentTenant() {
                return Optional.of("acme");
            }

            @Override
            public Optional<String> currentVendor() {
                return Optional.of("north");
            }
        };
        assertEquals("north", new Database(unusedDataSource(), vendorUser).requireVendor(PRODUCT, "acme"));
        Database staff = new Database(unusedDataSource(), () -> Optional.of("acme"));
        assertThrows(NoVendorException.class, () -> staff.requireVendor(PRODUCT, "acme"));
        // an explicit block wins over the resolver, also its missing vendor
        Database database = new Database(unusedDataSource(), vendorUser);
        assertThrows(NoVendorException.class,
                () -> TenantContext.runAs("acme", () -> database.requireVendor(PRODUCT, "acme")));
    }

    @Test
    void aTenantWideBlockInsertsNoVendorScopedRow() {
        NoVendorException refused = assertThrows(NoVendorException.class,
                () -> TenantContext.runTenantWide("acme", () -> TenantKeys.vendorOfNewRow("Product", null)));
        assertEquals("Cannot insert a vendor-scoped Product tenant-wide (tenant 'acme'): a new row needs its vendor;"
                + " insert it inside TenantContext.runAsVendor(tenant, vendor, ...); nothing was sent to the database",
                refused.getMessage());
        assertEquals("north", TenantKeys.vendorOfNewRow("Product", "north"));
    }

    @Test
    void anEntityCarryingAnotherVendorIsRejected() {
        TenantKeys.requireCurrentVendor("Product", "acme", "north", null);
        TenantKeys.requireCurrentVendor("Product", "acme", "north", "north");
        TenantKeys.requireCurrentVendor("Product", "acme", null, "south");       // tenant-wide: any vendor of the tenant
        VendorMismatchException e = assertThrows(VendorMismatchException.class,
                () -> TenantKeys.requireCurrentVendor("Product", "acme", "north", "south"));
        assertEquals("vendor 'north'", e.boundScope());
        assertEquals("vendor 'south'", e.requestedScope());
        assertEquals("The Product belongs to vendor 'south', but the current vendor is 'north' (tenant 'acme');"
                + " a DAO never writes another vendor's rows", e.getMessage());
    }

    @Test
    void aVendorIdOfTheWrongShapeForAUuidOrBigintColumnIsNamedAsTheVendor() {
        InvalidTenantException uuid = assertThrows(InvalidTenantException.class, () -> TenantKeys.vendorUuid("north"));
        assertEquals("Vendor id 'north' is not a UUID, but the vendor column is uuid", uuid.getMessage());
        InvalidTenantException bigint = assertThrows(InvalidTenantException.class, () -> TenantKeys.vendorBigint("042"));
        assertEquals("Vendor id '042' is not a number in its canonical form (42); a vendor has one id", bigint.getMessage());
        assertNull(TenantKeys.vendorUuid(null));
    }

    @Test
    void aVendorAndAnActorInOneBlock() {
        String seen = TenantContext.callAsVendor("acme", "north", "alice@north", () -> TenantContext.current().orElseThrow()
                + "/" + TenantContext.currentVendor().orElseThrow() + "/" + AuditContext.current().orElseThrow());
        assertEquals("acme/north/alice@north", seen);
        assertEquals(Optional.empty(), AuditContext.current());
        assertEquals(Optional.empty(), TenantContext.currentVendor());
        assertThrows(NullPointerException.class, () -> TenantContext.runAsVendor("acme", "north", null, () -> { }));
    }

    @Test
    void theSettingsOfAStatement() {
        assertEquals("north", TenantKeys.vendorSetting("north"));
        assertEquals("", TenantKeys.tenantWideSetting("north"));
        assertEquals("", TenantKeys.vendorSetting(null));
        assertEquals("on", TenantKeys.tenantWideSetting(null));
    }
}
