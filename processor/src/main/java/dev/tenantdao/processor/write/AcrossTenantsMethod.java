package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.tenantdao.processor.sql.Statement;
import dev.tenantdao.processor.sql.pass.TenancyPass;
import javax.lang.model.element.Modifier;

/**
 * {@code findAllAcrossTenants(limit, offset)}, with {@code -Atenantdao.operatorRole}: offset paging over every
 * tenant's rows in key order, each with its tenant; the runtime serves it only inside {@code Database.asOperator},
 * on the operators' login, and logs the tenants whose rows it returned.
 */
final class AcrossTenantsMethod {

    private final DaoContext dao;

    AcrossTenantsMethod(DaoContext dao) {
        this.dao = dao;
    }

    MethodSpec method(Statement statement) {
        Locals locals = new Locals(dao);
        String operation = dao.name() + ".findAllAcrossTenants";
        ParameterizedTypeName row = ParameterizedTypeName.get(Types.TENANT_ROW, dao.type());
        CodeBlock work = CodeBlock.builder()
                .addStatement("$T call = support.beginAcrossTenants($S, FIND_ALL_ACROSS_TENANTS)", Types.DAO_CALL, operation)
                .beginControlFlow("try")
                .addStatement("$T connection = call.connection()", Types.CONNECTION)
                .beginControlFlow("try ($T statement = connection.prepareStatement(FIND_ALL_ACROSS_TENANTS))",
                        Types.PREPARED_STATEMENT)
                .add(dao.binder().bind(statement, null, locals))
                .beginControlFlow("try ($T rows = statement.executeQuery())", Types.RESULT_SET)
                .addStatement("$T page = new $T<>()", ParameterizedTypeName.get(Types.LIST, row), Types.ARRAY_LIST)
                .beginControlFlow("while (rows.next())")
                .add(dao.hooks().addLoadedWithTenant("page", CodeBlock.of("rows.getString($S)", TenancyPass.ROW_TENANT_LABEL)))
                .endControlFlow()
                .addStatement("return call.rowsOfTenants(page)")
                .endControlFlow()
                .endControlFlow()
                .add(StatementCode.end())
                .build();
        return MethodSpec.methodBuilder("findAllAcrossTenants")
                .addJavadoc("Operator access: at most {@code limit} rows of every tenant, each with its tenant, in tenant and id\n"
                        + "order, skipping the first {@code offset}. Only inside {@code Database.asOperator}, on the operators'\n"
                        + "login, and written to its access log with the tenants whose rows it returned.\n\n"
                        + "@throws dev.tenantdao.runtime.OperatorAccessException outside an operator block; nothing is sent\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Types.LIST, row))
                .addParameter(int.class, "limit")
                .addParameter(long.class, "offset")
                .addCode(DaoContext.requireNotNegative("limit"))
                .addCode(DaoContext.requireNotNegative("offset"))
                .addCode(work)
                .build();
    }
}
