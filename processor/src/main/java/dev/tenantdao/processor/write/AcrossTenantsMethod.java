package dev.tenantdao.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.tenantdao.processor.sql.AcrossTenantsSql;
import dev.tenantdao.processor.sql.Statement;
import dev.tenantdao.processor.sql.pass.TenancyPass;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The reads across tenants of a row-tenanted entity's DAO, with {@code -Atenantdao.operatorRole}:
 * {@code findAllAcrossTenants(limit, offset)}, {@code findAllAcrossTenantsAfter(afterTenant, afterId, limit)},
 * {@code findByIdAcrossTenants(id)} and {@code countAcrossTenants()}. The runtime serves them only inside
 * {@code Database.asOperator}, on the operators' login, and logs the tenants whose rows each returned.
 */
final class AcrossTenantsMethod {

    private static final String OUTSIDE = "@throws dev.tenantdao.runtime.OperatorAccessException outside an operator block;"
            + " nothing is sent\n";

    private final DaoContext dao;

    AcrossTenantsMethod(DaoContext dao) {
        this.dao = dao;
    }

    List<MethodSpec> methods(AcrossTenantsSql sql) {
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(page(sql.page()));
        methods.add(after(sql.after()));
        methods.add(byId(sql.byId()));
        methods.add(count(sql.count()));
        return methods;
    }

    private MethodSpec page(Statement statement) {
        return MethodSpec.methodBuilder("findAllAcrossTenants")
                .addJavadoc("Operator access: at most {@code limit} rows of every tenant, each with its tenant, in tenant and id\n"
                        + "order, skipping the first {@code offset}. Only inside {@code Database.asOperator}, on the operators'\n"
                        + "login, and written to its access log with the tenants whose rows it returned.\n\n" + OUTSIDE)
                .addModifiers(Modifier.PUBLIC)
                .returns(rows(dao))
                .addParameter(int.class, "limit")
                .addParameter(long.class, "offset")
                .addCode(DaoContext.requireNotNegative("limit"))
                .addCode(DaoContext.requireNotNegative("offset"))
                .addCode(readRows("findAllAcrossTenants", "FIND_ALL_ACROSS_TENANTS", statement, null))
                .build();
    }

    private MethodSpec after(Statement statement) {
        boolean primitiveId = dao.id().type().getKind().isPrimitive();
        MethodSpec.Builder method = MethodSpec.methodBuilder("findAllAcrossTenantsAfter")
                .addJavadoc("Operator access, keyset paging: at most {@code limit} rows of every tenant, each with its tenant,\n"
                        + "whose (tenant, id) comes after ({@code afterTenant}, {@code afterId}), in tenant and id order. Pass\n"
                        + "the tenant and id of a page's last row to get the next one;\n"
                        + "$L starts at the first row. Only inside {@code Database.asOperator},\n"
                        + "on the operators' login, and written to its access log with the tenants whose rows it returned.\n\n"
                        + "@throws IllegalArgumentException when $L\n"
                        + OUTSIDE, primitiveId ? "a null {@code afterTenant} and an {@code afterId} of 0"
                                : "a null {@code afterTenant} and {@code afterId}",
                        primitiveId ? "{@code afterTenant} is null and {@code afterId} is not 0 (half a cursor)"
                                : "only one of {@code afterTenant} and {@code afterId} is null")
                .addModifiers(Modifier.PUBLIC)
                .returns(rows(dao))
                .addParameter(String.class, "afterTenant")
                .addParameter(dao.idType(), "afterId")
                .addParameter(int.class, "limit");
        if (primitiveId) {
            method.beginControlFlow("if (afterTenant == null && afterId == 0)")
                    .addStatement("return findAllAcrossTenants(limit, 0)")
                    .endControlFlow()
                    .beginControlFlow("if (afterTenant == null)")
                    .addStatement("throw new $T($S)", IllegalArgumentException.class,
                            "afterTenant and afterId: both the last row's, or null and 0 for the first page")
                    .endControlFlow();
        } else {
            method.beginControlFlow("if (afterTenant == null && afterId == null)")
                    .addStatement("return findAllAcrossTenants(limit, 0)")
                    .endControlFlow()
                    .beginControlFlow("if (afterTenant == null || afterId == null)")
                    .addStatement("throw new $T($S)", IllegalArgumentException.class,
                            "afterTenant and afterId: both the last row's, or both null for the first page")
                    .endControlFlow();
        }
        return method
                .addCode(DaoContext.requireNotNegative("limit"))
                .addCode(readRows("findAllAcrossTenantsAfter", "FIND_ALL_ACROSS_TENANTS_AFTER", statement, "afterId"))
                .build();
    }

