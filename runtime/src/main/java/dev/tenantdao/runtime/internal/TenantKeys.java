package dev.tenantdao.runtime.internal;

import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.runtime.InvalidTenantException;
import dev.tenantdao.runtime.NoVendorException;
import dev.tenantdao.runtime.TenantMismatchException;
import java.util.UUID;

/**
 * Turns the current tenant id into the value of a tenant column, and checks the tenant an entity
 * carries. Not public API: only generated code calls it.
 */
public final class TenantKeys {

    private TenantKeys() {}

    /** The tenant id as the value of a {@code uuid} tenant column. */
    public static UUID uuid(String tenant) {
        UUID key;
        try {
            key = UUID.fromString(tenant);
        } catch (IllegalArgumentException e) {
            throw new InvalidTenantException(tenant, null,
                    "Tenant id '" + tenant + "' is not a UUID, but the tenant column is uuid", e);
        }
        // one tenant, one spelling: UUID.fromString also takes "1-1-1-1-1" and upper case
        if (!key.toString().equals(tenant)) {
            throw new InvalidTenantException(tenant, null, "Tenant id '" + tenant + "' is not a UUID in its"
                    + " canonical form (" + key + "); a tenant has one id", null);
        }
        return key;
    }

    /** The tenant id as the value of a {@code bigint} tenant column. */
    public static Long bigint(String tenant) {
        Long key;
        try {
            key = Long.valueOf(tenant);
        } catch (NumberFormatException e) {
            throw new InvalidTenantException(tenant, null,
                    "Tenant id '" + tenant + "' is not a number, but the tenant column is bigint", e);
        }
        // one tenant, one spelling: Long.valueOf also takes "042" and "+42"
        if (!key.toString().equals(tenant)) {
            throw new InvalidTenantException(tenant, null, "Tenant id '" + tenant + "' is not a number in its"
                    + " canonical form (" + key + "); a tenant has one id", null);
        }
        return key;
    }

    /**
     * Rejects an entity that carries a tenant other than the current one. A null carried tenant
     * means "the current tenant".
     */
    public static void requireCurrent(String entity, Object currentTenant, Object carriedTenant) {
        if (carriedTenant != null && !carriedTenant.equals(currentTenant)) {
            throw new TenantMismatchException(String.valueOf(currentTenant), String.valueOf(carriedTenant), entity,
                    "The " + entity + " belongs to tenant '" + carriedTenant
                    + "', but the current tenant is '" + currentTenant + "'; a DAO never writes another tenant's rows");
        }
    }

    // ---- vendors: a second scope inside the tenant ---------------------------------------------

    /**
     * The vendor of a row an insert creates: the current vendor, never null (a tenant-wide block
     * names no vendor, so it inserts no vendor-scoped row).
     *
     * @throws NoVendorException in a tenant-wide block, before any SQL
     */
    public static String vendorOfNewRow(String entity, String vendor) {
        if (vendor == null) {
            String tenant = dev.tenantdao.runtime.TenantContext.current().orElse(null);
            throw new NoVendorException(entity, tenant, "Cannot insert a vendor-scoped " + entity + " tenant-wide"
                    + (tenant == null ? "" : " (tenant '" + tenant + "')") + ": a new row needs its vendor; insert it inside"
                    + " TenantContext.runAsVendor(tenant, vendor, ...); nothing was sent to the database");
        }
        return vendor;
    }

    /**
     * The vendor a statement writing an entity runs for: {@code current}, or, tenant-wide (null), the
     * vendor the entity carries ({@code @VendorId}; null: every vendor of the tenant).
     */
    public static <T> T narrowed(T current, T carried) {
        return current != null ? current : carried;
    }

    /** A uuid or bigint vendor as the text of the settings (null stays null). */
    public static String text(Object vendor) {
        return vendor == null ? null : vendor.toString();
    }

    /** The vendor row-level-security setting of a statement: the vendor, or {@code ''} tenant-wide. */
    public static String vendorSetting(String vendor) {
        return vendor == null ? "" : vendor;
    }

    /** The tenant-wide switch of a statement: {@code on} in a tenant-wide block (no vendor), else {@code ''}. */
    public static String tenantWideSetting(String vendor) {
        return vendor == null ? Wire.TENANT_WIDE : "";
    }

    /** The vendor id as the value of a {@code uuid} vendor column (null tenant-wide). */
    public static UUID vendorUuid(String vendor) {
        try {
            return vendor == null ? null : uuid(vendor);
        } catch (InvalidTenantException e) {
            throw asVendor(vendor, e);
        }
    }

