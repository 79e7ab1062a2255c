package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityKind.Subtype;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.sql.HierarchySql;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The reads of a {@code @Polymorphic} root's DAO: {@code map(rows)}, a switch over the
 * discriminator (an unknown value is an error, never a guess), and one {@code map<Subtype>(rows)}
 * per subtype.
 */
final class SubtypeMapMethods {

    private final DaoContext dao;
    private final HierarchySql sql;

    SubtypeMapMethods(DaoContext dao, HierarchySql sql) {
        this.dao = dao;
        this.sql = sql;
    }

    List<MethodSpec> methods() {
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(map());
        for (EntityModel subtype : subtypes()) {
            methods.add(mapSubtype(subtype));
        }
        methods.addAll(new MapMethods(dao).embeddedMethods(subtypes()));
        return methods;
    }

    private List<EntityModel> subtypes() {
        return HierarchyRoot.of(dao.entity()).subtypes();
    }

    /**
     * The row as its subtype: a switch over the discriminator; an unknown value is the fallback's
     * row when there is one, else an error, never a guess.
     */
    private MethodSpec map() {
        EntityModel root = dao.entity();
        String discriminator = HierarchyRoot.of(root).hierarchy().discriminator();
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("String discriminator = rows.getString($L)", sql.discriminatorIndex())
                .beginControlFlow("if (discriminator != null)")
                .beginControlFlow("switch (discriminator)");
        for (EntityModel subtype : subtypes()) {
            body.add("case $S:\n$>", Subtype.of(subtype).value())
                    .addStatement("return $L(rows)", mapMethod(subtype))
                    .add("$<");
        }
        EntityModel fallback = root.fallback().orElse(null);
        if (fallback != null) {
            // a value no other subtype claims: the fallback's row
            body.add("default:\n$>").addStatement("return $L(rows)", mapMethod(fallback)).add("$<");
        } else {
            body.add("default:\n$>").addStatement("break").add("$<");
        }
        body.endControlFlow()
                .endControlFlow()
                .addStatement("throw new $T($S, $S, $S, discriminator, rows.getObject($L))", Types.UNKNOWN_SUBTYPE,
                        root.name(), root.table(), discriminator,
                        root.properties().indexOf(root.id()) + 1);
        return MethodSpec.methodBuilder("map")
                .addJavadoc("The {@code $L} in the current row of {@code rows}, as the subtype its {@code $L} names.\n",
                        root.name(), discriminator)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(dao.type())
                .addException(Types.SQL_EXCEPTION)
                .addParameter(Types.RESULT_SET, "rows")
                .addCode(body.build())
                .build();
    }

    private MethodSpec mapSubtype(EntityModel subtype) {
        return MethodSpec.methodBuilder(mapMethod(subtype))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(subtype.type())
                .addException(Types.SQL_EXCEPTION)
                .addParameter(Types.RESULT_SET, "rows")
                .addCode(new MapMethods(dao).body(subtype, sql.columnIndexes().get(subtype.type().canonicalName()),
                        Locals.withoutEntity(dao)))
                .build();
    }

    private static String mapMethod(EntityModel subtype) {
        return "map" + String.join("_", subtype.type().simpleNames());
    }
}
