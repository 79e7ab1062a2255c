package dev.tenantdao.runtime;

/**
 * An operation on a {@link dev.tenantdao.annotations.VendorScoped} entity was called with a tenant
 * but neither a vendor ({@link TenantContext#runAsVendor}) nor an explicit tenant-wide block
 * ({@link TenantContext#runTenantWide}), or it inserts rows in a tenant-wide block (an insert needs
 * its vendor). Thrown before any connection is taken or any SQL is sent: there is no fallback to
 * "all vendors".
 */
public class NoVendorException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String tenant;

    public NoVendorException(String entity, String tenant, String message) {
        super(message);
        this.entity = entity;
        this.tenant = tenant;
    }

    /** With no vendor and no tenant-wide block. */
    static NoVendorException noVendor(String entity, String tenant) {
        return new NoVendorException(entity, tenant, "No current vendor for vendor-scoped entity " + entity
                + " (tenant '" + tenant + "'): run the call inside TenantContext.runAsVendor(tenant, vendor, ...), or"
                + " across the tenant's vendors inside TenantContext.runTenantWide(tenant, ...); nothing was sent to"
                + " the database");
    }

    /** The simple name of the vendor-scoped entity the operation was called on. */
    public String entity() {
        return entity;
    }

    /** The current tenant. */
    public String tenant() {
        return tenant;
    }
}
