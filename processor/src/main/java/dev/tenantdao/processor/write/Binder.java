package dev.tenantdao.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tenantdao.processor.model.ConverterModel;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.ValueType;
import dev.tenantdao.processor.sql.Parameter;
import dev.tenantdao.processor.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * The one place that writes values to statements and reads them from rows: one line per
 * {@link Parameter} of a {@link Statement}, one expression per column read, and the only code that
 * emits converter calls ({@code Conversions.toDatabase} and {@code fromDatabase}).
 */
final class Binder {

    private final DaoContext dao;

    Binder(DaoContext dao) {
        this.dao = dao;
    }

    /** Binds every parameter of {@code statement}, reading entity values from the entity variable. */
    CodeBlock bind(Statement statement, String idArgument, Locals locals) {
        return bind(statement, idArgument, dao.var(), locals);
    }

    /**
     * Binds every parameter of {@code statement}, in order, from where {@link Parameter} says it
     * comes from; entity values are read from {@code target}.
     *
     * @param idArgument the local holding the id, for {@link Parameter.Source#ID_ARGUMENT}
     */
    CodeBlock bind(Statement statement, String idArgument, String target, Locals locals) {
        CodeBlock.Builder code = CodeBlock.builder();
        // a converted value bound more than once (an audited update compares it too) is converted once
        Map<Property, String> converted = new LinkedHashMap<>();
        for (Parameter parameter : statement.parameters()) {
            Property property = parameter.property();
            if (parameter.source() == Parameter.Source.ENTITY && property.mapping().converter() != null
                    && !converted.containsKey(property)
                    && statement.parameters().stream().filter(p -> p.source() == Parameter.Source.ENTITY
                            && p.property() == property).count() > 1) {
                String local = locals.newName(Locals.convertedLocal(property), "converted " + property.name());
                converted.put(property, local);
                code.addStatement("$T $L = $L", TypeName.get(property.mapping().converter().databaseType()), local,
                        databaseValue(property, target));
            }
        }
        int index = 1;
        // the entity a statement writes (an update): its carried vendor narrows a tenant-wide statement
        String written = statement.parameters().stream().anyMatch(p -> p.source() == Parameter.Source.ENTITY)
                ? target : null;
        for (Parameter parameter : statement.parameters()) {
            code.addStatement(switch (parameter.source()) {
                case TENANT -> dao.tenant().bind(index);
                case TENANT_SETTING -> dao.tenant().bindSetting(index);
                case VENDOR -> dao.tenant().bindVendor(index, written);
                case NEW_ROW_VENDOR -> dao.tenant().bindNewRowVendor(index);
                case VENDOR_SETTING -> dao.tenant().bindVendorSetting(index, written);
                case TENANT_WIDE_SETTING -> dao.tenant().bindTenantWideSetting(index, written);
                case ENTITY -> JdbcCode.bind(parameter.property(), "statement", index,
                        converted.containsKey(parameter.property())
                                ? CodeBlock.of("$L", converted.get(parameter.property()))
                                : databaseValue(parameter.property(), target));
                case ID_ARGUMENT -> JdbcCode.bind(parameter.property().valueType(), "statement", index,
                        CodeBlock.of("$L", idArgument));
                case LIMIT -> CodeBlock.of("statement.setInt($L, limit)", index);
                case OFFSET -> CodeBlock.of("statement.setLong($L, offset)", index);
                case ACTOR -> actor(index);
                case ARGUMENT -> JdbcCode.bind(parameter.argumentType(), "statement", index,
                        CodeBlock.of("$L", parameter.argument()));
                case QUERY -> queryValue(parameter, index);
            });
            index++;
        }
        return code.build();
    }

    /**
     * A repository method's parameter: as the column it is compared with or assigned to (through
     * its converter), a collection as one array, a {@code LIKE} value as its pattern; else by its own type.
     */
    private CodeBlock queryValue(Parameter parameter, int index) {
        Parameter.Query how = parameter.query();
        Property property = parameter.property();
        String argument = parameter.argument();
        if (how.array()) {
            ConverterModel converter = property == null ? null : property.mapping().converter();
            ValueType element = property != null ? property.valueType() : how.javaValueType();
            CodeBlock toDatabase = converter == null ? CodeBlock.of("value -> value")
                    : CodeBlock.of("value -> $T.toDatabase($L, value, $S, $S, $S, null)", Types.CONVERSIONS,
                            dao.fields().converter(converter), how.entity(), property.name(), property.column());
            CodeBlock values = how.arrayParameter() ? CodeBlock.of("$T.asList($L)", Types.ARRAYS, argument)
                    : CodeBlock.of("$L", argument);
            return CodeBlock.of("$T.setAny(statement, $L, $S, $L, $L, $L)", Types.REPOSITORIES, index,
                    element.unnestElementName(), values, toDatabase, element.unnestsAsText());
        }
        if (how.match() != null) {
            return CodeBlock.of("statement.setString($L, $T.like($L, $T.Match.$L))", index, Types.REPOSITORIES, argument,
                    Types.REPOSITORIES, how.match());
        }
        if (property != null && property.mapping().converter() != null) {
            ConverterModel converter = property.mapping().converter();
            return JdbcCode.bind(property, "statement", index, CodeBlock.of("$T.toDatabase($L, $L, $S, $S, $S, null)",
                    Types.CONVERSIONS, dao.fields().converter(converter), argument, how.entity(), property.name(),
                    property.column()));
        }
        if (property != null && (property.mapping().customType() != null || how.javaValueType() == null
                || property.valueType() == ValueType.LIST || property.valueType() == ValueType.ARRAY)) {
            return JdbcCode.bind(property, "statement", index, CodeBlock.of("$L", argument));
        }
        return JdbcCode.bind(how.javaValueType(), "statement", index, CodeBlock.of("$L", argument));
    }

