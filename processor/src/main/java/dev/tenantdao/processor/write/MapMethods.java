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
        methods.addAll(embeddedMethods(List.of(dao.entity())));
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
        java.util.function.Function<Property, CodeBlock> column =
                property -> dao.binder().readColumn(entity, property, readBack.indexOf(property) + 1, idIndex);
        if (dao.fillsInstances()) {
            for (List<Property> owner : owners(readBack)) {
                body.add(set(owner, var, column));
            }
            for (List<Property> owner : owners(entity.properties())) {
                if (!readBack.contains(owner.get(0)) && mayBeAllNull(owner)) {
                    // stored as NULL in every column, the value reads back as null (as findById maps it)
                    body.beginControlFlow("if ($L)", CodeBlock.join(owner.stream()
                                    .map(p -> CodeBlock.of("$L == null", DaoContext.read(p, var))).toList(), " && "))
                            .add(set(owner.get(0).embedded().write(), var, CodeBlock.of("null")))
                            .endControlFlow();
                }
            }
            body.addStatement("return $L", var);
        } else {
            // an embedded value is read back whole or not at all (InsertReadBack); one not read back is
            // built from its components as findById builds it, so that all of them null is a null value
            body.add(construct(entity, owner -> readBack.contains(owner.get(0)) ? value(owner, column)
                    : mayBeAllNull(owner) ? value(owner, p -> DaoContext.read(p, var))
                    : owner.get(0).isEmbedded() ? DaoContext.readValue(owner.get(0), var)
                    : DaoContext.read(owner.get(0), var)));
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
     * Whether {@code owner} (one of {@link #owners}) is an embedded value that may be given with every
     * component null: then stored as NULL in every column, it reads back as null, not as given. A value
     * with a primitive component never is.
     */
    private static boolean mayBeAllNull(List<Property> owner) {
        return owner.get(0).isEmbedded() && owner.stream().noneMatch(p -> p.type().getKind().isPrimitive());
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
            body.add(construct(entity, owner -> value(owner, property -> dao.binder().readColumn(entity, property,
                    columns.get(properties.indexOf(property)), idIndex))));
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
        for (List<Property> owner : owners(properties)) {
            body.add(set(owner, target, property -> dao.binder().readColumn(entity, property,
                    columns.get(properties.indexOf(property)), idIndex)));
        }
        return body.build();
    }

    /**
     * The properties of the entity as its constructor and setters take them: each property alone,
     * the columns of an embedded value together (they are consecutive).
     */
    private static List<List<Property>> owners(List<Property> properties) {
        List<List<Property>> owners = new ArrayList<>();
        for (Property property : properties) {
            List<Property> last = owners.isEmpty() ? null : owners.get(owners.size() - 1);
            if (last != null && property.isEmbedded() && property.embedded().equals(last.get(0).embedded())) {
                last.add(property);
            } else {
                owners.add(new ArrayList<>(List.of(property)));
            }
        }
        return owners;
    }

    /**
     * The value of one of {@link #owners}: its column given by {@code column}, or the embedded value
     * built from its columns by the DAO's method for it.
     */
    private CodeBlock value(List<Property> owner, java.util.function.Function<Property, CodeBlock> column) {
        Property first = owner.get(0);
        if (!first.isEmbedded()) {
            return column.apply(first);
        }
        return CodeBlock.of("$L($L)", dao.embeddedMethod(first.embedded()),
                CodeBlock.join(owner.stream().map(column).toList(), ", "));
    }

    /** {@code target}'s property (one of {@link #owners}) set to its value, see {@link #value}. */
    private CodeBlock set(List<Property> owner, String target, java.util.function.Function<Property, CodeBlock> column) {
        Property first = owner.get(0);
        return set(first.isEmbedded() ? first.embedded().write() : first.write(), target, value(owner, column));
    }

    /** {@code target}'s property set to {@code value}: through its setter ({@code write}), or its field. */
    private static CodeBlock set(Access write, String target, CodeBlock value) {
        return write.kind() == Access.Kind.METHOD
                ? CodeBlock.builder().addStatement("$L.$L($L)", target, write.name(), value).build()
                : CodeBlock.builder().addStatement("$L.$L = $L", target, write.name(), value).build();
    }

    /** {@code return new <entity>(...)}, each constructor parameter (one of {@link #owners}) given by {@code value}. */
    private static CodeBlock construct(EntityModel entity,
            java.util.function.Function<List<Property>, CodeBlock> value) {
        List<CodeBlock> arguments = new ArrayList<>();
        List<List<Property>> owners = owners(entity.properties());
        for (String parameter : entity.construction().constructorOrder()) {
            arguments.add(value.apply(owners.stream().filter(o -> o.get(0).ownerName().equals(parameter)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no property " + parameter + " in " + entity.name()))));
        }
        return CodeBlock.builder()
                .add("return new $T(\n$>$>", entity.type())
                .add(CodeBlock.join(arguments, ",\n"))
                .add(");\n$<$<")
                .build();
    }

    /**
     * One method per embedded value of {@code entities} (the DAO's entity, or a hierarchy's subtypes),
     * building the value from its columns' values (in the value's component order): null when they
     * are all null, else through the value's constructor or its setters.
     */
    List<MethodSpec> embeddedMethods(List<EntityModel> entities) {
        java.util.Map<String, MethodSpec> methods = new java.util.LinkedHashMap<>();
        for (EntityModel entity : entities) {
            for (List<Property> owner : owners(entity.properties())) {
                if (owner.get(0).isEmbedded()) {
                    String name = dao.embeddedMethod(owner.get(0).embedded());
                    methods.computeIfAbsent(name, n -> embeddedMethod(n, entity, owner));
                }
            }
        }
        return List.copyOf(methods.values());
    }

    private static MethodSpec embeddedMethod(String name, EntityModel entity, List<Property> owner) {
        dev.tenantdao.processor.model.Embedded embedded = owner.get(0).embedded();
        com.palantir.javapoet.NameAllocator names = new com.palantir.javapoet.NameAllocator();
        com.palantir.javapoet.TypeName type = com.palantir.javapoet.TypeName.get(embedded.type());
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addJavadoc("The {@code $L} of a row from its columns ($L): null when every one is NULL; a\n"
                        + "{@code MappingException} naming them when the value refuses them.\n",
                        embedded.name(), owner.stream().map(p -> "{@code " + p.column() + "}")
                                .collect(java.util.stream.Collectors.joining(", ")))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(type);
        java.util.Map<Property, String> parameters = new java.util.LinkedHashMap<>();
        for (Property property : owner) {
            String parameter = names.newName(property.name().substring(embedded.name().length() + 1), property);
            parameters.put(property, parameter);
            method.addParameter(com.palantir.javapoet.TypeName.get(property.type()).box(), parameter);
        }
        method.beginControlFlow("if ($L)", String.join(" && ", parameters.values().stream().map(p -> p + " == null").toList()))
                .addStatement("return null")
                .endControlFlow();
        // the value's constructor or setters refusing the row: a MappingException naming where it was read from
        method.beginControlFlow("try");
        if (embedded.construction().kind() == Construction.Kind.CONSTRUCTOR) {
            List<CodeBlock> arguments = new ArrayList<>();
            for (String component : embedded.construction().constructorOrder()) {
                arguments.add(CodeBlock.of("$L", parameters.get(owner.stream()
                        .filter(p -> p.name().equals(embedded.name() + "." + component)).findFirst().orElseThrow())));
            }
            method.addStatement("return new $T($L)", type, CodeBlock.join(arguments, ", "));
        } else {
            String value = names.newName("value", "value");
            method.addStatement("$T $L = new $T()", type, value, type);
            parameters.forEach((property, parameter) -> method.addCode(set(property.write(), value,
                    CodeBlock.of("$L", parameter))));
            method.addStatement("return $L", value);
        }
        return method.nextControlFlow("catch ($T $L)", RuntimeException.class, names.newName("refused", "refused"))
                .addStatement("throw $T.valueRefused($S, $S, $S, $L)", Types.JDBC, entity.name(), embedded.name(),
                        owner.stream().map(Property::column).collect(java.util.stream.Collectors.joining(", ")),
                        names.get("refused"))
                .endControlFlow()
                .build();
    }
}
