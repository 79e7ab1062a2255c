package dev.tenantdao.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.tenantdao.processor.model.Access;
import dev.tenantdao.processor.model.Construction;
import dev.tenantdao.processor.model.ConverterModel;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.HookKind;
import dev.tenantdao.processor.model.Hooks;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.read.Names;
import dev.tenantdao.processor.sql.EntitySql;
import dev.tenantdao.processor.sql.Parameter;
import dev.tenantdao.processor.sql.SqlBuilder;
import dev.tenantdao.processor.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;

/** Writes the source of one entity's DAO from its model and its SQL. */
public final class DaoWriter {

    static final String PROCESSOR = "dev.tenantdao.processor.TenantDaoProcessor";

    private static final ClassName DATABASE = ClassName.get("dev.tenantdao.runtime", "Database");
    private static final ClassName ROW_NOT_FOUND = ClassName.get("dev.tenantdao.runtime", "RowNotFoundException");
    private static final ClassName TENANT_KEYS = ClassName.get("dev.tenantdao.runtime.internal", "TenantKeys");
    private static final ClassName CONVERSIONS = ClassName.get("dev.tenantdao.runtime.internal", "Conversions");
    private static final ClassName AUDIT_CONTEXT = ClassName.get("dev.tenantdao.runtime", "AuditContext");
    private static final ClassName HISTORY_ENTRY = ClassName.get("dev.tenantdao.runtime", "HistoryEntry");
    private static final ClassName OPTIMISTIC_LOCK = ClassName.get("dev.tenantdao.runtime", "OptimisticLockException");
    private static final ClassName INSTANT = ClassName.get("java.time", "Instant");
    private static final ClassName TENANT_SQL = ClassName.get("dev.tenantdao.runtime.internal", "TenantSql");
    private static final ClassName TENANT_SCOPE = ClassName.get("dev.tenantdao.runtime", "TenantScope");
    private static final ClassName INJECT = ClassName.get("jakarta.inject", "Inject");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    private static final ClassName LIST = ClassName.get("java.util", "List");
    private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
    private static final ClassName UUID = ClassName.get("java.util", "UUID");
    private static final ClassName PREPARED_STATEMENT = ClassName.get("java.sql", "PreparedStatement");
    private static final ClassName RESULT_SET = ClassName.get("java.sql", "ResultSet");
    private static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");

    /** Local names the generated methods use themselves; an entity variable must not shadow them. */
    private static final Set<String> TAKEN = Set.of(
            "database", "tenant", "tenantKey", "connection", "statement", "rows", "keys", "id", "afterId", "limit",
            "offset", "inserted", "size", "i", "toInsert", "toUpdate", "stored", "found", "loaded", "hooked", "page", "schema");

    private final EntityModel entity;
    private final EntitySql sql;
    private final ClassName type;
    private final String var;
    private final String name;
    private final Property id;
    private final TypeName idType;
    private final FieldNames fields;

    public DaoWriter(EntityModel entity, EntitySql sql) {
        this.entity = entity;
        this.sql = sql;
        this.type = entity.type();
        this.name = entity.name();
        this.id = entity.id();
        this.idType = TypeName.get(id.type());
        this.fields = FieldNames.of(entity);
        this.var = entityVariable(entity, fields);
    }

    /**
     * The name of the entity in generated methods: its simple name in lower camel case, unless that
     * would collide with a name the methods use (a local of ours, a field of the DAO, a local made
     * from a property's name), then {@code entity} or, failing that too, {@code entity1}, ...
     */
    static String entityVariable(EntityModel entity, FieldNames fields) {
        java.util.Set<String> fromProperties = new java.util.HashSet<>();
        for (Property property : entity.properties()) {
            fromProperties.add(columnArray(property));
            fromProperties.add(convertedLocal(property));
        }
        String candidate = variableName(entity.name());
        for (int n = 1; fields.isField(candidate) || fields.isField(plural(candidate))
                || fromProperties.contains(candidate) || fromProperties.contains(plural(candidate))
                || TAKEN.contains(plural(candidate)); n++) {
            candidate = n == 1 ? "entity" : "entity" + n;
        }
        return candidate;
    }

    /** The entity's name in generated methods. */
    String var() {
        return var;
    }

    /** The names of the DAO's fields. */
    FieldNames fields() {
        return fields;
    }

