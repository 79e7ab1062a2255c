package dev.tenantdao.runtime;

/**
 * A value read from the database cannot be put into the entity: for example NULL in a column whose
 * field is primitive. The message names the entity and the column.
 */
public class MappingException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String column;

    /** Entity and column unknown. */
    public MappingException(String message) {
        this(null, null, message);
    }

    /** Entity and column unknown. */
    public MappingException(String message, Throwable cause) {
        this(null, null, message, cause);
    }

    /**
     * @param entity the simple name of the entity, or null when not known
     * @param column the column the value was read from, or null when not known
     */
    public MappingException(String entity, String column, String message) {
        super(message);
        this.entity = entity;
        this.column = column;
    }

    /**
     * @param entity the simple name of the entity, or null when not known
     * @param column the column the value was read from, or null when not known
     */
    public MappingException(String entity, String column, String message, Throwable cause) {
        super(message, cause);
        this.entity = entity;
        this.column = column;
    }

    /** The simple name of the entity the value was read for, or null when not known. */
    public String entity() {
        return entity;
    }

    /** The column the value was read from, or null when not known. */
    public String column() {
        return column;
    }
}
