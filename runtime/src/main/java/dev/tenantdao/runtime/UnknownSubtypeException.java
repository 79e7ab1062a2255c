package dev.tenantdao.runtime;

/**
 * A row of a polymorphic table has a discriminator value that names no subtype the DAO was
 * generated for (a row written by other code, or by a newer version of the application). The
 * message names the table, the column, the value and the row's id, so the row can be found.
 */
public class UnknownSubtypeException extends MappingException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final String value;
    private final transient Object id;

    public UnknownSubtypeException(String entity, String table, String column, String value, Object id) {
        super(entity, column, "Unknown " + entity + " subtype in table " + table + ": " + column + " = "
                + (value == null ? "NULL" : "'" + value + "'") + " names no subtype of " + entity + " (row id = "
                + id + ")");
        this.table = table;
        this.value = value;
        this.id = id;
    }

    /** The hierarchy's root entity, by simple name. */
    @Override
    public String entity() {
        return super.entity();
    }

    /** The table the row was read from. */
    public String table() {
        return table;
    }

    /** The discriminator column. */
    @Override
    public String column() {
        return super.column();
    }

    /** The discriminator value found, or null. */
    public String value() {
        return value;
    }

    /** The id of the row, as the driver read it. */
    public Object id() {
        return id;
    }
}
