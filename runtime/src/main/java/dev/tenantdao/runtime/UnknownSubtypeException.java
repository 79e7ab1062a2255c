package dev.tenantdao.runtime;

/**
 * A row of a polymorphic table has a discriminator value that names no subtype the DAO was
 * generated for (a row written by other code, or by a newer version of the application).
 */
public class UnknownSubtypeException extends MappingException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final String value;

    public UnknownSubtypeException(String entity, String table, String column, String value) {
        super("Unknown " + entity + " subtype in table " + table + ": " + column + " = "
                + (value == null ? "NULL" : "'" + value + "'") + " names no subtype of " + entity);
        this.table = table;
        this.value = value;
    }

    /** The table the row was read from. */
    public String table() {
        return table;
    }

    /** The discriminator value found, or null. */
    public String value() {
        return value;
    }
}
