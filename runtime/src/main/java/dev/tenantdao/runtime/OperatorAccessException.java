package dev.tenantdao.runtime;

/**
 * An operator call refused by the runtime, before any SQL: a {@link Database} without an operator
 * data source, a write in a block not opened for writes, an entity operator access does not reach,
 * {@code asOperator} inside another transaction; or an operator block whose call failed.
 */
public class OperatorAccessException extends TenantDaoException {

    private static final long serialVersionUID = 1L;

    public OperatorAccessException(String message) {
        super(message);
    }

    public OperatorAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
