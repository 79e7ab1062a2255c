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
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.sql.EntitySql;
import dev.tenantdao.processor.sql.Parameter;
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
            "offset", "inserted");

    private final EntityModel entity;
    private final EntitySql sql;
    private final ClassName type;
    private final String var;
    private final String name;
    private final Property id;
    private final TypeName idType;

    public DaoWriter(EntityModel entity, EntitySql sql) {
        this.entity = entity;
        this.sql = sql;
        this.type = entity.type();
        this.name = entity.name();
        this.var = variableName(name);
        this.id = entity.id();
        this.idType = TypeName.get(id.type());
    }

    public JavaFile write() {
        TypeSpec.Builder dao = TypeSpec.classBuilder(entity.daoType())
                .addOriginatingElement(entity.element())
                .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(classJavadoc());
        dao.addField(scopeConstant());
        addSqlConstants(dao);
        dao.addField(DATABASE, "database", Modifier.PRIVATE, Modifier.FINAL);
        dao.addMethod(MethodSpec.constructorBuilder()
                .addAnnotation(INJECT)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(DATABASE, "database")
                .addStatement("this.database = $T.requireNonNull(database, $S)", OBJECTS, "database")
                .build());
        dao.addMethod(insert());
        dao.addMethod(insertAll());
        dao.addMethod(findById());
        dao.addMethod(findAllAfter());
        dao.addMethod(findAll());
        dao.addMethod(count());
        dao.addMethod(existsById());
        sql.update().ifPresent(update -> dao.addMethod(update(update)));
        dao.addMethod(delete());
        dao.addMethod(deleteById());
        dao.addMethod(bindInsert());
        dao.addMethod(map());
        return JavaFile.builder(type.packageName(), dao.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private CodeBlock classJavadoc() {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("Data access for {@link $T} rows in table {@code $L}.\n", type, entity.table());
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
    private FieldSpec scopeConstant() {
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
        sql.update().ifPresent(update -> dao.addField(sqlConstant("UPDATE", update)));
        dao.addField(sqlConstant("FIND_BY_ID", sql.findById()));
        dao.addField(sqlConstant("FIND_ALL_AFTER", sql.findAllAfter()));
        dao.addField(sqlConstant("FIND_ALL", sql.findAll()));
        dao.addField(sqlConstant("COUNT", sql.count()));
        dao.addField(sqlConstant("EXISTS_BY_ID", sql.existsById()));
        dao.addField(sqlConstant("DELETE_BY_ID", sql.deleteById()));
        CodeBlock columns = sql.returnedColumns().stream()
                .map(c -> CodeBlock.of("$S", c))
                .collect(CodeBlock.joining(", ", "{", "}"));
        dao.addField(FieldSpec.builder(ArrayTypeName.of(String.class), "RETURNED_COLUMNS",
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The columns {@code insert} and {@code update} read back, in the order of {@link #map}.\n")
                .initializer(columns)
                .build());
    }

    private static FieldSpec sqlConstant(String constant, Statement statement) {
        return FieldSpec.builder(String.class, constant, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", statement.sql())
                .build();
    }

    // ---- public methods -------------------------------------------------------------------------

    private MethodSpec insert() {
        CodeBlock work = CodeBlock.builder()
                .addStatement("bindInsert(statement, $L$L)", tenantValueOrNull(), var)
                .addStatement("statement.executeUpdate()")
                .beginControlFlow("try ($T keys = statement.getGeneratedKeys())", RESULT_SET)
                .addStatement("keys.next()")
                .addStatement("return map(keys)")
                .endControlFlow()
                .build();
        return MethodSpec.methodBuilder("insert")
                .addJavadoc("Inserts {@code $L}$L and returns it as stored, with its generated values.\n", var,
                        entity.isTenanted() ? " as a row of the current tenant" : "")
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addParameter(type, var)
                .addStatement("$T.requireNonNull($L, $S)", OBJECTS, var, var)
                .addCode(tenantPreamble())
                .addCode(requireCurrentTenant(var))
                .addCode(withStatement("insert", "INSERT", true, work))
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
        CodeBlock work = CodeBlock.builder()
                .beginControlFlow("for ($T $L : $L)", type, var, all)
                .addStatement("bindInsert(statement, $L$L)", tenantValueOrNull(), var)
                .addStatement("statement.addBatch()")
                .endControlFlow()
                .addStatement("statement.executeBatch()")
                .addStatement("$T inserted = new $T<>($L.size())", listOfEntities, ARRAY_LIST, all)
                .beginControlFlow("try ($T keys = statement.getGeneratedKeys())", RESULT_SET)
                .beginControlFlow("while (keys.next())")
                .addStatement("inserted.add(map(keys))")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return inserted")
                .build();
        return MethodSpec.methodBuilder("insertAll")
                .addJavadoc("Inserts all of {@code $L} in one JDBC batch$L and returns them as stored, in order.\n"
                        + "All rows are inserted or, when one fails, none (outside a transaction, in one of its own).\n", all,
                        entity.isTenanted() ? " as rows of the current tenant" : "")
                .addModifiers(Modifier.PUBLIC)
                .returns(listOfEntities)
                .addParameter(listOfEntities, all)
                .addStatement("$T.requireNonNull($L, $S)", OBJECTS, all, all)
                .addCode(tenantPreamble())
                .addCode(checks.build())
                .beginControlFlow("if ($L.isEmpty())", all)
                .addStatement("return $T.of()", LIST)
                .endControlFlow()
                .addCode(withStatement("atomically", "insertAll", "INSERT", true, work))
                .build();
    }

    private MethodSpec findById() {
        CodeBlock work = CodeBlock.builder()
                .add(bind(sql.findById(), "id"))
                .beginControlFlow("try ($T rows = statement.executeQuery())", RESULT_SET)
                .addStatement("return rows.next() ? $T.of(map(rows)) : $T.empty()", OPTIONAL, OPTIONAL)
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

    private MethodSpec findAllAfter() {
        CodeBlock work = CodeBlock.builder()
                .add(bind(sql.findAllAfter(), "afterId"))
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

    private MethodSpec findAll() {
        CodeBlock work = CodeBlock.builder()
                .add(bind(sql.findAll(), null))
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

    private MethodSpec count() {
        CodeBlock work = CodeBlock.builder()
                .add(bind(sql.count(), null))
                .beginControlFlow("try ($T rows = statement.executeQuery())", RESULT_SET)
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

    private MethodSpec existsById() {
        CodeBlock work = CodeBlock.builder()
                .add(bind(sql.existsById(), "id"))
                .beginControlFlow("try ($T rows = statement.executeQuery())", RESULT_SET)
                .addStatement("rows.next()")
                .addStatement("return rows.getBoolean(1)")
                .endControlFlow()
                .build();
        return MethodSpec.methodBuilder("existsById")
                .addJavadoc("Whether a {@code $L} with {@code id} exists$L.\n", name, inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(idType, "id")
                .addCode(requireNonNullId("id"))
                .addCode(tenantPreamble())
                .addCode(withStatement("existsById", "EXISTS_BY_ID", false, work))
                .build();
    }

    private MethodSpec update(Statement update) {
        CodeBlock work = CodeBlock.builder()
                .add(bind(update, null))
                .beginControlFlow("if (statement.executeUpdate() == 0)")
                .addStatement("throw new $T($S, $L)", ROW_NOT_FOUND, name, read(id, var))
                .endControlFlow()
                .beginControlFlow("try ($T keys = statement.getGeneratedKeys())", RESULT_SET)
                .addStatement("keys.next()")
                .addStatement("return map(keys)")
                .endControlFlow()
                .build();
        return MethodSpec.methodBuilder("update")
                .addJavadoc("Writes every column of {@code $L} to its row$L and returns the row as stored.\n"
                        + "The id and the tenant are never changed.\n\n"
                        + "@throws $T when no such row exists$L\n", var, inTenant(), ROW_NOT_FOUND, inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addParameter(type, var)
                .addStatement("$T.requireNonNull($L, $S)", OBJECTS, var, var)
                .addCode(requireNonNullId(read(id, var)))
                .addCode(tenantPreamble())
                .addCode(requireCurrentTenant(var))
                .addCode(withStatement("update", "UPDATE", true, work))
                .build();
    }

    private MethodSpec delete() {
        return MethodSpec.methodBuilder("delete")
                .addJavadoc("Deletes the row of {@code $L}$L.\n\n@throws $T when no such row exists$L\n",
                        var, inTenant(), ROW_NOT_FOUND, inTenant())
                .addModifiers(Modifier.PUBLIC)
                .addParameter(type, var)
                .addStatement("$T.requireNonNull($L, $S)", OBJECTS, var, var)
                .addCode(entity.tenantId().isPresent() ? tenantPreamble() : CodeBlock.of(""))
                .addCode(requireCurrentTenant(var))
                .beginControlFlow("if (!deleteById($L))", read(id, var))
                .addStatement("throw new $T($S, $L)", ROW_NOT_FOUND, name, read(id, var))
                .endControlFlow()
                .build();
    }

    private MethodSpec deleteById() {
        CodeBlock work = CodeBlock.builder()
                .add(bind(sql.deleteById(), "id"))
                .addStatement("return statement.executeUpdate() > 0")
                .build();
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
        if (hasTenantColumn()) {
            method.addParameter(tenantValueType(), tenantValue());
        }
        return method.addParameter(type, var)
                .addCode(bind(sql.insert(), null))
                .build();
    }

    private MethodSpec map() {
        CodeBlock.Builder body = CodeBlock.builder();
        List<Property> properties = entity.properties();
        if (entity.construction().kind() == Construction.Kind.CONSTRUCTOR) {
            List<CodeBlock> arguments = new ArrayList<>();
            for (String parameter : entity.construction().constructorOrder()) {
                int index = indexOf(parameter);
                arguments.add(readColumn(properties.get(index), index + 1));
            }
            body.add("return new $T(\n$>$>", type)
                    .add(CodeBlock.join(arguments, ",\n"))
                    .add(");\n$<$<");
        } else {
            body.addStatement("$T $L = new $T()", type, var, type);
            for (int i = 0; i < properties.size(); i++) {
                Property property = properties.get(i);
                CodeBlock value = readColumn(property, i + 1);
                if (property.write().kind() == Access.Kind.METHOD) {
                    body.addStatement("$L.$L($L)", var, property.write().name(), value);
                } else {
                    body.addStatement("$L.$L = $L", var, property.write().name(), value);
                }
            }
            body.addStatement("return $L", var);
        }
        return MethodSpec.methodBuilder("map")
                .addJavadoc("The {@code $L} in the current row of {@code rows}, whose columns are in select order.\n", name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(type)
                .addException(SQL_EXCEPTION)
                .addParameter(RESULT_SET, "rows")
                .addCode(body.build())
                .build();
    }

    // ---- code fragments ------------------------------------------------------------------------------

    /**
     * Runs {@code work} with a prepared {@code statement} for {@code constant} on a connection of
     * the current tenant (or no tenant, for a shared entity). The one place generated code takes a
     * connection.
     */
    private CodeBlock withStatement(String operation, String constant, boolean returning, CodeBlock work) {
        return withStatement("withConnection", operation, constant, returning, work);
    }

    /**
     * {@link #withStatement(String, String, boolean, CodeBlock)} through {@code database.<how>}:
     * {@code withConnection}, or {@code atomically} for work of several statements.
     */
    private CodeBlock withStatement(String how, String operation, String constant, boolean returning, CodeBlock work) {
        return CodeBlock.builder()
                .add("return database.$L(SCOPE, $L, $S, connection -> {\n$>", how,
                        entity.isTenanted() ? "tenant" : "null", name + "." + operation)
                .beginControlFlow("try ($T statement = connection.prepareStatement($L$L))",
                        PREPARED_STATEMENT, sql(constant), returning ? ", RETURNED_COLUMNS" : "")
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
        CodeBlock.Builder code = CodeBlock.builder();
        int index = 1;
        for (Parameter parameter : statement.parameters()) {
            code.addStatement(switch (parameter.source()) {
                case TENANT -> bindTenant(index);
                case ENTITY -> JdbcCode.bind(parameter.property().valueType(), "statement", index,
                        read(parameter.property(), var));
                case ID_ARGUMENT -> JdbcCode.bind(parameter.property().valueType(), "statement", index,
                        CodeBlock.of("$L", idArgument));
                case LIMIT -> CodeBlock.of("statement.setInt($L, limit)", index);
                case OFFSET -> CodeBlock.of("statement.setLong($L, offset)", index);
            });
            index++;
        }
        return code.build();
    }

    private CodeBlock readList() {
        return CodeBlock.builder()
                .beginControlFlow("try ($T rows = statement.executeQuery())", RESULT_SET)
                .addStatement("$T page = new $T<>()", ParameterizedTypeName.get(LIST, type), ARRAY_LIST)
                .beginControlFlow("while (rows.next())")
                .addStatement("page.add(map(rows))")
                .endControlFlow()
                .addStatement("return page")
                .endControlFlow()
                .build();
    }

    private CodeBlock readColumn(Property property, int index) {
        return JdbcCode.read(property.valueType(), TypeName.get(property.type()), "rows", index, name,
                property.column());
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

    private static CodeBlock requireNotNegative(String argument) {
        return CodeBlock.builder()
                .beginControlFlow("if ($L < 0)", argument)
                .addStatement("throw new $T($S + $L)", IllegalArgumentException.class, argument + " must not be negative: ",
                        argument)
                .endControlFlow()
                .build();
    }

    // ---- the tenant, in one place ----------------------------------------------------------------------

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
        return hasTenantColumn() ? tenantValue() + ", " : "";
    }

    private boolean hasTenantColumn() {
        return entity.isTenanted() && entity.tenancy().isRow();
    }

    private String inTenant() {
        return entity.isTenanted() ? " in the current tenant" : "";
    }

    // ---------------------------------------------------------------------------------------------

    private int indexOf(String propertyName) {
        List<Property> properties = entity.properties();
        for (int i = 0; i < properties.size(); i++) {
            if (properties.get(i).name().equals(propertyName)) {
                return i;
            }
        }
        throw new IllegalStateException("no property " + propertyName + " in " + name);
    }

    private static String plural(String noun) {
        if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
            return noun + "es";
        }
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }

    private static String variableName(String simpleName) {
        String candidate = Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
        return SourceVersion.isKeyword(candidate) || TAKEN.contains(candidate) ? "entity" : candidate;
    }
}
