package dev.tenantdao.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.ValueType;

/**
 * The one place that knows how each column value is bound to a statement and read from a row, by
 * its {@link ValueType} and declared column type. Works on the database side of a converter; the
 * converter call itself is added around it by the DAO writer.
 */
final class JdbcCode {

    static final ClassName JDBC = ClassName.get("dev.tenantdao.runtime.internal", "Jdbc");

    private JdbcCode() {}

    /** A statement binding {@code value} (of the column's database-side type) to parameter {@code index}. */
    static CodeBlock bind(Property property, String statement, int index, CodeBlock value) {
        if (property.mapping().customType() != null) {
            return CodeBlock.of("$T.setOther($L, $L, $L)", JDBC, statement, index, value);
        }
        ValueType type = property.valueType();
        if (type == ValueType.LIST || type == ValueType.ARRAY) {
            ValueType element = property.mapping().elementType();
            if (element == ValueType.ENUM) {
                return CodeBlock.of("$T.$L($L, $L, $L)", JDBC, type == ValueType.LIST ? "setEnumList" : "setEnumArray",
                        statement, index, value);
            }
            return CodeBlock.of("$T.$L($L, $L, $S, $L)", JDBC, type == ValueType.LIST ? "setList" : "setArray",
                    statement, index, element.arrayElementName(), value);
        }
        return bind(type, statement, index, value);
    }

    /** A statement binding a plain {@code type} value (ids, keys). */
    static CodeBlock bind(ValueType type, String statement, int index, CodeBlock value) {
        return switch (type) {
            case PRIMITIVE_LONG -> CodeBlock.of("$L.setLong($L, $L)", statement, index, value);
            case PRIMITIVE_INT -> CodeBlock.of("$L.setInt($L, $L)", statement, index, value);
            case PRIMITIVE_SHORT -> CodeBlock.of("$L.setShort($L, $L)", statement, index, value);
            case PRIMITIVE_DOUBLE -> CodeBlock.of("$L.setDouble($L, $L)", statement, index, value);
            case PRIMITIVE_FLOAT -> CodeBlock.of("$L.setFloat($L, $L)", statement, index, value);
            case PRIMITIVE_BOOLEAN -> CodeBlock.of("$L.setBoolean($L, $L)", statement, index, value);
            case LONG -> CodeBlock.of("$T.setLong($L, $L, $L)", JDBC, statement, index, value);
            case INTEGER -> CodeBlock.of("$T.setInt($L, $L, $L)", JDBC, statement, index, value);
            case SHORT -> CodeBlock.of("$T.setShort($L, $L, $L)", JDBC, statement, index, value);
            case DOUBLE -> CodeBlock.of("$T.setDouble($L, $L, $L)", JDBC, statement, index, value);
            case FLOAT -> CodeBlock.of("$T.setFloat($L, $L, $L)", JDBC, statement, index, value);
            case BOOLEAN -> CodeBlock.of("$T.setBoolean($L, $L, $L)", JDBC, statement, index, value);
            case STRING -> CodeBlock.of("$L.setString($L, $L)", statement, index, value);
            case BIG_DECIMAL -> CodeBlock.of("$L.setBigDecimal($L, $L)", statement, index, value);
            case BYTES -> CodeBlock.of("$L.setBytes($L, $L)", statement, index, value);
            case INSTANT -> CodeBlock.of("$T.setInstant($L, $L, $L)", JDBC, statement, index, value);
            case ENUM -> CodeBlock.of("$T.setEnum($L, $L, $L)", JDBC, statement, index, value);
            case UUID, OFFSET_DATE_TIME, LOCAL_DATE, LOCAL_DATE_TIME, LOCAL_TIME ->
                    CodeBlock.of("$L.setObject($L, $L)", statement, index, value);
            case LIST, ARRAY -> throw new IllegalArgumentException("arrays are bound through their property");
        };
    }

