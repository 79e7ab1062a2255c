package dev.tenantdao.runtime;

import java.sql.SQLException;

/** A statement failed in the database or the driver; the cause is the driver's {@link SQLException}. */
public class DataAccessException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    public DataAccessException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    /** The five-character SQLSTATE of the failure, e.g. {@code 23505} for a unique violation. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
