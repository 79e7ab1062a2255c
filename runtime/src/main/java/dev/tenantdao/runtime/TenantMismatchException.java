package dev.tenantdao.runtime;

/**
 * An operation would cross tenants: an entity carries a tenant other than the current one, or the
 * current tenant changed inside an open transaction. Thrown before any SQL is sent.
 */
public class TenantMismatchException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    public TenantMismatchException(String message) {
        super(message);
    }
}
