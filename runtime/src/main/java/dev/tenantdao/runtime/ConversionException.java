package dev.tenantdao.runtime;

import java.util.Locale;

/** A {@link Converter} failed; the message names the entity, the field, the column and the row's id where known. */
public class ConversionException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    /** Which way the value was being converted. */
    public enum Direction {
        /** From the column's value to the field's ({@link Converter#fromDatabase}). */
        READING,
        /** From the field's value to the column's ({@link Converter#toDatabase}). */
        WRITING
    }

    private final Direction direction;
    private final String converter;
    private final String entity;
    private final String field;
    private final String column;
    private final transient Object id;

    /**
     * Every fact null: for a failure described by its message only.
     */
    public ConversionException(String message, Throwable cause) {
        super(message, cause);
        this.direction = null;
        this.converter = null;
        this.entity = null;
        this.field = null;
        this.column = null;
        this.id = null;
    }

    /**
     * The message names the converter's simple name, the direction, the entity, the field, the
     * column, the id (when known) and the cause's message.
     *
     * @param converter the converter's class
     * @param id the row's id, or null when not known (a row not inserted yet, a parameter)
     */
    public ConversionException(Direction direction, Class<?> converter, String entity, String field, String column,
            Object id, Throwable cause) {
        super(converter.getSimpleName() + " failed " + direction.name().toLowerCase(Locale.ROOT) + " " + entity + "."
                + field + " (column " + column + (id == null ? "" : ", id " + id) + "): "
                + (cause == null ? null : cause.getMessage()), cause);
        this.direction = direction;
        this.converter = converter.getName();
        this.entity = entity;
        this.field = field;
        this.column = column;
        this.id = id;
    }

    /** Whether the value was being read from the database or written to it. */
    public Direction direction() {
        return direction;
    }

    /** The converter's class name ({@link Class#getName()}, e.g. {@code com.example.MoneyConverter}). */
    public String converter() {
        return converter;
    }

    /** The simple name of the entity. */
    public String entity() {
        return entity;
    }

    /** The entity's field the value belongs to. */
    public String field() {
        return field;
    }

    /** The column the value belongs to. */
    public String column() {
        return column;
    }

    /** The row's id, or null when not known. */
    public Object id() {
        return id;
    }
}
