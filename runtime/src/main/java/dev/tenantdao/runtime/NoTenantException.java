package dev.tenantdao.runtime;

/**
 * A tenanted operation was called with no current tenant. Thrown before any connection is taken
 * or any SQL is sent: there is no fallback to "all tenants".
 */
public class NoTenantException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    private final String entity;

    public NoTenantException(String entity) {
        super("No current tenant for tenanted entity " + entity
                + ": run the call inside TenantContext.runAs(tenant, ...) or configure a TenantResolver");
        this.entity = entity;
    }

    /** The simple name of the tenanted entity the operation was called on. */
    public String entity() {
        return entity;
    }
}
