package dev.tenantdao.runtime;

/** Database per tenant: the routing knows no data source for the tenant. Thrown before any SQL. */
public class UnknownTenantException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    public UnknownTenantException(String tenant) {
        super("No database is configured for tenant '" + tenant + "'");
    }
}