    /** {@code e}, about a tenant id, said of the vendor id {@code vendor}. */
    private static InvalidTenantException asVendor(String vendor, InvalidTenantException e) {
        return new InvalidTenantException(vendor, null, "Vendor id" + e.getMessage().substring("Tenant id".length())
                .replace("the tenant column", "the vendor column").replace("a tenant has", "a vendor has"), e.getCause());
    }

    /** The vendor id as the value of a {@code bigint} vendor column (null tenant-wide). */
    public static Long vendorBigint(String vendor) {
        try {
            return vendor == null ? null : bigint(vendor);
        } catch (InvalidTenantException e) {
            throw asVendor(vendor, e);
        }
    }

    // ---- native SQL ({@code @Sql}) and vendors ---------------------------------------------------

    /**
     * The vendor a native statement binds as {@code :vendor}: the current one, never null.
     *
     * @param entity the repository's entity, for the exception
     * @param operation the repository method ({@code Offers.mine}), for the message
     * @param vendor the current vendor, or null in a tenant-wide block
     * @throws NoVendorException in a tenant-wide block, before any SQL
     */
    public static String vendorOfStatement(String entity, String operation, String vendor) {
        if (vendor == null) {
            String tenant = dev.tenantdao.runtime.TenantContext.current().orElse(null);
            throw new NoVendorException(entity, tenant, operation + " reads and changes one vendor's rows (its SQL"
                    + " binds :vendor), but it was called tenant-wide" + (tenant == null ? "" : " (tenant '" + tenant
                    + "')") + ": call it inside TenantContext.runAsVendor(tenant, vendor, ...); nothing was sent to the"
                    + " database");
        }
        return vendor;
    }

    /**
     * {@link #vendorOfStatement(String, String, String)} for the repository of an entity that is not
     * vendor-scoped, whose {@code current} ({@code DaoSupport.requireVendor}) would name that entity:
     * the current vendor of {@code tenant}, never null.
     *
     * @throws NoVendorException with neither a vendor nor a tenant-wide block, or in a tenant-wide
     *     block, before any SQL
     */
    public static String vendorOfStatement(String entity, String operation, String tenant,
            java.util.function.UnaryOperator<String> current) {
        String vendor;
        try {
            vendor = current.apply(tenant);
        } catch (NoVendorException e) {
            throw new NoVendorException(entity, tenant, operation + " reads and changes one vendor's rows (its SQL"
                    + " binds :vendor), but there is no current vendor (tenant '" + tenant + "'): call it inside"
                    + " TenantContext.runAsVendor(tenant, vendor, ...); nothing was sent to the database");
        }
        return vendorOfStatement(entity, operation, vendor);
    }

    /**
     * Refuses a tenant-wide native statement ({@code @Sql(tenantWide = true)}) outside an explicit
     * tenant-wide block ({@code TenantContext.runTenantWide}): with a current vendor (whose user must
     * never see another vendor's rows), or with neither.
     *
     * @return the vendor of the statement: null, so its row-level-security settings name no vendor and
     *     switch tenant-wide on
     * @throws NoVendorException outside a tenant-wide block, before any SQL
     */
    public static String requireTenantWide(String entity, String operation, String tenant) {
        if (!dev.tenantdao.runtime.TenantContext.isTenantWide()) {
            String vendor = dev.tenantdao.runtime.TenantContext.currentVendor().orElse(null);
            throw new NoVendorException(entity, tenant, operation + " is tenant-wide (@Sql(tenantWide = true)): it"
                    + " reads and changes every vendor's rows of tenant '" + tenant + "', so it runs only inside"
                    + " TenantContext.runTenantWide(tenant, ...)" + (vendor == null ? "" : ", never as vendor '"
                    + vendor + "'") + "; nothing was sent to the database");
        }
        return null;
    }

    /**
     * Rejects an entity that carries a vendor ({@code @VendorId}) other than the current one. A null
     * carried vendor means "the current vendor"; tenant-wide (no current vendor), any is taken.
     */
    public static void requireCurrentVendor(String entity, String tenant, Object currentVendor, Object carriedVendor) {
        if (carriedVendor != null && currentVendor != null && !carriedVendor.equals(currentVendor)) {
            throw new dev.tenantdao.runtime.VendorMismatchException(entity, tenant, "vendor '" + currentVendor + "'",
                    "vendor '" + carriedVendor + "'", "The " + entity + " belongs to vendor '" + carriedVendor
                    + "', but the current vendor is '" + currentVendor + "' (tenant '" + tenant
                    + "'); a DAO never writes another vendor's rows");
        }
    }
}
