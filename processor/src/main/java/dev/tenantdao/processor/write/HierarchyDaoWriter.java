package dev.tenantdao.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.HookKind;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.sql.HierarchySql;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes the DAO of a {@code @Polymorphic} root: reads that return each row as its subtype (one
 * query per call, a generated switch over the discriminator), and writes that hand each entity to
 * its subtype's DAO. The statements' plumbing (tenant, connection, binding, hooks) is
 * {@link DaoWriter}'s, written for the root.
 */
public final class HierarchyDaoWriter {

    private static final ClassName DATABASE = ClassName.get("dev.tenantdao.runtime", "Database");
    private static final ClassName UNKNOWN_SUBTYPE = ClassName.get("dev.tenantdao.runtime", "UnknownSubtypeException");
    private static final ClassName INJECT = ClassName.get("jakarta.inject", "Inject");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    private static final ClassName RESULT_SET = ClassName.get("java.sql", "ResultSet");
    private static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");

    private final EntityModel root;
    private final HierarchySql sql;
    private final DaoWriter code;
    private final ClassName type;
    private final String var;

    public HierarchyDaoWriter(EntityModel root, HierarchySql sql) {
        this.root = root;
        this.sql = sql;
        this.code = new DaoWriter(root, null);
        this.type = root.type();
        this.var = code.var();
    }

