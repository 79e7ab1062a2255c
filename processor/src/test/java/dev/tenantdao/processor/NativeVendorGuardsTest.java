package dev.tenantdao.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.NoVendorException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.internal.TenantKeys;
import org.junit.jupiter.api.Test;

/**
 * The runtime guards the code generated for native methods over vendor-scoped tables calls before
 * any SQL ({@code VendorNativeSqlTest} shows where): {@code :vendor} needs the current vendor, never a
 * tenant-wide block; {@code @Sql(tenantWide = true)} needs an explicit tenant-wide block, never a
 * vendor's or a plain tenant's.
 */
class NativeVendorGuardsTest {

    /** What {@code support::requireVendor} does: the vendor, null tenant-wide, or NoVendorException with neither. */
    private static String requireVendor(String tenant) {
        if (TenantContext.isTenantWide()) {
            return null;
        }
        return TenantContext.currentVendor().orElseThrow(() -> new NoVendorException("Category", tenant,
                "No current vendor for vendor-scoped entity Category"));
    }

    @Test
    void aVendorsStatementGetsTheCurrentVendor() {
        TenantContext.runAsVendor("acme", "north", () -> {
            assertEquals("north", TenantKeys.vendorOfStatement("Offer", "Offers.mine", "north"));
            assertEquals("north", TenantKeys.vendorOfStatement("Category", "Categories.mine", "acme",
                    NativeVendorGuardsTest::requireVendor));
        });
    }

    @Test
    void aVendorsStatementIsRefusedTenantWide() {
        TenantContext.runTenantWide("acme", () -> {
            NoVendorException e = assertThrows(NoVendorException.class,
                    () -> TenantKeys.vendorOfStatement("Offer", "Offers.mine", null));
            assertEquals("Offers.mine reads and changes one vendor's rows (its SQL binds :vendor), but it was called"
                    + " tenant-wide (tenant 'acme'): call it inside TenantContext.runAsVendor(tenant, vendor, ...);"
                    + " nothing was sent to the database", e.getMessage());
            assertEquals("Offer", e.entity());
            assertThrows(NoVendorException.class, () -> TenantKeys.vendorOfStatement("Category", "Categories.mine",
                    "acme", NativeVendorGuardsTest::requireVendor));
        });
    }

    @Test
    void aVendorsStatementInATenantWideEntitysRepositoryNamesItselfWithoutAVendor() {
        TenantContext.runAs("acme", () -> {
            NoVendorException e = assertThrows(NoVendorException.class, () -> TenantKeys.vendorOfStatement("Category",
                    "Categories.mine", "acme", NativeVendorGuardsTest::requireVendor));
            assertEquals("Categories.mine reads and changes one vendor's rows (its SQL binds :vendor), but there is no"
                    + " current vendor (tenant 'acme'): call it inside TenantContext.runAsVendor(tenant, vendor, ...);"
                    + " nothing was sent to the database", e.getMessage());
            assertEquals("acme", e.tenant());
        });
    }

    @Test
    void aTenantWideStatementRunsOnlyInATenantWideBlock() {
        TenantContext.runTenantWide("acme", () -> assertNull(TenantKeys.requireTenantWide("Offer",
                "Offers.offersPerVendor", "acme")));
        TenantContext.runAsVendor("acme", "north", () -> {
            NoVendorException e = assertThrows(NoVendorException.class,
                    () -> TenantKeys.requireTenantWide("Offer", "Offers.offersPerVendor", "acme"));
            assertEquals("Offers.offersPerVendor is tenant-wide (@Sql(tenantWide = true)): it reads and changes every"
                    + " vendor's rows of tenant 'acme', so it runs only inside TenantContext.runTenantWide(tenant, ...),"
                    + " never as vendor 'north'; nothing was sent to the database", e.getMessage());
        });
        TenantContext.runAs("acme", () -> assertThrows(NoVendorException.class,
                () -> TenantKeys.requireTenantWide("Offer", "Offers.offersPerVendor", "acme")));
        // a tenant's block inside a tenant-wide one is no longer tenant-wide
        TenantContext.runTenantWide("acme", () -> TenantContext.runAs("acme", () -> {
            NoVendorException e = assertThrows(NoVendorException.class,
                    () -> TenantKeys.requireTenantWide("Offer", "Offers.offersPerVendor", "acme"));
            assertTrue(!e.getMessage().contains("never as vendor"), e.getMessage());
        }));
    }
}
