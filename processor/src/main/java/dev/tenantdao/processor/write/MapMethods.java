package dev.tenantdao.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.tenantdao.processor.model.Access;
import dev.tenantdao.processor.model.Construction;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.sql.InsertReadBack;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code map(rows)}: the entity in the current row; for a class filled through setters, also
 * {@code fill(rows, entity)}, which writes use to fill the caller's instance.
 */
final class MapMethods {

    private final DaoContext dao;

    MapMethods(DaoContext dao) {
        this.dao = dao;
    }

    List<MethodSpec> methods() {
        ClassName type = dao.type();
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < dao.entity().properties().size(); i++) {
            columns.add(i + 1);
        }
        MethodSpec.Builder map = MethodSpec.methodBuilder("map")
                .addJavadoc("The {@code $L} in the current row of {@code rows}, whose columns are in select order.\n",
                        dao.name())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(type)
                .addException(Types.SQL_EXCEPTION)
                .addParameter(Types.RESULT_SET, "rows");
        List<MethodSpec> methods = new ArrayList<>();
        if (InsertReadBack.narrows(dao.entity())) {
            methods.add(inserted());
        }
        if (!dao.fillsInstances()) {
            methods.add(0, map.addCode(body(dao.entity(), columns, Locals.withoutEntity(dao))).build());
            return methods;
        }
        methods.addAll(0, List.of(map.addStatement("return fill(rows, new $T())", type).build(),
                MethodSpec.methodBuilder("fill")
                        .addJavadoc("Sets every mapped field of {@code $L} from the current row of {@code rows}, and returns it.\n",
                                dao.var())
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(type)
                        .addException(Types.SQL_EXCEPTION)
                        .addParameter(Types.RESULT_SET, "rows")
                        .addParameter(type, dao.var())
                        .addCode(setters(dao.entity(), columns, dao.var()))
                        .addStatement("return $L", dao.var())
                        .build()));
        return methods;
    }

    /**
     * {@code asInserted(rows, entity)}: the row an insert stored, from the columns it read back (only
     * what the database filled in, see {@link InsertReadBack}) in the current row of {@code rows} and
     * every other value from {@code entity}, as written; a class filled through setters gets the
     * read-back values set, a record (or a class built through its constructor) is built anew.
     */
    private MethodSpec inserted() {
        EntityModel entity = dao.entity();
        List<Property> readBack = InsertReadBack.columns(entity);
        int idIndex = readBack.indexOf(entity.id()) + 1;
        String var = dao.var();
        CodeBlock.Builder body = CodeBlock.builder();
        if (dao.fillsInstances()) {
            for (int i = 0; i < readBack.size(); i++) {
                Property property = readBack.get(i);
                body.add(set(property, var, dao.binder().readColumn(entity, property, i + 1, idIndex)));
            }
            body.addStatement("return $L", var);
        } else {
            body.add(construct(entity, property -> {
                int index = readBack.indexOf(property);
                return index >= 0 ? dao.binder().readColumn(entity, property, index + 1, idIndex)
                        : DaoContext.read(property, var);
            }));
        }
        return MethodSpec.methodBuilder("asInserted")
                .addJavadoc("The {@code $L} an insert of {@code $L} stored: the columns the database fills in, or may store other\n"
                        + "than written ($L), read back in the current row of {@code rows}; the values of {@code $L}\n"
                        + "for the others, which are stored exactly as written.\n",
                        dao.name(), var, readBack.stream().map(p -> "{@code " + p.column() + "}").collect(
                                java.util.stream.Collectors.joining(", ")), var)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(dao.type())
                .addException(Types.SQL_EXCEPTION)
                .addParameter(Types.RESULT_SET, "rows")
                .addParameter(dao.type(), var)
                .addCode(body.build())
                .build();
    }

    /**
     * Creates {@code entity} (the DAO's, or a subtype of a hierarchy root's) from the current row of
     * {@code rows}, reading each property (in property order) from its column in {@code columns}.
     */
    CodeBlock body(EntityModel entity, List<Integer> columns, Locals locals) {
        CodeBlock.Builder body = CodeBlock.builder();
        List<Property> properties = entity.properties();
        ClassName type = entity.type();
        int idIndex = columns.get(properties.indexOf(entity.id()));
        if (entity.construction().kind() == Construction.Kind.CONSTRUCTOR) {
            body.add(construct(entity, property -> dao.binder().readColumn(entity, property,
                    columns.get(properties.indexOf(property)), idIndex)));
        } else {
            String var = locals.newName(Locals.variableName(entity.name()), "mapped " + type.canonicalName());
            body.addStatement("$T $L = new $T()", type, var, type)
                    .add(setters(entity, columns, var))
                    .addStatement("return $L", var);
        }
        return body.build();
    }

    /** Sets each property of {@code target} from its column in {@code columns}. */
    private CodeBlock setters(EntityModel entity, List<Integer> columns, String target) {
        CodeBlock.Builder body = CodeBlock.builder();
        List<Property> properties = entity.properties();
        int idIndex = columns.get(properties.indexOf(entity.id()));
        for (int i = 0; i < properties.size(); i++) {
            Property property = properties.get(i);
            body.add(set(property, target, dao.binder().readColumn(entity, property, columns.get(i), idIndex)));
        }
        return body.build();
    }

    /** {@code target}'s {@code property} set to {@code value}: through its setter, or its field. */
    private static CodeBlock set(Property property, String target, CodeBlock value) {
        return property.write().kind() == Access.Kind.METHOD
                ? CodeBlock.builder().addStatement("$L.$L($L)", target, property.write().name(), value).build()
                : CodeBlock.builder().addStatement("$L.$L = $L", target, property.write().name(), value).build();
    }

    /** {@code return new <entity>(...)}, each constructor parameter's property given by {@code value}. */
    private static CodeBlock construct(EntityModel entity, java.util.function.Function<Property, CodeBlock> value) {
        List<CodeBlock> arguments = new ArrayList<>();
        for (String parameter : entity.construction().constructorOrder()) {
            arguments.add(value.apply(entity.properties().get(indexOf(entity, parameter))));
        }
        return CodeBlock.builder()
                .add("return new $T(\n$>$>", entity.type())
                .add(CodeBlock.join(arguments, ",\n"))
                .add(");\n$<$<")
                .build();
    }

    private static int indexOf(EntityModel entity, String propertyName) {
        List<Property> properties = entity.properties();
        for (int i = 0; i < properties.size(); i++) {
            if (properties.get(i).name().equals(propertyName)) {
                return i;
            }
        }
        throw new IllegalStateException("no property " + propertyName + " in " + entity.name());
    }
}
