package dev.tenantdao.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.tenantdao.processor.model.ValueType;

/** The one place that knows how each {@link ValueType} is bound to a statement and read from a row. */
final class JdbcCode {

    static final ClassName JDBC = ClassName.get("dev.tenantdao.runtime.internal", "Jdbc");

    private JdbcCode() {}

    /** A statement binding {@code value} to parameter {@code index} of {@code statement}. */
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
        };
    }

    /**
     * An expression reading column {@code index} of {@code rows} as {@code javaType}; NULL in a
     * primitive column fails with a message naming {@code entity} and {@code column}.
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
        };
    }
}
