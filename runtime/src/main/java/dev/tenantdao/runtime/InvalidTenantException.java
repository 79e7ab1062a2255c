package dev.tenantdao.runtime;

/**
 * A tenant id cannot address a tenant: for example {@code "acme"} for a tenant column of type
 * {@code uuid}. Thrown before any SQL is sent.
 */
public class InvalidTenantException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    public InvalidTenantException(String message, Throwable cause) {
        super(message, cause);
    }
}