    public JavaFile write() {
        TypeSpec.Builder dao = TypeSpec.classBuilder(entity.daoType())
                .addOriginatingElement(entity.element())
                .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(classJavadoc());
        dao.addField(scopeConstant());
        addConverterConstants(dao);
        addSqlConstants(dao);
        dao.addField(DATABASE, "database", Modifier.PRIVATE, Modifier.FINAL);
        addListenerFields(dao);
        dao.addMethod(MethodSpec.constructorBuilder()
                .addAnnotation(INJECT)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(DATABASE, "database")
                .addStatement("this.database = $T.requireNonNull(database, $S)", OBJECTS, "database")
                .addCode(checkSupports())
                .build());
        dao.addMethod(insert());
        dao.addMethod(insertAll());
        dao.addMethod(findById(sql.findById()));
        dao.addMethod(findAllAfter(sql.findAllAfter()));
        dao.addMethod(findAll(sql.findAll()));
        dao.addMethod(count(sql.count()));
        dao.addMethod(existsById(sql.existsById()));
        sql.update().ifPresent(update -> dao.addMethod(update(update)));
        dao.addMethods(upserts());
        dao.addMethods(historyMethods());
        dao.addMethod(delete());
        dao.addMethod(deleteById(sql.deleteById()));
        sql.deleteVersioned().ifPresent(delete -> dao.addMethod(deleteVersioned(delete)));
        if (checksExistence()) {
            dao.addMethod(exists(sql.existsById()));
        }
        dao.addMethod(bindInsert());
        dao.addMethods(mapMethods());
        dao.addMethods(hookMethods());
        return JavaFile.builder(type.packageName(), dao.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    CodeBlock classJavadoc() {
        CodeBlock.Builder doc = CodeBlock.builder();
        if (entity.isPolymorphic() && entity.polymorphism().isRoot()) {
            doc.add("Data access for {@link $T} rows of every subtype in table {@code $L}$L, each loaded as its subtype.\n",
                    type, entity.table(), entity.polymorphism().isJoined()
                            ? " and the subtypes' own tables" : "");
        } else if (entity.isPolymorphic()) {
            doc.add("Data access for {@link $T}, a {@link $T}: the rows of table {@code $L} whose {@code $L} is {@code $L}$L.\n",
                    type, entity.polymorphism().rootType(), entity.table(), entity.polymorphism().discriminator(),
                    entity.polymorphism().value(), entity.isJoinedSubtype()
                            ? ", with their columns in table {@code " + entity.polymorphism().subtypeTable() + "}" : "");
        } else {
            doc.add("Data access for {@link $T} rows in table {@code $L}.\n", type, entity.table());
        }
        if (entity.isTenanted()) {
            doc.add("\n<p>Every method works on the rows of the current tenant only ($L), and throws\n"
                    + "{@link dev.tenantdao.runtime.NoTenantException} before any SQL when there is no current tenant.\n",
                    switch (entity.tenancy().strategy()) {
                        case ROW -> "tenant column {@code " + entity.tenancy().column() + "}"
                                + (entity.tenancy().rowLevelSecurity() ? ", with row-level security" : "");
                        case SCHEMA -> "in the tenant's schema";
                        case DATABASE -> "in the tenant's database";
                    });
        } else {
            doc.add("\n<p>{@code $L} is shared by all tenants.\n", name);
        }
        return doc.add("\n<p>Generated by tenantdao from {@code $L}; do not edit.\n", type.canonicalName()).build();
    }

    /** How the runtime must treat this entity's connections; the one place the strategy reaches the runtime. */
    FieldSpec scopeConstant() {
        CodeBlock scope;
        if (!entity.isTenanted()) {
            scope = CodeBlock.of("$T.shared($S)", TENANT_SCOPE, name);
        } else {
            scope = switch (entity.tenancy().strategy()) {
                case ROW -> CodeBlock.of("$T.row($S, $L)", TENANT_SCOPE, name, entity.tenancy().rowLevelSecurity());
                case SCHEMA -> CodeBlock.of("$T.schema($S)", TENANT_SCOPE, name);
                case DATABASE -> CodeBlock.of("$T.database($S)", TENANT_SCOPE, name);
            };
        }
        return FieldSpec.builder(TENANT_SCOPE, "SCOPE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(scope)
                .build();
    }

    private void addSqlConstants(TypeSpec.Builder dao) {
        dao.addField(sqlConstant("INSERT", sql.insert()));
        sql.insertAll().ifPresent(insertAll -> dao.addField(sqlConstant("INSERT_ALL", insertAll)));
        if (batchesInserts() && SqlBuilder.setsTenant(entity)) {
            dao.addField(sqlConstant("BATCH_INSERT", sql.batchInsert()));
        }
        sql.update().ifPresent(update -> dao.addField(sqlConstant("UPDATE", update)));
        dao.addField(sqlConstant("FIND_BY_ID", sql.findById()));
        dao.addField(sqlConstant("FIND_ALL_AFTER", sql.findAllAfter()));
        dao.addField(sqlConstant("FIND_ALL", sql.findAll()));
        dao.addField(sqlConstant("COUNT", sql.count()));
        dao.addField(sqlConstant("EXISTS_BY_ID", sql.existsById()));
        dao.addField(sqlConstant("DELETE_BY_ID", sql.deleteById()));
        for (EntitySql.Upsert upsert : sql.upserts()) {
            dao.addField(sqlConstant(upsert.constant(), upsert.statement()));
        }
        sql.deleteVersioned().ifPresent(delete -> dao.addField(sqlConstant("DELETE_VERSIONED", delete)));
        sql.history().ifPresent(history -> {
            dao.addField(sqlConstant("HISTORY", history.versions()));
            dao.addField(sqlConstant("HISTORY_AS_OF", history.asOf()));
            dao.addField(sqlConstant("HISTORY_BETWEEN", history.between()));
            dao.addField(sqlConstant("HISTORY_IN_TRANSACTION", history.inTransaction()));
        });
        if (!usesGeneratedKeys()) {
            return;     // every write returns its row from its own SQL
        }
        CodeBlock columns = sql.returnedColumns().stream()
                .map(c -> CodeBlock.of("$S", c))
                .collect(CodeBlock.joining(", ", "{", "}"));
        dao.addField(FieldSpec.builder(ArrayTypeName.of(String.class), "RETURNED_COLUMNS",
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The columns {@code insert} and {@code update} read back, in the order of {@link #map}.\n")
                .initializer(columns)
                .build());
    }

    static FieldSpec sqlConstant(String constant, Statement statement) {
        return FieldSpec.builder(String.class, constant, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", statement.sql())
                .build();
    }

    // ---- public methods -------------------------------------------------------------------------

    private MethodSpec insert() {
        return insertLike("insert", "INSERT", CodeBlock.of(
                "Inserts {@code $L}$L and returns it as stored, with the values the database filled in.\n", var,
                entity.isTenanted() ? " as a row of the current tenant" : ""));
    }

    /** {@code upsert} on the id, and {@code upsertBy<Field>} on each unique column. */
    private List<MethodSpec> upserts() {
        List<MethodSpec> methods = new ArrayList<>();
        for (EntitySql.Upsert upsert : sql.upserts()) {
            String target = upsert.on() == id ? "id" : "{@code " + upsert.on().column() + "}";
            methods.add(insertLike(upsert.method(), upsert.constant(), CodeBlock.of(
                    "Inserts {@code $L}$L or, when a row with its $L exists$L, updates that row's updatable columns;\n"
                            + "returns the row as stored. Runs the insert hooks.\n", var,
                    entity.isTenanted() ? " as a row of the current tenant" : "", target,
                    entity.isTenanted() ? " in the current tenant" : "")));
        }
        return methods;
    }

    /** An insert of one entity through {@code constant}, with the insert hooks around it. */
    private MethodSpec insertLike(String method, String constant, CodeBlock javadoc) {
        boolean hooked = hooks().has(HookKind.BEFORE_INSERT) || hooks().has(HookKind.AFTER_INSERT);
        CodeBlock.Builder work = CodeBlock.builder();
        String written = beforeHook(work, HookKind.BEFORE_INSERT, var, "toInsert");
        work.addStatement("bindInsert(statement, $L$L)", tenantValueOrNull(), written)
                .add(executeReturningRows())
                .addStatement("keys.next()")
                .add(returnStored(HookKind.AFTER_INSERT, stored(var)))
                .endControlFlow();
        return MethodSpec.methodBuilder(method)
                .addJavadoc(javadoc)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addParameter(type, var)
                .addStatement("$T.requireNonNull($L, $S)", OBJECTS, var, var)
                .addCode(tenantPreamble())
                .addCode(requireCurrentTenant(var))
                .addCode(withStatement(hooked ? "atomically" : "withConnection", method, constant, !writesReturnRows(),
                        work.build()))
                .build();
    }

    private MethodSpec insertAll() {
        String all = plural(var);
        TypeName listOfEntities = ParameterizedTypeName.get(LIST, type);
        CodeBlock.Builder checks = CodeBlock.builder();
        CodeBlock tenantCheck = requireCurrentTenant(var);
        if (!tenantCheck.isEmpty()) {
            checks.beginControlFlow("for ($T $L : $L)", type, var, all).add(tenantCheck).endControlFlow();
        }
        CodeBlock work = sql.insertAll().isPresent() ? insertAllSetBased(all, sql.insertAll().get()) : insertAllBatch(all);
        return MethodSpec.methodBuilder("insertAll")
                .addJavadoc("Inserts all of {@code $L}$L in $L and returns them as stored, in order.\n"
                        + "All rows are inserted or, when one fails, none (outside a transaction, in one of its own).\n"
                        + "Insert hooks run per row.\n", all,
                        entity.isTenanted() ? " as rows of the current tenant" : "",
                        sql.insertAll().isPresent() ? "one statement" : "one JDBC batch")
                .addModifiers(Modifier.PUBLIC)
                .returns(listOfEntities)
                .addParameter(listOfEntities, all)
                .addStatement("$T.requireNonNull($L, $S)", OBJECTS, all, all)
                .addCode(tenantPreamble())
                .addCode(checks.build())
                .beginControlFlow("if ($L.isEmpty())", all)
                .addStatement("return $T.of()", LIST)
                .endControlFlow()
                .addCode(withStatement("atomically", "insertAll", sql.insertAll().isPresent() ? "INSERT_ALL"
                        : batchesInserts() && SqlBuilder.setsTenant(entity) ? "BATCH_INSERT" : "INSERT",
                        sql.insertAll().isEmpty() && usesGeneratedKeys(), work))
                .build();
    }

    /** A JDBC batch of the single-row insert, for entities with a column that cannot travel in an array. */
    private CodeBlock insertAllBatch(String all) {
        TypeName listOfEntities = ParameterizedTypeName.get(LIST, type);
        CodeBlock.Builder work = CodeBlock.builder();
        if (!batchesInserts()) {
            // each insert (and its history row, or its subtype's row) is one statement returning the row:
            // executed one by one
            work.addStatement("$T inserted = new $T<>($L.size())", listOfEntities, ARRAY_LIST, all)
                    .beginControlFlow("for ($T $L : $L)", type, var, all);
            String written = beforeHook(work, HookKind.BEFORE_INSERT, var, "toInsert");
            work.addStatement("bindInsert(statement, $L$L)", tenantValueOrNull(), written)
                    .beginControlFlow("try ($T keys = $L)", RESULT_SET, query())
                    .addStatement("keys.next()")
                    .addStatement("inserted.add($L)", stored(var))
                    .endControlFlow()
                    .endControlFlow();
            if (hooks().has(HookKind.AFTER_INSERT)) {
                work.beginControlFlow("for ($T stored : inserted)", type).addStatement("afterInsert(stored)")
                        .endControlFlow();
            }
            return work.addStatement("return inserted").build();
        }
        if (SqlBuilder.setsTenant(entity)) {
            // the batch's statements follow the tenant setting in this (atomic) transaction
            work.addStatement("$T.setTenant(connection, tenant)", TENANT_SQL);
        }
        work.beginControlFlow("for ($T $L : $L)", type, var, all);
        String written = beforeHook(work, HookKind.BEFORE_INSERT, var, "toInsert");
        work.add(SqlBuilder.setsTenant(entity)
                        ? bind(sql.batchInsert(), null, written)
                        : CodeBlock.builder().addStatement("bindInsert(statement, $L$L)", tenantValueOrNull(), written).build())
                .addStatement("statement.addBatch()")
                .endControlFlow()
                .addStatement("statement.executeBatch()")
                .add(readInserted(all, listOfEntities, false));
        return work.build();
    }

    /**
     * One {@code INSERT ... SELECT FROM unnest(...)}: the values of each column gathered into an
     * array (through converters, after the before-insert hooks of each row), then bound.
     */
    private CodeBlock insertAllSetBased(String all, Statement insertAll) {
        TypeName listOfEntities = ParameterizedTypeName.get(LIST, type);
        CodeBlock.Builder work = CodeBlock.builder().addStatement("int size = $L.size()", all);
        List<Parameter> parameters = insertAll.parameters();
        for (Parameter parameter : parameters) {
            if (parameter.source() == Parameter.Source.ENTITY) {
                work.addStatement("Object[] $L = new Object[size]", columnArray(parameter.property()));
            }
        }
        work.beginControlFlow("for (int i = 0; i < size; i++)").addStatement("$T $L = $L.get(i)", type, var, all);
        String row = beforeHook(work, HookKind.BEFORE_INSERT, var, "toInsert");
        for (Parameter parameter : parameters) {
            if (parameter.source() == Parameter.Source.ENTITY) {
                Property property = parameter.property();
                CodeBlock value = databaseValue(property, row);
                work.addStatement("$L[i] = $L", columnArray(property),
                        property.valueType().unnestsAsText() ? CodeBlock.of("$T.text($L)", JdbcCode.JDBC, value) : value);
            }
        }
        work.endControlFlow();
        int index = 1;
        for (Parameter parameter : parameters) {
            if (parameter.source() == Parameter.Source.TENANT_SETTING) {
                work.addStatement("statement.setString($L, tenant)", index);
            } else if (parameter.source() == Parameter.Source.TENANT) {
                work.addStatement(bindTenant(index));
            } else if (parameter.source() == Parameter.Source.ACTOR) {
                work.addStatement("statement.setString($L, $T.actor())", index, AUDIT_CONTEXT);
            } else {
                work.addStatement("statement.setArray($L, connection.createArrayOf($S, $L))", index,
                        parameter.property().valueType().unnestElementName(), columnArray(parameter.property()));
            }
            index++;
        }
        return work.add(readInserted(all, listOfEntities, true)).build();
    }


    /** The local holding {@code property}'s values in a set-based insert. */
    private static String columnArray(Property property) {
        return property.name() + "Column";
    }

    /** The local holding {@code property}'s value once converted, when a statement binds it twice. */
    private static String convertedLocal(Property property) {
        return property.name() + "Value";
    }

    /**
     * Reads the inserted rows back, runs the after-insert hooks, returns them: {@code execute}, the
     * rows the set-based statement selects (in list order); otherwise a batch's generated keys.
     */
    private CodeBlock readInserted(String all, TypeName listOfEntities, boolean execute) {
        CodeBlock.Builder work = CodeBlock.builder()
                .addStatement("$T inserted = new $T<>($L.size())", listOfEntities, ARRAY_LIST, all);
        if (execute) {
            work.beginControlFlow("try ($T keys = $L)", RESULT_SET, query());
        } else {
            work.beginControlFlow("try ($T keys = statement.getGeneratedKeys())", RESULT_SET);
        }
        work
                .beginControlFlow("while (keys.next())")
                .addStatement("inserted.add($L)", stored(all + ".get(inserted.size())"))
                .endControlFlow()
                .endControlFlow();
        if (hooks().has(HookKind.AFTER_INSERT)) {
            work.beginControlFlow("for ($T stored : inserted)", type).addStatement("afterInsert(stored)").endControlFlow();
        }
        return work.addStatement("return inserted").build();
    }

    MethodSpec findById(Statement statement) {
        CodeBlock work = CodeBlock.builder()
                .add(bind(statement, "id"))
                .beginControlFlow("try ($T rows = $L)", RESULT_SET, query())
                .add(hooks().has(HookKind.AFTER_LOAD)
                        ? CodeBlock.builder()
                                .beginControlFlow("if (!rows.next())")
                                .addStatement("return $T.empty()", OPTIONAL)
                                .endControlFlow()
                                .addStatement("$T found = map(rows)", type)
                                .addStatement("afterLoad(found)")
                                .addStatement("return $T.of(found)", OPTIONAL)
                                .build()
                        : CodeBlock.builder()
                                .addStatement("return rows.next() ? $T.of(map(rows)) : $T.empty()", OPTIONAL, OPTIONAL)
                                .build())
                .endControlFlow()
                .build();
        return MethodSpec.methodBuilder("findById")
                .addJavadoc("The {@code $L} with {@code id}$L, or empty.\n", name, inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(OPTIONAL, type))
                .addParameter(idType, "id")
                .addCode(requireNonNullId("id"))
                .addCode(tenantPreamble())
                .addCode(withStatement("findById", "FIND_BY_ID", false, work))
                .build();
    }

    MethodSpec findAllAfter(Statement statement) {
        CodeBlock work = CodeBlock.builder()
                .add(bind(statement, "afterId"))
                .add(readList())
                .build();
        MethodSpec.Builder method = MethodSpec.methodBuilder("findAllAfter")
                .addJavadoc("Keyset paging: at most {@code limit} rows$L whose id is greater than {@code afterId},\n"
                        + "in id order. Pass the last id of a page to get the next one$L.\n", inTenant(),
                        id.type().getKind().isPrimitive() ? "" : "; a null {@code afterId} starts at the first row")
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(LIST, type))
                .addParameter(idType, "afterId")
                .addParameter(int.class, "limit");
        if (!id.type().getKind().isPrimitive()) {
            method.beginControlFlow("if (afterId == null)")
                    .addStatement("return findAll(limit, 0)")
                    .endControlFlow();
        }
        return method
                .addCode(requireNotNegative("limit"))
                .addCode(tenantPreamble())
                .addCode(withStatement("findAllAfter", "FIND_ALL_AFTER", false, work))
                .build();
    }

    MethodSpec findAll(Statement statement) {
        CodeBlock work = CodeBlock.builder()
                .add(bind(statement, null))
                .add(readList())
                .build();
        return MethodSpec.methodBuilder("findAll")
                .addJavadoc("Offset paging: at most {@code limit} rows$L in id order, skipping the first {@code offset}.\n"
                        + "Prefer {@link #findAllAfter} for deep pages.\n", inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(LIST, type))
                .addParameter(int.class, "limit")
                .addParameter(long.class, "offset")
                .addCode(requireNotNegative("limit"))
                .addCode(requireNotNegative("offset"))
                .addCode(tenantPreamble())
                .addCode(withStatement("findAll", "FIND_ALL", false, work))
                .build();
    }

    MethodSpec count(Statement statement) {
        CodeBlock work = CodeBlock.builder()
                .add(bind(statement, null))
                .beginControlFlow("try ($T rows = $L)", RESULT_SET, query())
                .addStatement("rows.next()")
                .addStatement("return rows.getLong(1)")
                .endControlFlow()
                .build();
        return MethodSpec.methodBuilder("count")
                .addJavadoc("The number of {@code $L} rows$L.\n", name, inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(long.class)
                .addCode(tenantPreamble())
                .addCode(withStatement("count", "COUNT", false, work))
                .build();
    }

    MethodSpec existsById(Statement statement) {
        CodeBlock work = existsWork(statement);
        MethodSpec.Builder method = MethodSpec.methodBuilder("existsById")
                .addJavadoc("Whether a {@code $L} with {@code id} exists$L.\n", name, inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(idType, "id")
                .addCode(requireNonNullId("id"))
                .addCode(tenantPreamble());
        if (!checksExistence()) {
            return method.addCode(withStatement("existsById", "EXISTS_BY_ID", false, work)).build();
        }
        return method.addStatement("return database.withConnection(SCOPE, $L, $S, connection -> exists(connection, $L))",
                entity.isTenanted() ? "tenant" : "null", name + ".existsById", existsArguments("id")).build();
    }

    /** The statement of {@code existsById} on {@code connection}, bound and executed. */
    private CodeBlock existsWork(Statement statement) {
        return CodeBlock.builder()
                .add(bind(statement, "id"))
                .beginControlFlow("try ($T rows = $L)", RESULT_SET, query())
                .addStatement("rows.next()")
                .addStatement("return rows.getBoolean(1)")
                .endControlFlow()
                .build();
    }

    /**
     * Whether a write finding no row asks whether it exists (a stale {@code @Version}, or no such
     * row): then on the write's own connection, through {@link #exists(Statement)}, so a method never
     * takes a second connection and the check belongs to the write's unit of work.
     */
    private boolean checksExistence() {
        // (a hierarchy root's DAO hands its writes to the subtypes' DAOs, which check)
        return entity.version().isPresent() && !(entity.isPolymorphic() && entity.polymorphism().isRoot());
    }

    /**
     * {@code exists(connection, ...)}: {@code existsById} on a connection the caller holds, with the
     * tenant values its preamble computed.
     */
    private MethodSpec exists(Statement statement) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("exists")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(boolean.class)
                .addException(SQL_EXCEPTION)
                .addParameter(ClassName.get("java.sql", "Connection"), "connection");
        if (entity.isTenanted()) {
            method.addParameter(String.class, "tenant");
            if (hasTenantColumn() && !tenantValue().equals("tenant")) {
                method.addParameter(tenantValueType(), tenantValue());
            }
            if (entity.tenancy().isSchema()) {
                method.addParameter(String.class, "schema");
            }
        }
        return method.addParameter(idType, "id")
                .beginControlFlow("try ($T statement = connection.prepareStatement($L))", PREPARED_STATEMENT,
                        sql("EXISTS_BY_ID"))
                .addCode(existsWork(statement))
                .endControlFlow()
                .build();
    }

    /** The arguments of a call of {@link #exists(Statement)} for the row with id {@code idValue}. */
    private String existsArguments(Object idValue) {
        List<String> arguments = new ArrayList<>();
        if (entity.isTenanted()) {
            arguments.add("tenant");
            if (hasTenantColumn() && !tenantValue().equals("tenant")) {
                arguments.add(tenantValue());
            }
            if (entity.tenancy().isSchema()) {
                arguments.add("schema");
            }
        }
        arguments.add(idValue.toString());
        return String.join(", ", arguments);
    }

    /**
     * The update. When no row changed, the reason (a stale version or a missing row) is looked up
     * on the same connection: a method never holds two pooled connections at once.
     */
    private MethodSpec update(Statement update) {
        boolean hooked = hooks().has(HookKind.BEFORE_UPDATE) || hooks().has(HookKind.AFTER_UPDATE);
        CodeBlock.Builder work = CodeBlock.builder();
        String written = beforeHook(work, HookKind.BEFORE_UPDATE, var, "toUpdate");
        work.add(bind(update, null, written))
                .add(executeReturningRows())
                .beginControlFlow("if (!keys.next())")
                .add(notFoundOrConflict(written))
                .endControlFlow()
                .add(returnStored(HookKind.AFTER_UPDATE, stored(var)))
                .endControlFlow();
        return MethodSpec.methodBuilder("update")
                .addJavadoc("Writes every updatable column of {@code $L} to its row$L and returns the row as stored.\n"
                        + "The id and the tenant are never changed.\n\n"
                        + "@throws $T when no such row exists$L\n", var, inTenant(), ROW_NOT_FOUND, inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addParameter(type, var)
                .addStatement("$T.requireNonNull($L, $S)", OBJECTS, var, var)
                .addCode(requireNonNullId(read(id, var)))
                .addCode(tenantPreamble())
                .addCode(requireCurrentTenant(var))
                .addCode(withStatement(hooked ? "atomically" : "withConnection", "update", "UPDATE", !writesReturnRows(),
                        work.build()))
                .build();
    }

    private MethodSpec delete() {
        boolean hooked = hooks().has(HookKind.BEFORE_DELETE) || hooks().has(HookKind.AFTER_DELETE);
        MethodSpec.Builder method = MethodSpec.methodBuilder("delete")
                .addJavadoc("Deletes the row of {@code $L}$L$L.\n\n@throws $T when no such row exists$L\n",
                        var, inTenant(), hooked ? ", with the delete hooks around it" : "", ROW_NOT_FOUND, inTenant())
                .addModifiers(Modifier.PUBLIC)
                .addParameter(type, var)
                .addStatement("$T.requireNonNull($L, $S)", OBJECTS, var, var)
                .addCode(entity.tenantId().isPresent() || hooked ? tenantPreamble() : CodeBlock.of(""))
                .addCode(requireCurrentTenant(var));
        CodeBlock.Builder body = CodeBlock.builder();
        if (hooks().has(HookKind.BEFORE_DELETE)) {
            body.addStatement("beforeDelete($L)", var);
        }
        if (sql.deleteVersioned().isPresent()) {
            body.addStatement("deleteVersioned($L)", var);
        } else {
            body.beginControlFlow("if (!deleteById($L))", read(id, var))
                    .addStatement("throw new $T($S, $L)", ROW_NOT_FOUND, name, read(id, var))
                    .endControlFlow();
        }
        if (hooks().has(HookKind.AFTER_DELETE)) {
            body.addStatement("afterDelete($L)", var);
        }
        if (!hooked) {
            return method.addCode(body.build()).build();
        }
        return method
                .addCode("database.atomically(SCOPE, $L, $S, connection -> {\n$>", entity.isTenanted() ? "tenant" : "null",
                        name + ".delete")
                .addCode(body.build())
                .addStatement("return null")
                .addCode("$<});\n")
                .build();
    }

    MethodSpec deleteById(Statement statement) {
        CodeBlock work = CodeBlock.builder().add(bind(statement, "id")).add(deleted()).build();
        return MethodSpec.methodBuilder("deleteById")
                .addJavadoc("Deletes the {@code $L} with {@code id}$L.\n\n"
                        + "@return whether a row was deleted; false when none exists$L\n", name, inTenant(), inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(idType, "id")
                .addCode(requireNonNullId("id"))
                .addCode(tenantPreamble())
                .addCode(withStatement("deleteById", "DELETE_BY_ID", false, work))
                .build();
    }

    // ---- private helpers of the generated class ----------------------------------------------------

    private MethodSpec bindInsert() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("bindInsert")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addException(SQL_EXCEPTION)
                .addParameter(PREPARED_STATEMENT, "statement");
        if (SqlBuilder.setsTenant(entity) && !tenantValue().equals("tenant")) {
            method.addParameter(String.class, "tenant");
        }
        if (hasTenantColumn()) {
            method.addParameter(tenantValueType(), tenantValue());
        }
        return method.addParameter(type, var)
                .addCode(bind(sql.insert(), null))
                .build();
    }

    private List<MethodSpec> mapMethods() {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < entity.properties().size(); i++) {
            columns.add(i + 1);
        }
        MethodSpec.Builder map = MethodSpec.methodBuilder("map")
                .addJavadoc("The {@code $L} in the current row of {@code rows}, whose columns are in select order.\n", name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(type)
                .addException(SQL_EXCEPTION)
                .addParameter(RESULT_SET, "rows");
        if (!fillsInstances()) {
            return List.of(map.addCode(mapBody(entity, columns, fields)).build());
        }
        return List.of(map.addStatement("return fill(rows, new $T())", type).build(),
                MethodSpec.methodBuilder("fill")
                        .addJavadoc("Sets every mapped field of {@code $L} from the current row of {@code rows}, and returns it.\n",
                                var)
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(type)
                        .addException(SQL_EXCEPTION)
                        .addParameter(RESULT_SET, "rows")
                        .addParameter(type, var)
                        .addCode(setters(entity, columns, fields, var))
                        .addStatement("return $L", var)
                        .build());
    }

    /**
     * Whether writes fill the caller's instance with the row as stored (generated id, database
     * values) and return that instance: for classes read through setters, as JPA users expect.
     * Records and classes built through their constructor are returned as new instances.
     */
    private boolean fillsInstances() {
        return entity.construction().kind() == Construction.Kind.SETTERS;
    }

    /** The row a write read back in {@code keys}: filled into {@code target} (see {@link #fillsInstances()}), or new. */
    private String stored(String target) {
        return fillsInstances() ? "fill(keys, " + target + ")" : "map(keys)";
    }

    /** Sets each property of {@code target} from its column in {@code columns}. */
    private static CodeBlock setters(EntityModel entity, List<Integer> columns, FieldNames fields, String target) {
        CodeBlock.Builder body = CodeBlock.builder();
        List<Property> properties = entity.properties();
        int idIndex = columns.get(properties.indexOf(entity.id()));
        for (int i = 0; i < properties.size(); i++) {
            Property property = properties.get(i);
            CodeBlock value = readColumn(entity, property, columns.get(i), idIndex, fields);
            if (property.write().kind() == Access.Kind.METHOD) {
                body.addStatement("$L.$L($L)", target, property.write().name(), value);
            } else {
                body.addStatement("$L.$L = $L", target, property.write().name(), value);
            }
        }
        return body.build();
    }

    /**
     * Creates {@code entity} from the current row of {@code rows}, reading each property (in
     * property order) from its column in {@code columns}.
     */
    static CodeBlock mapBody(EntityModel entity, List<Integer> columns, FieldNames fields) {
        CodeBlock.Builder body = CodeBlock.builder();
        List<Property> properties = entity.properties();
        ClassName type = entity.type();
        int idIndex = columns.get(properties.indexOf(entity.id()));
        if (entity.construction().kind() == Construction.Kind.CONSTRUCTOR) {
            List<CodeBlock> arguments = new ArrayList<>();
            for (String parameter : entity.construction().constructorOrder()) {
                int index = indexOf(entity, parameter);
                arguments.add(readColumn(entity, properties.get(index), columns.get(index), idIndex, fields));
            }
            body.add("return new $T(\n$>$>", type)
                    .add(CodeBlock.join(arguments, ",\n"))
                    .add(");\n$<$<");
        } else {
            String var = variableName(entity.name());
            body.addStatement("$T $L = new $T()", type, var, type)
                    .add(setters(entity, columns, fields, var))
                    .addStatement("return $L", var);
        }
        return body.build();
    }

    /**
     * Executes the statement and opens {@code keys} on the rows it returns: the driver's generated
     * keys (RETURNING the columns), or for an audited entity the final SELECT of its CTE.
     */
    private CodeBlock executeReturningRows() {
        if (writesReturnRows()) {
            return CodeBlock.builder()
                    .beginControlFlow("try ($T keys = $L)", RESULT_SET, query())
                    .build();
        }
        return CodeBlock.builder()
                .addStatement("statement.executeUpdate()")
                .beginControlFlow("try ($T keys = statement.getGeneratedKeys())", RESULT_SET)
                .build();
    }

    /**
     * Deletes the row of an entity only at the entity's version; when none was deleted, throws the
     * reason (stale or missing), found on the same connection.
     */
    private MethodSpec deleteVersioned(Statement delete) {
        CodeBlock deleted = entity.isAudited()
                ? CodeBlock.builder()
                        .beginControlFlow("try ($T rows = $L)", RESULT_SET, query())
                        .addStatement("rows.next()")
                        .beginControlFlow("if (rows.getLong(1) == 0)")
                        .add(notFoundOrConflict(var))
                        .endControlFlow()
                        .endControlFlow()
                        .build()
                : CodeBlock.builder()
                        .beginControlFlow("if ($L == 0)", update())
                        .add(notFoundOrConflict(var))
                        .endControlFlow()
                        .build();
        return MethodSpec.methodBuilder("deleteVersioned")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(type, var)
                .addCode(tenantPreamble())
                .addCode("database.withConnection(SCOPE, $L, $S, connection -> {\n$>",
                        entity.isTenanted() ? "tenant" : "null", name + ".delete")
                .beginControlFlow("try ($T statement = connection.prepareStatement($L))", PREPARED_STATEMENT,
                        sql("DELETE_VERSIONED"))
                .addCode(bind(delete, null))
                .addCode(deleted)
                .endControlFlow()
                .addStatement("return null")
                .addCode("$<});\n")
                .build();
    }

    /**
     * Whether inserts and updates are statements whose final SELECT returns the row (a CTE): for
     * audited entities and joined subtypes; otherwise the driver's RETURNING of generated keys.
     */
    /**
     * Whether {@code insertAll} without a set-based statement is a JDBC batch: not when each insert is
     * a statement returning its row (audited entities, joined subtypes), run one by one.
     */
    private boolean batchesInserts() {
        return sql.insertAll().isEmpty() && !entity.isAudited() && !entity.isJoinedSubtype();
    }

    /**
     * Whether some write reads its row back as the driver's generated keys ({@code RETURNED_COLUMNS}):
     * single writes that do not return rows themselves, or a JDBC batch.
     */
    private boolean usesGeneratedKeys() {
        return !writesReturnRows() || batchesInserts();
    }

    private boolean writesReturnRows() {
        return entity.isAudited() || entity.isJoinedSubtype() || SqlBuilder.setsTenant(entity);
    }

    /**
     * Executes {@code statement} for its rows: plainly, or past the tenant setting that precedes
     * every statement of a table under row-level security.
     */
    private CodeBlock query() {
        return SqlBuilder.setsTenant(entity)
                ? CodeBlock.of("$T.queryWithTenant(statement)", JdbcCode.JDBC)
                : CodeBlock.of("statement.executeQuery()");
    }

    /** Executes {@code statement} for its update count, like {@link #query()}. */
    private CodeBlock update() {
        return SqlBuilder.setsTenant(entity)
                ? CodeBlock.of("$T.updateWithTenant(statement)", JdbcCode.JDBC)
                : CodeBlock.of("statement.executeUpdate()");
    }

    /** Whether the delete statement deleted a row: its count, or the count its CTE selects when audited. */
    private CodeBlock deleted() {
        if (!entity.isAudited()) {
            return CodeBlock.builder().addStatement("return $L > 0", update()).build();
        }
        return CodeBlock.builder()
                .beginControlFlow("try ($T rows = $L)", RESULT_SET, query())
                .addStatement("rows.next()")
                .addStatement("return rows.getLong(1) > 0")
                .endControlFlow()
                .build();
    }

    /** No row changed: a version conflict when the row exists, else not found. */
    private CodeBlock notFoundOrConflict(String target) {
        CodeBlock.Builder code = CodeBlock.builder();
        entity.version().ifPresent(version -> code
                .beginControlFlow("if (exists(connection, $L))", existsArguments(read(id, target)))
                .addStatement("throw new $T($S, $L, $L)", OPTIMISTIC_LOCK, name, read(id, target), read(version, target))
                .endControlFlow());
        return code.addStatement("throw new $T($S, $L)", ROW_NOT_FOUND, name, read(id, target)).build();
    }

    // ---- history queries ----------------------------------------------------------------------------

    private List<MethodSpec> historyMethods() {
        if (sql.history().isEmpty()) {
            return List.of();
        }
        EntitySql.History history = sql.history().get();
        TypeName entries = ParameterizedTypeName.get(LIST, ParameterizedTypeName.get(HISTORY_ENTRY, type));
        int first = entity.properties().size() + 1;
        CodeBlock readEntries = readEntries(first);
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(historyOfRow(history.versions(), first, ""));
        methods.add(asOf(history.asOf(), first, ""));
        methods.add(MethodSpec.methodBuilder("changesBetween")
                .addJavadoc("Every change to {@code $L} rows$L from {@code from} (inclusive) to {@code to} (exclusive),\n"
                        + "oldest first.\n", name, inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(entries)
                .addParameter(INSTANT, "from")
                .addParameter(INSTANT, "to")
                .addStatement("$T.requireNonNull(from, $S)", OBJECTS, "from")
                .addStatement("$T.requireNonNull(to, $S)", OBJECTS, "to")
                .addCode(tenantPreamble())
                .addCode(withStatement("changesBetween", "HISTORY_BETWEEN", false,
                        CodeBlock.builder().add(bind(history.between(), null)).add(readEntries).build()))
                .build());
        methods.add(MethodSpec.methodBuilder("changesInTransaction")
                .addJavadoc("Every change to {@code $L} rows$L made by the transaction {@code transactionId}\n"
                        + "(see {@link $T#transactionId()}), oldest first.\n", name, inTenant(), HISTORY_ENTRY)
                .addModifiers(Modifier.PUBLIC)
                .returns(entries)
                .addParameter(long.class, "transactionId")
                .addCode(tenantPreamble())
                .addCode(withStatement("changesInTransaction", "HISTORY_IN_TRANSACTION", false,
                        CodeBlock.builder().add(bind(history.inTransaction(), null)).add(readEntries).build()))
                .build());
        return methods;
    }

    /** Reads every row of the history query into {@code HistoryEntry}s; the history's columns start at {@code first}. */
    private CodeBlock readEntries(int first) {
        TypeName entries = ParameterizedTypeName.get(LIST, ParameterizedTypeName.get(HISTORY_ENTRY, type));
        return CodeBlock.builder()
                .beginControlFlow("try ($T rows = $L)", RESULT_SET, query())
                .addStatement("$T entries = new $T<>()", entries, ARRAY_LIST)
                .beginControlFlow("while (rows.next())")
                .addStatement("entries.add($T.historyEntry(map(rows), rows, $L))", JdbcCode.JDBC, first)
                .endControlFlow()
                .addStatement("return entries")
                .endControlFlow()
                .build();
    }

    /**
     * {@code history(id)}: every version of one row, newest first.
     *
     * @param first the first of the history's own columns in {@code versions}' rows
     * @param asSubtype empty, or how versions of a hierarchy's row are read (its root's DAO)
     */
    MethodSpec historyOfRow(Statement versions, int first, String asSubtype) {
        return MethodSpec.methodBuilder("history")
                .addJavadoc("Every version of the {@code $L} with {@code id}$L, newest first$L;\n"
                        + "a delete's entry holds the last values.\n", name, inTenant(), asSubtype)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(LIST, ParameterizedTypeName.get(HISTORY_ENTRY, type)))
                .addParameter(idType, "id")
                .addCode(requireNonNullId("id"))
                .addCode(tenantPreamble())
                .addCode(withStatement("history", "HISTORY", false,
                        CodeBlock.builder().add(bind(versions, "id")).add(readEntries(first)).build()))
                .build();
    }

    /** {@code asOf(id, at)}: one row as it was at a time; see {@link #historyOfRow}. */
    MethodSpec asOf(Statement asOf, int first, String asSubtype) {
        return MethodSpec.methodBuilder("asOf")
                .addJavadoc("The {@code $L} with {@code id} as it was at {@code at}$L$L:\n"
                        + "empty before its insert and after its delete.\n", name, inTenant(), asSubtype)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(OPTIONAL, type))
                .addParameter(idType, "id")
                .addParameter(INSTANT, "at")
                .addCode(requireNonNullId("id"))
                .addStatement("$T.requireNonNull(at, $S)", OBJECTS, "at")
                .addCode(tenantPreamble())
                .addCode(withStatement("asOf", "HISTORY_AS_OF", false, CodeBlock.builder()
                        .add(bind(asOf, "id"))
                        .beginControlFlow("try ($T rows = $L)", RESULT_SET, query())
                        .addStatement("return rows.next() && !$S.equals(rows.getString($L)) ? $T.of(map(rows)) : $T.empty()",
                                "DELETE", first + 1, OPTIONAL, OPTIONAL)
                        .endControlFlow()
                        .build()))
                .build();
    }

    // ---- hooks, in one place ----------------------------------------------------------------------

    private Hooks hooks() {
        return entity.hooks();
    }

    /**
     * Adds the call of the {@code kind} hooks on {@code source} to {@code code} when there are any,
     * and returns the variable holding the entity to write ({@code source} itself when none run).
     */
    private String beforeHook(CodeBlock.Builder code, HookKind kind, String source, String hooked) {
        if (!hooks().has(kind)) {
            return source;
        }
        code.addStatement("$T $L = $L($L)", type, hooked, kind.method(), source);
        code.add(requireCurrentTenant(hooked));
        return hooked;
    }

    /** Returns {@code row}, after running the {@code kind} hooks on it when there are any. */
    private CodeBlock returnStored(HookKind kind, String row) {
        if (!hooks().has(kind)) {
            return CodeBlock.builder().addStatement("return $L", row).build();
        }
        return CodeBlock.builder()
                .addStatement("$T stored = $L", type, row)
                .addStatement("$L(stored)", kind.method())
                .addStatement("return stored")
                .build();
    }

    /**
     * One private method per hook kind that has hooks: the entity's own method first, then each
     * listener in order. Before insert and update return the entity to write.
     */
    List<MethodSpec> hookMethods() {
        return hookMethods(java.util.EnumSet.allOf(HookKind.class));
    }

    /** {@link #hookMethods()} of the given kinds only. */
    List<MethodSpec> hookMethods(Set<HookKind> kinds) {
        List<MethodSpec> methods = new ArrayList<>();
        for (HookKind kind : HookKind.values()) {
            if (!hooks().has(kind) || !kinds.contains(kind)) {
                continue;
            }
            MethodSpec.Builder method = MethodSpec.methodBuilder(kind.method())
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(type, var);
            Hooks.Method own = hooks().method(kind);
            if (kind.replacesEntity()) {
                method.returns(type).addStatement("$T hooked = $L", type, var);
                if (own != null && !entity.isRecord()) {
                    method.addStatement("hooked.$L()", own.name());
                } else if (own != null && own.element().getEnclosingElement().equals(entity.element())) {
                    method.addStatement("hooked = hooked.$L()", own.name());
                } else if (own != null) {
                    // declared on the hierarchy's root, it returns the root type: it must hand back a $type
                    method.addStatement("hooked = ($T) hooked.$L()", type, own.name());
                }
                for (Hooks.Listener listener : hooks().listeners()) {
                    if (listener.generic() || listener.listenedType().toString().equals(type.canonicalName())) {
                        method.addStatement("hooked = $L.$L(hooked)", listenerField(listener), kind.method());
                    } else {
                        // a listener of a supertype returns the supertype; it must hand back a $type
                        method.addStatement("hooked = ($T) $L.$L(hooked)", type, listenerField(listener),
                                kind.method());
                    }
                }
                method.addStatement("return hooked");
            } else {
                if (own != null) {
                    method.addStatement("$L.$L()", var, own.name());
                }
                for (Hooks.Listener listener : hooks().listeners()) {
                    method.addStatement("$L.$L($L)", listenerField(listener), kind.method(), var);
                }
            }
            methods.add(method.build());
        }
        return methods;
    }

    private String listenerField(Hooks.Listener listener) {
        return fields.listener(listener);
    }

    void addListenerFields(TypeSpec.Builder dao) {
        for (Hooks.Listener listener : hooks().listeners()) {
            ClassName raw = ClassName.get(listener.type());
            TypeName listenerType = listener.generic() ? ParameterizedTypeName.get(raw, type) : raw;
            dao.addField(FieldSpec.builder(listenerType, listenerField(listener), Modifier.PRIVATE, Modifier.FINAL)
                    .initializer(listener.generic() ? "new $T<>()" : "new $T()", raw)
                    .build());
        }
    }

    // ---- code fragments ------------------------------------------------------------------------------

    /**
     * Runs {@code work} with a prepared {@code statement} for {@code constant} on a connection of
     * the current tenant (or no tenant, for a shared entity). The one place generated code takes a
     * connection.
     */
    private CodeBlock withStatement(String operation, String constant, boolean generatedKeys, CodeBlock work) {
        return withStatement("withConnection", operation, constant, generatedKeys, work);
    }

    /**
     * {@link #withStatement(String, String, boolean, CodeBlock)} through {@code database.<how>}:
     * {@code withConnection}, or {@code atomically} for work of several statements.
     *
     * @param generatedKeys whether {@code work} reads the row back as the driver's generated keys
     *     ({@code RETURNED_COLUMNS}) rather than from the statement's own result
     */
    private CodeBlock withStatement(String how, String operation, String constant, boolean generatedKeys, CodeBlock work) {
        return CodeBlock.builder()
                .add("return database.$L(SCOPE, $L, $S, connection -> {\n$>", how,
                        entity.isTenanted() ? "tenant" : "null", name + "." + operation)
                .beginControlFlow("try ($T statement = connection.prepareStatement($L$L))",
                        PREPARED_STATEMENT, sql(constant), generatedKeys ? ", RETURNED_COLUMNS" : "")
                .add(work)
                .endControlFlow()
                .add("$<});\n")
                .build();
    }

    /** The SQL of {@code constant} as sent: in the tenant's schema for schema per tenant. */
    private CodeBlock sql(String constant) {
        return entity.isTenanted() && entity.tenancy().isSchema()
                ? CodeBlock.of("$T.inSchema($L, schema)", TENANT_SQL, constant)
                : CodeBlock.of("$L", constant);
    }

    /** Binds every parameter of {@code statement}, in order, from where {@link Parameter} says it comes from. */
    private CodeBlock bind(Statement statement, String idArgument) {
        return bind(statement, idArgument, var);
    }

    /** Binds every parameter of {@code statement}, reading entity values from {@code target}. */
    private CodeBlock bind(Statement statement, String idArgument, String target) {
        CodeBlock.Builder code = CodeBlock.builder();
        // a converted value bound more than once (an audited update compares it too) is converted once
        java.util.Map<Property, String> converted = new java.util.LinkedHashMap<>();
        for (Parameter parameter : statement.parameters()) {
            Property property = parameter.property();
            if (parameter.source() == Parameter.Source.ENTITY && property.mapping().converter() != null
                    && !converted.containsKey(property)
                    && statement.parameters().stream().filter(p -> p.source() == Parameter.Source.ENTITY
                            && p.property() == property).count() > 1) {
                String local = convertedLocal(property);
                converted.put(property, local);
                code.addStatement("$T $L = $L", TypeName.get(property.mapping().converter().databaseType()), local,
                        databaseValue(property, target));
            }
        }
        int index = 1;
        for (Parameter parameter : statement.parameters()) {
            code.addStatement(switch (parameter.source()) {
                case TENANT -> bindTenant(index);
                case TENANT_SETTING -> CodeBlock.of("statement.setString($L, tenant)", index);
                case ENTITY -> JdbcCode.bind(parameter.property(), "statement", index,
                        converted.containsKey(parameter.property())
                                ? CodeBlock.of("$L", converted.get(parameter.property()))
                                : databaseValue(parameter.property(), target));
                case ID_ARGUMENT -> JdbcCode.bind(parameter.property().valueType(), "statement", index,
                        CodeBlock.of("$L", idArgument));
                case LIMIT -> CodeBlock.of("statement.setInt($L, limit)", index);
                case OFFSET -> CodeBlock.of("statement.setLong($L, offset)", index);
                case ACTOR -> CodeBlock.of("statement.setString($L, $T.actor())", index, AUDIT_CONTEXT);
                case ARGUMENT -> JdbcCode.bind(parameter.argumentType(), "statement", index,
                        CodeBlock.of("$L", parameter.argument()));
            });
            index++;
        }
        return code.build();
    }

    private CodeBlock readList() {
        return CodeBlock.builder()
                .beginControlFlow("try ($T rows = $L)", RESULT_SET, query())
                .addStatement("$T page = new $T<>()", ParameterizedTypeName.get(LIST, type), ARRAY_LIST)
                .beginControlFlow("while (rows.next())")
                .add(hooks().has(HookKind.AFTER_LOAD)
                        ? CodeBlock.builder()
                                .addStatement("$T loaded = map(rows)", type)
                                .addStatement("afterLoad(loaded)")
                                .addStatement("page.add(loaded)")
                                .build()
                        : CodeBlock.builder().addStatement("page.add(map(rows))").build())
                .endControlFlow()
                .addStatement("return page")
                .endControlFlow()
                .build();
    }

    /** Reads column {@code index} of {@code rows} into the property's Java type, through its converter if any. */
    /**
     * Reads column {@code index} into {@code property} of {@code entity}, through its converter if
     * any (whose errors name the row by the id in column {@code idIndex}).
     */
    static CodeBlock readColumn(EntityModel entity, Property property, int index, int idIndex, FieldNames fields) {
        ConverterModel converter = property.mapping().converter();
        String name = entity.name();
        if (converter == null) {
            return JdbcCode.read(property, TypeName.get(property.type()), "rows", index, name);
        }
        CodeBlock column = JdbcCode.read(property, TypeName.get(converter.databaseType()), "rows", index, name);
        return CodeBlock.of("$T.fromDatabase($L, $L, $S, $S, $S, rows.getObject($L))", CONVERSIONS,
                fields.converter(converter), column, name, property.name(), property.column(), idIndex);
    }

    /** The value written for {@code property} of {@code target}: through its converter if any. */
    private CodeBlock databaseValue(Property property, String target) {
        ConverterModel converter = property.mapping().converter();
        if (converter == null) {
            return read(property, target);
        }
        return CodeBlock.of("$T.toDatabase($L, $L, $S, $S, $S, $L)", CONVERSIONS, fields.converter(converter),
                read(property, target), name, property.name(), property.column(), read(id, target));
    }

    void addConverterConstants(TypeSpec.Builder dao) {
        addConverterConstants(dao, entity.properties(), fields);
    }

    /**
     * One constant per converter {@code properties} use (the DAO's one instance of it: {@code
     * MONEY_CONVERTER} for {@code MoneyConverter}, named by {@code fields}), in qualified-name order.
     */
    static void addConverterConstants(TypeSpec.Builder dao, List<Property> properties, FieldNames fields) {
        java.util.Map<String, ConverterModel> byName = new java.util.TreeMap<>();
        for (Property property : properties) {
            ConverterModel converter = property.mapping().converter();
            if (converter != null) {
                byName.putIfAbsent(converter.converter().getQualifiedName().toString(), converter);
            }
        }
        byName.values().forEach(converter -> {
            ClassName type = ClassName.get(converter.converter());
            dao.addField(FieldSpec.builder(type, fields.converter(converter), Modifier.PRIVATE, Modifier.STATIC,
                            Modifier.FINAL)
                    .initializer(converter.instanceField() != null
                            ? CodeBlock.of("$T.$L", type, converter.instanceField())
                            : CodeBlock.of("new $T()", type))
                    .build());
        });
    }

    private static CodeBlock read(Property property, String target) {
        return property.read().kind() == Access.Kind.METHOD
                ? CodeBlock.of("$L.$L()", target, property.read().name())
                : CodeBlock.of("$L.$L", target, property.read().name());
    }

    private CodeBlock requireNonNullId(Object value) {
        if (id.type().getKind().isPrimitive()) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder().addStatement("$T.requireNonNull($L, $S)", OBJECTS, value, name + "." + id.name())
                .build();
    }

    static CodeBlock requireNotNegative(String argument) {
        return CodeBlock.builder()
                .beginControlFlow("if ($L < 0)", argument)
                .addStatement("throw new $T($S + $L)", IllegalArgumentException.class, argument + " must not be negative: ",
                        argument)
                .endControlFlow()
                .build();
    }

    // ---- the tenant, in one place ----------------------------------------------------------------------

    /**
     * The constructor's check that the database can serve the entity (a database-per-tenant entity
     * needs a routing): a misconfigured {@code Database} fails where the DAO is built, at startup.
     */
    CodeBlock checkSupports() {
        return entity.isTenanted() ? CodeBlock.builder().addStatement("database.checkSupports(SCOPE)").build()
                : CodeBlock.of("");
    }

    /**
     * The first thing every tenanted method does before touching the database: find the current
     * tenant or throw {@code NoTenantException}, and turn it into what the statements need: the
     * tenant column's value (row strategy) or the tenant's schema (schema per tenant).
     */
    private CodeBlock tenantPreamble() {
        if (!entity.isTenanted()) {
            return CodeBlock.of("");
        }
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("String tenant = database.requireTenant(SCOPE)");
        switch (entity.tenancy().strategy()) {
            case ROW -> {
                switch (entity.tenancy().columnType()) {
                    case TEXT -> { }
                    case UUID -> code.addStatement("$T tenantKey = $T.uuid(tenant)", UUID, TENANT_KEYS);
                    case BIGINT -> code.addStatement("Long tenantKey = $T.bigint(tenant)", TENANT_KEYS);
                }
            }
            case SCHEMA -> code.addStatement("String schema = database.schemaOf(tenant)");
            case DATABASE -> { }
        }
        return code.build();
    }

    /** Rejects, before any SQL, an entity that exposes a tenant other than the current one. */
    private CodeBlock requireCurrentTenant(String target) {
        Optional<Property> tenantId = entity.tenantId();
        if (tenantId.isEmpty()) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .addStatement("$T.requireCurrent($S, $L, $L)", TENANT_KEYS, name, tenantValue(),
                        read(tenantId.get(), target))
                .build();
    }

    private CodeBlock bindTenant(int index) {
        return switch (entity.tenancy().columnType()) {
            case TEXT -> CodeBlock.of("statement.setString($L, tenant)", index);
            case UUID -> CodeBlock.of("statement.setObject($L, tenantKey)", index);
            case BIGINT -> CodeBlock.of("statement.setLong($L, tenantKey)", index);
        };
    }

    private String tenantValue() {
        return entity.tenancy().columnType() == dev.tenantdao.annotations.Tenanted.ColumnType.TEXT
                ? "tenant" : "tenantKey";
    }

    private TypeName tenantValueType() {
        return switch (entity.tenancy().columnType()) {
            case TEXT -> ClassName.get(String.class);
            case UUID -> UUID;
            case BIGINT -> ClassName.get(Long.class);
        };
    }

    /** The tenant argument of {@code bindInsert}, or nothing when the table has no tenant column. */
    private String tenantValueOrNull() {
        String setting = SqlBuilder.setsTenant(entity) && !tenantValue().equals("tenant") ? "tenant, " : "";
        return setting + (hasTenantColumn() ? tenantValue() + ", " : "");
    }

    private boolean hasTenantColumn() {
        return entity.isTenanted() && entity.tenancy().isRow();
    }

    String inTenant() {
        return entity.isTenanted() ? " in the current tenant" : "";
    }

    // ---------------------------------------------------------------------------------------------

    private static int indexOf(EntityModel entity, String propertyName) {
        List<Property> properties = entity.properties();
        for (int i = 0; i < properties.size(); i++) {
            if (properties.get(i).name().equals(propertyName)) {
                return i;
            }
        }
        throw new IllegalStateException("no property " + propertyName + " in " + entity.name());
    }

    static String plural(String noun) {
        if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
            return noun + "es";
        }
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }

    static String variableName(String simpleName) {
        String candidate = Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
        return SourceVersion.isKeyword(candidate) || TAKEN.contains(candidate) ? "entity" : candidate;
    }
}
