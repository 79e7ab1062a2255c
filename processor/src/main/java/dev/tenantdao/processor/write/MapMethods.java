package dev.tenantdao.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.tenantdao.processor.model.Access;
import dev.tenantdao.processor.model.Construction;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
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
        if (!dao.fillsInstances()) {
            return List.of(map.addCode(body(dao.entity(), columns, Locals.withoutEntity(dao))).build());
        }
        return List.of(map.addStatement("return fill(rows, new $T())", type).build(),
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
                        .build());
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
            List<CodeBlock> arguments = new ArrayList<>();
            for (String parameter : entity.construction().constructorOrder()) {
                int index = indexOf(entity, parameter);
                arguments.add(dao.binder().readColumn(entity, properties.get(index), columns.get(index), idIndex));
            }
            body.add("return new $T(\n$>$>", type)
                    .add(CodeBlock.join(arguments, ",\n"))
                    .add(");\n$<$<");
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
            CodeBlock value = dao.binder().readColumn(entity, property, columns.get(i), idIndex);
            if (property.write().kind() == Access.Kind.METHOD) {
                body.addStatement("$L.$L($L)", target, property.write().name(), value);
            } else {
                body.addStatement("$L.$L = $L", target, property.write().name(), value);
            }
        }
        return body.build();
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
