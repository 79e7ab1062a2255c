package dev.tenantdao.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityModel;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The writes of a {@code @Polymorphic} root's DAO: each hands the entity to its subtype's DAO,
 * chosen by {@code instanceof}; {@code insertAll} hands each subtype's entities to that DAO's
 * {@code insertAll}, in one transaction.
 */
final class SubtypeWrites {

    private final DaoContext dao;

    SubtypeWrites(DaoContext dao) {
        this.dao = dao;
    }

    private List<EntityModel> subtypes() {
        return HierarchyRoot.of(dao.entity()).subtypes();
    }

    private String daoField(EntityModel subtype) {
        return dao.fields().subtypeDao(subtype);
    }

    /** A write handed to the DAO of the entity's subtype, chosen by {@code instanceof}. */
    MethodSpec dispatch(String method, ClassName returns, String javadoc) {
        Locals locals = new Locals(dao);
        String var = dao.var();
        MethodSpec.Builder spec = MethodSpec.methodBuilder(method)
                .addJavadoc(javadoc, var, dao.inTenant())
                .addModifiers(Modifier.PUBLIC)
                .addParameter(dao.type(), var)
                .addStatement("$T.requireNonNull($L, $S)", Types.OBJECTS, var, var);
        if (returns != null) {
            spec.returns(returns);
        }
        return spec.addCode(instanceofChain(locals, true, subtype -> returns != null
                        ? CodeBlock.builder().addStatement("return $L.$L($L)", daoField(subtype), method,
                                subtypeVar(subtype, locals)).build()
                        : CodeBlock.builder().addStatement("$L.$L($L)", daoField(subtype), method,
                                subtypeVar(subtype, locals)).build(), true))
                .build();
    }

    /**
     * {@code insertAll} of entities of any subtypes: each subtype's entities through its DAO's
     * {@code insertAll}, all in one transaction, returned in the order given.
     */
    MethodSpec insertAll() {
        Locals locals = new Locals(dao);
        ClassName type = dao.type();
        String var = dao.var();
        String all = dao.all();
        TypeName listOfRoots = ParameterizedTypeName.get(Types.LIST, type);
        CodeBlock.Builder work = CodeBlock.builder();
        for (EntityModel subtype : subtypes()) {
            work.addStatement("$T $L = new $T<>()", ParameterizedTypeName.get(Types.LIST, subtype.type()),
                    subtypeList(subtype, locals), Types.ARRAY_LIST);
        }
        work.beginControlFlow("for ($T $L : $L)", type, var, all)
                .add(instanceofChain(locals, true, subtype -> CodeBlock.builder()
                        .addStatement("$L.add($L)", subtypeList(subtype, locals), subtypeVar(subtype, locals)).build(),
                        true))
                .endControlFlow();
        for (EntityModel subtype : subtypes()) {
            work.addStatement("$T<$T> $L = $L.insertAll($L).iterator()", Types.ITERATOR, subtype.type(),
                    storedIterator(subtype, locals), daoField(subtype), subtypeList(subtype, locals));
        }
        work.addStatement("$T stored = new $T<>($L.size())", listOfRoots, Types.ARRAY_LIST, all)
                .beginControlFlow("for ($T $L : $L)", type, var, all)
                .add(instanceofChain(locals, false, subtype -> CodeBlock.builder()
                        .addStatement("stored.add($L.next())", storedIterator(subtype, locals)).build(), false))
                .endControlFlow()
                .addStatement("return stored");
        return MethodSpec.methodBuilder("insertAll")
                .addJavadoc("Inserts all of {@code $L}, of any subtypes$L, and returns them as stored, in order: each\n"
                        + "subtype's through its DAO's {@code insertAll}. All rows are inserted or, when one fails, none\n"
                        + "(outside a transaction, in one of its own).\n", all,
                        dao.entity().isTenanted() ? ", as rows of the current tenant" : "")
                .addModifiers(Modifier.PUBLIC)
                .returns(listOfRoots)
                .addParameter(listOfRoots, all)
                .addStatement("$T.requireNonNull($L, $S)", Types.OBJECTS, all, all)
                .addStatement(dao.entity().isTenanted() ? "String tenant = support.requireTenant()"
                        : "String tenant = null")
                .beginControlFlow("if ($L.isEmpty())", all)
                .addStatement("return $T.of()", Types.LIST)
                .endControlFlow()
                .addCode(dao.statements().call("atomically", "insertAll", null, work.build()))
                .build();
    }

    /**
     * {@code if (root instanceof A a) { <body of A> } else if ...}: the one switch over subtypes of
     * the generated writes; with {@code orThrow}, an entity of no mapped subtype is rejected.
     *
     * @param bind whether each branch binds the entity as its subtype ({@link #subtypeVar})
     */
    private CodeBlock instanceofChain(Locals locals, boolean bind, Function<EntityModel, CodeBlock> body,
            boolean orThrow) {
        String var = dao.var();
        CodeBlock.Builder chain = CodeBlock.builder();
        boolean first = true;
        for (EntityModel subtype : subtypes()) {
            CodeBlock test = bind
                    ? CodeBlock.of("$L instanceof $T $L", var, subtype.type(), subtypeVar(subtype, locals))
                    : CodeBlock.of("$L instanceof $T", var, subtype.type());
            if (first) {
                chain.beginControlFlow("if ($L)", test);
                first = false;
            } else {
                chain.nextControlFlow("else if ($L)", test);
            }
            chain.add(body.apply(subtype));
        }
        if (orThrow) {
            chain.nextControlFlow("else")
                    .addStatement("throw new $T($S + $L.getClass().getName())", IllegalArgumentException.class,
                            "not a mapped subtype of " + dao.name() + ": ", var);
        }
        return chain.endControlFlow().build();
    }

    /** The entity as {@code subtype}, in a branch of {@link #instanceofChain}. */
    private String subtypeVar(EntityModel subtype, Locals locals) {
        String name = Locals.variableName(subtype.name());
        return locals.newName(name.equals(dao.var()) ? "subtype" : name, "as " + subtype.type().canonicalName());
    }

    /** The entities of {@code subtype} to insert. */
    private static String subtypeList(EntityModel subtype, Locals locals) {
        return locals.newName(Locals.plural(Locals.variableName(subtype.name())) + "ToInsert",
                "to insert " + subtype.type().canonicalName());
    }

    /** The entities of {@code subtype} as stored, in insert order. */
    private static String storedIterator(EntityModel subtype, Locals locals) {
        return locals.newName("stored" + String.join("", subtype.type().simpleNames()),
                "stored " + subtype.type().canonicalName());
    }
}
