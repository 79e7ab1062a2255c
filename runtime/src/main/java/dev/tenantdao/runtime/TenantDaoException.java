package dev.tenantdao.runtime;

/** The root of every exception tenantdao throws. Unchecked, like Jdbi's and jOOQ's. */
public class TenantDaoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TenantDaoException(String message) {
        super(message);
    }

    public TenantDaoException(String message, Throwable cause) {
        super(message, cause);
    }
}
