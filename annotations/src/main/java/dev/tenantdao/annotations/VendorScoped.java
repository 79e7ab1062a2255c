package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@link Tenanted} entity's rows belong to one vendor of their tenant (a seller of a
 * marketplace, a store of a franchise, a branch): a second scope nested inside the tenant and
 * enforced the same way.
 *
 * <p>The table gets a vendor column ({@link #column()}, typed like the tenant column: {@link
 * Tenanted#columnType()}), after the tenant column in the primary key, in unique constraints and
 * conflict targets, and in every foreign key between vendor-scoped entities, so a row can never
 * reference another vendor's row. A vendor-scoped entity may reference a tenant-wide one of its
 * tenant; the reverse is a compile error.
 *
 * <p>Every generated statement carries the vendor predicate beside the tenant predicate. A call
 * needs a current vendor ({@code TenantContext.runAsVendor(tenant, vendor, ...)}) or an explicit
 * tenant-wide block ({@code TenantContext.runTenantWide(tenant, ...)}, which reads, changes and
 * deletes the rows of all of the tenant's vendors but inserts none); with neither it throws
 * {@code NoVendorException} before any SQL. Under row-level security the policy checks the vendor
 * too, and allows the whole tenant only through the tenant-wide block's own setting.
 *
 * <p>The table also gets a unique key on the tenant column and the id: an id is one row of the tenant
 * whatever its vendor, so a tenant-wide call by id meets one row (an id the application assigns is
 * refused with SQL state {@code 23505} when another vendor of the tenant holds it, which tells that
 * vendor the id is taken: prefer generated ids where that matters).
 *
 * <p>Put it on the entity (a hierarchy's root, for the whole hierarchy). The vendor column is not
 * a field; a {@link VendorId} field exposes it read-only.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface VendorScoped {

    /**
     * The transaction-local PostgreSQL setting holding the current vendor for row-level security
     * policies (empty in a tenant-wide block).
     */
    String VENDOR_SETTING = dev.tenantdao.annotations.internal.Wire.VENDOR_SETTING;

    /**
     * The transaction-local setting a tenant-wide block sets to {@code on}; the policies let a
     * statement see every vendor of its tenant only then.
     */
    String TENANT_WIDE_SETTING = dev.tenantdao.annotations.internal.Wire.TENANT_WIDE_SETTING;

    /** The vendor column. */
    String column() default "vendor_id";
}