    public JavaFile write() {
        TypeSpec.Builder dao = TypeSpec.classBuilder(root.daoType())
                .addOriginatingElement(root.element())
                .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", DaoWriter.PROCESSOR).build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(code.classJavadoc());
        for (EntityModel subtype : subtypes()) {
            dao.addOriginatingElement(subtype.element());
        }
        dao.addField(code.scopeConstant());
        List<Property> all = new ArrayList<>(root.properties());
        subtypes().forEach(subtype -> all.addAll(subtype.ownProperties()));
        DaoWriter.addConverterConstants(dao, all, code.fields());
        dao.addField(DaoWriter.sqlConstant("FIND_BY_ID", sql.findById()));
        dao.addField(DaoWriter.sqlConstant("FIND_ALL_AFTER", sql.findAllAfter()));
        dao.addField(DaoWriter.sqlConstant("FIND_ALL", sql.findAll()));
        dao.addField(DaoWriter.sqlConstant("COUNT", sql.count()));
        dao.addField(DaoWriter.sqlConstant("EXISTS_BY_ID", sql.existsById()));
        dao.addField(DaoWriter.sqlConstant("DELETE_BY_ID", sql.deleteById()));
        dao.addField(DATABASE, "database", Modifier.PRIVATE, Modifier.FINAL);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addAnnotation(INJECT)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(DATABASE, "database")
                .addStatement("this.database = $T.requireNonNull(database, $S)", OBJECTS, "database")
                .addCode(code.checkSupports());
        for (EntityModel subtype : subtypes()) {
            dao.addField(subtype.daoType(), daoField(subtype), Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.$L = new $T(database)", daoField(subtype), subtype.daoType());
        }
        code.addListenerFields(dao);
        dao.addMethod(constructor.build());
        dao.addMethod(dispatch("insert", type, "Inserts {@code $L} as a row of its subtype$L, and returns it as stored.\n"));
        dao.addMethod(insertAll());
        if (subtypes().stream().allMatch(EntityModel::hasUpdatableColumns)) {
            // (like any entity's DAO, no update when a subtype has nothing an update could change)
            dao.addMethod(dispatch("update", type,
                    "Writes {@code $L} to its row$L, as its subtype, and returns it as stored.\n"));
        }
        dao.addMethod(dispatch("delete", null, "Deletes the row of {@code $L}$L, as its subtype.\n"));
        dao.addMethod(code.findById(sql.findById()));
        dao.addMethod(code.findAllAfter(sql.findAllAfter()));
        dao.addMethod(code.findAll(sql.findAll()));
        dao.addMethod(code.count(sql.count()));
        dao.addMethod(code.existsById(sql.existsById()));
        dao.addMethod(code.deleteById(sql.deleteById()));
        sql.history().ifPresent(history -> {
            dao.addField(DaoWriter.sqlConstant("HISTORY", history.versions()));
            dao.addField(DaoWriter.sqlConstant("HISTORY_AS_OF", history.asOf()));
            dao.addMethods(historyMethods(history));
        });
        dao.addMethod(map());
        for (EntityModel subtype : subtypes()) {
            dao.addMethod(mapSubtype(subtype));
        }
        dao.addMethods(code.hookMethods(EnumSet.of(HookKind.AFTER_LOAD)));
        return JavaFile.builder(type.packageName(), dao.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /**
     * {@code history(id)} and {@code asOf(id, at)} of a row of any subtype, each version read as the
     * subtype it was (the history table holds every subtype's columns and the discriminator).
     */
    private List<MethodSpec> historyMethods(HierarchySql.RowHistory history) {
        int first = Math.max(sql.discriminatorIndex(), sql.columnIndexes().values().stream()
                .flatMap(List::stream).mapToInt(Integer::intValue).max().orElse(0)) + 1;
        return List.of(code.historyOfRow(history.versions(), first, ", each as the subtype it was"),
                code.asOf(history.asOf(), first, ", as the subtype it was"));
    }

    private List<EntityModel> subtypes() {
        return root.polymorphism().subtypes();
    }

    private String daoField(EntityModel subtype) {
        return code.fields().subtypeDao(subtype);
    }

    /**
     * {@code insertAll} of entities of any subtypes: each subtype's entities through its DAO's
     * {@code insertAll}, all in one transaction, returned in the order given.
     */
    private MethodSpec insertAll() {
        String all = DaoWriter.plural(var);
        TypeName listOfRoots = ParameterizedTypeName.get(ClassName.get(List.class), type);
        CodeBlock.Builder work = CodeBlock.builder();
        for (EntityModel subtype : subtypes()) {
            work.addStatement("$T $L = new $T<>()", ParameterizedTypeName.get(ClassName.get(List.class), subtype.type()),
                    subtypeList(subtype), ArrayList.class);
        }
        work.beginControlFlow("for ($T $L : $L)", type, var, all)
                .add(instanceofChain(true, subtype -> CodeBlock.builder()
                        .addStatement("$L.add($L)", subtypeList(subtype), subtypeVar(subtype)).build(), true))
                .endControlFlow();
        for (EntityModel subtype : subtypes()) {
            work.addStatement("$T<$T> $L = $L.insertAll($L).iterator()", java.util.Iterator.class, subtype.type(),
                    storedIterator(subtype), daoField(subtype), subtypeList(subtype));
        }
        work.addStatement("$T stored = new $T<>($L.size())", listOfRoots, ArrayList.class, all)
                .beginControlFlow("for ($T $L : $L)", type, var, all)
                .add(instanceofChain(false, subtype -> CodeBlock.builder()
                        .addStatement("stored.add($L.next())", storedIterator(subtype)).build(), false))
                .endControlFlow()
                .addStatement("return stored");
        return MethodSpec.methodBuilder("insertAll")
                .addJavadoc("Inserts all of {@code $L}, of any subtypes$L, and returns them as stored, in order: each\n"
                        + "subtype's through its DAO's {@code insertAll}. All rows are inserted or, when one fails, none\n"
                        + "(outside a transaction, in one of its own).\n", all, root.isTenanted() ? ", as rows of the current tenant" : "")
                .addModifiers(Modifier.PUBLIC)
                .returns(listOfRoots)
                .addParameter(listOfRoots, all)
                .addStatement("$T.requireNonNull($L, $S)", OBJECTS, all, all)
                .addStatement(root.isTenanted() ? "String tenant = database.requireTenant(SCOPE)" : "String tenant = null")
                .beginControlFlow("if ($L.isEmpty())", all)
                .addStatement("return $T.of()", List.class)
                .endControlFlow()
                .addCode("return database.atomically(SCOPE, tenant, $S, connection -> {\n$>", root.name() + ".insertAll")
                .addCode(work.build())
                .addCode("$<});\n")
                .build();
    }

    /**
     * {@code if (root instanceof A a) { <body of A> } else if ...}: the one switch over subtypes of
     * the generated writes; with {@code orThrow}, an entity of no mapped subtype is rejected.
     *
     * @param bind whether each branch binds the entity as its subtype ({@link #subtypeVar})
     */
    private CodeBlock instanceofChain(boolean bind, Function<EntityModel, CodeBlock> body, boolean orThrow) {
        CodeBlock.Builder chain = CodeBlock.builder();
        boolean first = true;
        for (EntityModel subtype : subtypes()) {
            String test = bind ? "$L instanceof $T " + subtypeVar(subtype) : "$L instanceof $T";
            if (first) {
                chain.beginControlFlow("if (" + test + ")", var, subtype.type());
                first = false;
            } else {
                chain.nextControlFlow("else if (" + test + ")", var, subtype.type());
            }
            chain.add(body.apply(subtype));
        }
        if (orThrow) {
            chain.nextControlFlow("else")
                    .addStatement("throw new $T($S + $L.getClass().getName())", IllegalArgumentException.class,
                            "not a mapped subtype of " + root.name() + ": ", var);
        }
        return chain.endControlFlow().build();
    }

    private String subtypeVar(EntityModel subtype) {
        String subtypeVar = DaoWriter.variableName(subtype.name());
        return subtypeVar.equals(var) ? "subtype" : subtypeVar;
    }

    private static String subtypeList(EntityModel subtype) {
        return DaoWriter.plural(DaoWriter.variableName(subtype.name())) + "ToInsert";
    }

    private static String storedIterator(EntityModel subtype) {
        return "stored" + String.join("", subtype.type().simpleNames());
    }

    /** A write handed to the DAO of the entity's subtype, chosen by {@code instanceof}. */
    private MethodSpec dispatch(String method, ClassName returns, String javadoc) {
        MethodSpec.Builder spec = MethodSpec.methodBuilder(method)
                .addJavadoc(javadoc, var, root.isTenanted() ? " in the current tenant" : "")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(type, var)
                .addStatement("$T.requireNonNull($L, $S)", OBJECTS, var, var);
        if (returns != null) {
            spec.returns(returns);
        }
        return spec.addCode(instanceofChain(true, subtype -> returns != null
                        ? CodeBlock.builder().addStatement("return $L.$L($L)", daoField(subtype), method,
                                subtypeVar(subtype)).build()
                        : CodeBlock.builder().addStatement("$L.$L($L)", daoField(subtype), method, subtypeVar(subtype))
                                .build(), true))
                .build();
    }

    /** The row as its subtype: a switch over the discriminator; an unknown value is an error, never a guess. */
    private MethodSpec map() {
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("String discriminator = rows.getString($L)", sql.discriminatorIndex())
                .beginControlFlow("if (discriminator != null)")
                .beginControlFlow("switch (discriminator)");
        for (EntityModel subtype : subtypes()) {
            body.add("case $S:\n$>", subtype.polymorphism().value())
                    .addStatement("return $L(rows)", mapMethod(subtype))
                    .add("$<");
        }
        body.add("default:\n$>").addStatement("break").add("$<")
                .endControlFlow()
                .endControlFlow()
                .addStatement("throw new $T($S, $S, $S, discriminator, rows.getObject($L))", UNKNOWN_SUBTYPE, root.name(),
                        root.table(), root.polymorphism().discriminator(), root.properties().indexOf(root.id()) + 1);
        return MethodSpec.methodBuilder("map")
                .addJavadoc("The {@code $L} in the current row of {@code rows}, as the subtype its {@code $L} names.\n",
                        root.name(), root.polymorphism().discriminator())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(type)
                .addException(SQL_EXCEPTION)
                .addParameter(RESULT_SET, "rows")
                .addCode(body.build())
                .build();
    }

    private MethodSpec mapSubtype(EntityModel subtype) {
        return MethodSpec.methodBuilder(mapMethod(subtype))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(subtype.type())
                .addException(SQL_EXCEPTION)
                .addParameter(RESULT_SET, "rows")
                .addCode(DaoWriter.mapBody(subtype, sql.columnIndexes().get(subtype.type().canonicalName()), code.fields()))
                .build();
    }

    private static String mapMethod(EntityModel subtype) {
        return "map" + String.join("_", subtype.type().simpleNames());
    }
}