    private MethodSpec byId(Statement statement) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("findByIdAcrossTenants")
                .addJavadoc("Operator access: the rows with {@code id} in every tenant (an id may be in several), each with its\n"
                        + "tenant, in tenant order. Only inside {@code Database.asOperator}, on the operators' login, and\n"
                        + "written to its access log with the tenants whose rows it returned.\n\n" + OUTSIDE)
                .addModifiers(Modifier.PUBLIC)
                .returns(rows(dao))
                .addParameter(dao.idType(), "id");
        if (!dao.id().type().getKind().isPrimitive()) {
            method.addStatement("$T.requireNonNull(id, $S)", java.util.Objects.class, "id");
        }
        return method.addCode(readRows("findByIdAcrossTenants", "FIND_BY_ID_ACROSS_TENANTS", statement, "id")).build();
    }

    private MethodSpec count(Statement statement) {
        Locals locals = new Locals(dao);
        CodeBlock read = CodeBlock.builder()
                .addStatement("$T counts = new $T<>()", COUNTS, LINKED_HASH_MAP)
                .add(readCounts("counts"))
                .addStatement("return call.countsOfTenants(counts)")
                .build();
        return MethodSpec.methodBuilder("countAcrossTenants")
                .addJavadoc("Operator access: the number of {@code $L} rows of each tenant that has any, in tenant order.\n"
                        + "Only inside {@code Database.asOperator}, on the operators' login, and written to its access log\n"
                        + "with the tenants counted (one row each).\n\n" + OUTSIDE, dao.name())
                .addModifiers(Modifier.PUBLIC)
                .returns(COUNTS)
                .addCode(query(dao.name() + ".countAcrossTenants", "COUNT_ACROSS_TENANTS", statement, null, locals, read))
                .build();
    }

    private static ParameterizedTypeName rows(DaoContext dao) {
        return ParameterizedTypeName.get(Types.LIST, ParameterizedTypeName.get(Types.TENANT_ROW, dao.type()));
    }

    /** {@code Map<String, Long>}: each tenant's count. */
    static final TypeName COUNTS = ParameterizedTypeName.get(Types.MAP, ClassName.get(String.class),
            ClassName.get(Long.class));

    static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");

    /** The tenant of the current row of {@code rows}: the column a statement across tenants selects last. */
    static CodeBlock tenant() {
        return CodeBlock.of("rows.getString($S)", TenancyPass.ROW_TENANT_LABEL);
    }

    /**
     * Reads every row of {@code rows} into a list of {@code TenantRow}s (each after its load hooks, with the
     * tenant the statement selected last) and returns it through the call, which reports them with their tenants.
     * The DAO's reads across tenants and {@code @AcrossTenants} repository methods alike.
     */
    static CodeBlock readTenantRows(DaoContext dao) {
        return CodeBlock.builder()
                .add(tenantRows(dao.type()))
                .add(readTenantRows(dao.hooks().addLoadedWithTenant("found", tenant())))
                .addStatement("return call.rowsOfTenants(found)")
                .build();
    }

    /** {@code List<TenantRow<element>> found}, a new list. */
    static CodeBlock tenantRows(TypeName element) {
        return CodeBlock.builder().addStatement("$T found = new $T<>()", ParameterizedTypeName.get(Types.LIST,
                ParameterizedTypeName.get(Types.TENANT_ROW, element)), Types.ARRAY_LIST).build();
    }

    /** Reads every row of {@code rows} into {@code found} ({@link #tenantRows}), each added by {@code addRow}. */
    static CodeBlock readTenantRows(CodeBlock addRow) {
        return CodeBlock.builder()
                .beginControlFlow("while (rows.next())")
                .add(addRow)
                .endControlFlow()
                .build();
    }

    /**
     * Reads each tenant's count from {@code rows} (a statement counting across tenants, {@code GROUP BY} the
     * tenant) into {@code counts}, a map of them in tenant order ({@link #LINKED_HASH_MAP}).
     */
    static CodeBlock readCounts(String counts) {
        return CodeBlock.builder()
                .beginControlFlow("while (rows.next())")
                .addStatement("$L.put($L, rows.getLong(1))", counts, tenant())
                .endControlFlow()
                .build();
    }

    /** Reads every row of the statement into a list of {@code TenantRow}s, reported with their tenants. */
    private CodeBlock readRows(String method, String constant, Statement statement, String idArgument) {
        return query(dao.name() + "." + method, constant, statement, idArgument, new Locals(dao), readTenantRows(dao));
    }

    /** Begins the call across tenants, binds and runs the statement, and reads its rows with {@code read}. */
    private CodeBlock query(String operation, String constant, Statement statement, String idArgument, Locals locals,
            CodeBlock read) {
        return call(operation, constant, dao.binder().bind(statement, idArgument, locals), read);
    }

    /**
     * A call across tenants, of a DAO or a repository ({@code @AcrossTenants}): begins it (refused outside an
     * operator block, before any SQL), runs statement {@code constant} with {@code bind} on the operators'
     * connection, and reads its rows with {@code read}, which returns through the call's log.
     */
    static CodeBlock call(String operation, String constant, CodeBlock bind, CodeBlock read) {
        return call(operation, constant, CodeBlock.of("$L", constant), bind, read, CodeBlock.of(""));
    }

    /**
     * {@link #call(String, String, CodeBlock, CodeBlock)} sending {@code text} (the constant with the sort
     * criteria given at run time), then doing {@code then} after the statement is closed (a page's total), which
     * returns through the call's log if {@code read} does not.
     */
    static CodeBlock call(String operation, String constant, CodeBlock text, CodeBlock bind, CodeBlock read,
            CodeBlock then) {
        return CodeBlock.builder()
                .add(begin(operation, constant))
                .add(query(text, bind, read))
                .add(then)
                .add(StatementCode.end())
                .build();
    }

    /**
     * Begins a call across tenants that sends the statement {@code sql} (a constant, or a local naming the one it
     * sends): refused outside an operator block, before any SQL; opens the {@code try} of its work, which {@link
     * StatementCode#end()} closes.
     */
    static CodeBlock begin(String operation, String sql) {
        return CodeBlock.builder()
                .addStatement("$T call = support.beginAcrossTenants($S, $L)", Types.DAO_CALL, operation, sql)
                .beginControlFlow("try")
                .addStatement("$T connection = call.connection()", Types.CONNECTION)
                .build();
    }

    /** Prepares the statement {@code text} on the operators' connection, binds it with {@code bind}, and reads its rows with {@code read}. */
    static CodeBlock query(CodeBlock text, CodeBlock bind, CodeBlock read) {
        return CodeBlock.builder()
                .beginControlFlow("try ($T statement = connection.prepareStatement($L))", Types.PREPARED_STATEMENT, text)
                .add(bind)
                .beginControlFlow("try ($T rows = statement.executeQuery())", Types.RESULT_SET)
                .add(read)
                .endControlFlow()
                .endControlFlow()
                .build();
    }
}