    /**
     * An expression reading column {@code index} of {@code rows} as the column's database-side
     * type {@code javaType}; NULL in a primitive column fails with a message naming {@code entity}
     * and the column.
     */
    static CodeBlock read(Property property, TypeName javaType, String rows, int index, String entity) {
        ValueType type = property.valueType();
        String column = property.column();
        if (type == ValueType.LIST || type == ValueType.ARRAY) {
            TypeName element = TypeName.get(property.mapping().elementJavaType());
            CodeBlock convert = property.mapping().elementType() == ValueType.ENUM
                    ? CodeBlock.of("v -> $T.valueOf((String) v)", element)
                    : CodeBlock.of("$T.class::cast", element);
            return type == ValueType.LIST
                    ? CodeBlock.of("$T.getList($L, $L, $L)", JDBC, rows, index, convert)
                    : CodeBlock.of("$T.getArray($L, $L, $L, $T::new)", JDBC, rows, index, convert,
                            ArrayTypeName.of(element));
        }
        return read(type, javaType, rows, index, entity, column);
    }

    /**
     * An expression reading column {@code index} of {@code rows} as a plain {@code type} value (not a
     * list or array) of Java type {@code javaType}; NULL in a primitive fails naming {@code entity}
     * and {@code column}.
     */
    static CodeBlock read(ValueType type, TypeName javaType, String rows, int index, String entity, String column) {
        return switch (type) {
            case PRIMITIVE_LONG -> CodeBlock.of("$T.getLong($L, $L, $S, $S)", JDBC, rows, index, entity, column);
            case PRIMITIVE_INT -> CodeBlock.of("$T.getInt($L, $L, $S, $S)", JDBC, rows, index, entity, column);
            case PRIMITIVE_SHORT -> CodeBlock.of("$T.getShort($L, $L, $S, $S)", JDBC, rows, index, entity, column);
            case PRIMITIVE_DOUBLE -> CodeBlock.of("$T.getDouble($L, $L, $S, $S)", JDBC, rows, index, entity, column);
            case PRIMITIVE_FLOAT -> CodeBlock.of("$T.getFloat($L, $L, $S, $S)", JDBC, rows, index, entity, column);
            case PRIMITIVE_BOOLEAN -> CodeBlock.of("$T.getBoolean($L, $L, $S, $S)", JDBC, rows, index, entity, column);
            case LONG -> CodeBlock.of("$T.getBoxedLong($L, $L)", JDBC, rows, index);
            case INTEGER -> CodeBlock.of("$T.getBoxedInt($L, $L)", JDBC, rows, index);
            case SHORT -> CodeBlock.of("$T.getBoxedShort($L, $L)", JDBC, rows, index);
            case DOUBLE -> CodeBlock.of("$T.getBoxedDouble($L, $L)", JDBC, rows, index);
            case FLOAT -> CodeBlock.of("$T.getBoxedFloat($L, $L)", JDBC, rows, index);
            case BOOLEAN -> CodeBlock.of("$T.getBoxedBoolean($L, $L)", JDBC, rows, index);
            case STRING -> CodeBlock.of("$L.getString($L)", rows, index);
            case BIG_DECIMAL -> CodeBlock.of("$L.getBigDecimal($L)", rows, index);
            case BYTES -> CodeBlock.of("$L.getBytes($L)", rows, index);
            case INSTANT -> CodeBlock.of("$T.getInstant($L, $L)", JDBC, rows, index);
            case ENUM -> CodeBlock.of("$T.getEnum($L, $L, $T::valueOf, $S, $S)", JDBC, rows, index, javaType, entity,
                    column);
            case UUID, OFFSET_DATE_TIME, LOCAL_DATE, LOCAL_DATE_TIME, LOCAL_TIME ->
                    CodeBlock.of("$L.getObject($L, $T.class)", rows, index, javaType);
            case LIST, ARRAY -> throw new IllegalArgumentException("lists and arrays are read through their property");
        };
    }
}
