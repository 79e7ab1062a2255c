package dev.tenantdao.runtime;

import java.sql.SQLException;

/** A statement failed in the database or the driver; the cause is the driver's {@link SQLException}. */
public class DataAccessException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    private final String operation;

    /** Operation unknown: the message is {@code message + ": " +} the driver's message. */
    public DataAccessException(String message, SQLException cause) {
        this(null, message, cause);
    }

    /**
     * The message is {@code message + ": " +} the driver's message, e.g. {@code "Invoice.findById
     * failed: ..."}.
     *
     * @param operation what failed, e.g. {@code "Invoice.findById"}
     */
    public DataAccessException(String operation, String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.operation = operation;
    }

    /**
     * What failed: the DAO method (e.g. {@code "Invoice.findById"}), or the runtime's own work
     * (e.g. {@code "Transaction.commit"}, {@code "Schema.create"}); null when not known.
     */
    public String operation() {
        return operation;
    }

    /** The five-character SQLSTATE of the failure, e.g. {@code 23505} for a unique violation. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
