package dev.tenantdao.runtime;

/**
 * A value read from the database cannot be put into the entity: for example NULL in a column whose
 * field is primitive. The message names the entity and the column.
 */
public class MappingException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
