package dev.tenantdao.runtime;

/** Database per tenant: the routing knows no data source for the tenant. Thrown before any SQL. */
public class UnknownTenantException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    private final String tenant;

    public UnknownTenantException(String tenant) {
        super("No database is configured for tenant '" + tenant + "'");
        this.tenant = tenant;
    }

    /** The tenant id the routing knows no data source for. */
    public String tenant() {
        return tenant;
    }
}