    private static CodeBlock actor(int index) {
        return CodeBlock.of("statement.setString($L, $T.actor())", index, Types.AUDIT_CONTEXT);
    }

    // ---- a set-based insert: one array per column ----------------------------------------------------

    /**
     * The arrays of a set-based insert ({@code INSERT ... SELECT FROM unnest(?, ...)}): one local per
     * entity parameter of {@code insertAll}, each holding its column's values of every row.
     */
    ColumnArrays columnArrays(Statement insertAll, Locals locals) {
        Map<Property, String> arrays = new LinkedHashMap<>();
        for (Parameter parameter : insertAll.parameters()) {
            if (parameter.source() == Parameter.Source.ENTITY) {
                arrays.put(parameter.property(), locals.newName(Locals.columnArray(parameter.property()),
                        "column " + parameter.property().name()));
            }
        }
        return new ColumnArrays(insertAll, arrays);
    }

    /** The locals of a set-based insert, per property (see {@link #columnArrays}). */
    final class ColumnArrays {

        private final Statement insertAll;
        private final Map<Property, String> arrays;

        private ColumnArrays(Statement insertAll, Map<Property, String> arrays) {
            this.insertAll = insertAll;
            this.arrays = arrays;
        }

        /** Declares each array, of {@code size} elements. */
        CodeBlock declare(String size) {
            CodeBlock.Builder code = CodeBlock.builder();
            arrays.values().forEach(array -> code.addStatement("Object[] $L = new Object[$L]", array, size));
            return code.build();
        }

        /** Sets element {@code i} of each array from {@code row}, through converters. */
        CodeBlock fill(String row, String i) {
            CodeBlock.Builder code = CodeBlock.builder();
            arrays.forEach((property, array) -> {
                CodeBlock value = databaseValue(property, row);
                code.addStatement("$L[$L] = $L", array, i, property.valueType().unnestsAsText()
                        ? CodeBlock.of("$T.text($L)", Types.JDBC, value) : value);
            });
            return code.build();
        }

        /** Binds each parameter of the statement: the tenant and the actor as values, the arrays as SQL arrays. */
        CodeBlock bind() {
            CodeBlock.Builder code = CodeBlock.builder();
            int index = 1;
            for (Parameter parameter : insertAll.parameters()) {
                code.addStatement(switch (parameter.source()) {
                    case TENANT_SETTING -> dao.tenant().bindSetting(index);
                    case TENANT -> dao.tenant().bind(index);
                    case VENDOR -> dao.tenant().bindVendor(index);
                    case NEW_ROW_VENDOR -> dao.tenant().bindNewRowVendor(index);
                    case VENDOR_SETTING -> dao.tenant().bindVendorSetting(index);
                    case TENANT_WIDE_SETTING -> dao.tenant().bindTenantWideSetting(index);
                    case ACTOR -> actor(index);
                    default -> CodeBlock.of("statement.setArray($L, connection.createArrayOf($S, $L))", index,
                            parameter.property().valueType().unnestElementName(), arrays.get(parameter.property()));
                });
                index++;
            }
            return code.build();
        }
    }

    // ---- reading -----------------------------------------------------------------------------------

    /**
     * Reads column {@code index} of {@code rows} into {@code property} of {@code entity} (the DAO's
     * entity or, in a hierarchy root's DAO, a subtype), through its converter if any (whose errors
     * name the row by the id in column {@code idIndex}).
     */
    CodeBlock readColumn(EntityModel entity, Property property, int index, int idIndex) {
        ConverterModel converter = property.mapping().converter();
        String name = entity.name();
        if (converter == null) {
            return JdbcCode.read(property, TypeName.get(property.type()), "rows", index, name);
        }
        CodeBlock column = JdbcCode.read(property, TypeName.get(converter.databaseType()), "rows", index, name);
        return CodeBlock.of("$T.fromDatabase($L, $L, $S, $S, $S, rows.getObject($L))", Types.CONVERSIONS,
                dao.fields().converter(converter), column, name, property.name(), property.column(), idIndex);
    }

    /** The value written for {@code property} of {@code target}: through its converter if any. */
    private CodeBlock databaseValue(Property property, String target) {
        ConverterModel converter = property.mapping().converter();
        if (converter == null) {
            return DaoContext.read(property, target);
        }
        return CodeBlock.of("$T.toDatabase($L, $L, $S, $S, $S, $L)", Types.CONVERSIONS,
                dao.fields().converter(converter), DaoContext.read(property, target), dao.name(), property.name(),
                property.column(), DaoContext.read(dao.id(), target));
    }

    // ---- the converters ------------------------------------------------------------------------------

    /**
     * One constant per converter {@code properties} use (the DAO's one instance of it: {@code
     * MONEY_CONVERTER} for {@code MoneyConverter}, named by the DAO's field names), in
     * qualified-name order.
     */
    void addConverterConstants(TypeSpec.Builder type, List<Property> properties) {
        Map<String, ConverterModel> byName = new TreeMap<>();
        for (Property property : properties) {
            ConverterModel converter = property.mapping().converter();
            if (converter != null) {
                byName.putIfAbsent(converter.converter().getQualifiedName().toString(), converter);
            }
        }
        byName.values().forEach(converter -> {
            ClassName converterType = ClassName.get(converter.converter());
            type.addField(FieldSpec.builder(converterType, dao.fields().converter(converter), Modifier.PRIVATE,
                            Modifier.STATIC, Modifier.FINAL)
                    .initializer(converter.instanceField() != null
                            ? CodeBlock.of("$T.$L", converterType, converter.instanceField())
                            : CodeBlock.of("new $T()", converterType))
                    .build());
        });
    }
}
