package dev.tenantdao.runtime.internal;

import dev.tenantdao.runtime.ConversionException;
import dev.tenantdao.runtime.Converter;

/**
 * Calls converters for generated code: nulls pass through (unless the converter
 * {@linkplain Converter#convertsNull() converts them}), failures are wrapped naming the entity,
 * field, column and row id. Not public API.
 */
public final class Conversions {

    private Conversions() {}

    public static <J, D> D toDatabase(
            Converter<J, D> converter, J value, String entity, String field, String column, Object id) {
        if (value == null && !converter.convertsNull()) {
            return null;
        }
        try {
            return converter.toDatabase(value);
        } catch (RuntimeException e) {
            throw failure(ConversionException.Direction.WRITING, converter, entity, field, column, id, e);
        }
    }

    public static <J, D> J fromDatabase(
            Converter<J, D> converter, D value, String entity, String field, String column, Object id) {
        if (value == null && !converter.convertsNull()) {
            return null;
        }
        try {
            return converter.fromDatabase(value);
        } catch (RuntimeException e) {
            throw failure(ConversionException.Direction.READING, converter, entity, field, column, id, e);
        }
    }

    private static ConversionException failure(ConversionException.Direction direction, Converter<?, ?> converter,
            String entity, String field, String column, Object id, RuntimeException cause) {
        return new ConversionException(direction, converter.getClass(), entity, field, column, id, cause);
    }
}
