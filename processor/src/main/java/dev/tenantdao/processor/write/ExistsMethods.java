package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.tenantdao.processor.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code existsById(id)}, and for an entity whose writes ask why they found no row (see
 * {@link DaoContext#checksExistence()}) the private {@code exists(connection, ...)} on the write's
 * own connection and the "stale or missing" check that calls it.
 */
final class ExistsMethods {

    private final DaoContext dao;

    ExistsMethods(DaoContext dao) {
        this.dao = dao;
    }

    MethodSpec existsById(Statement statement) {
        Locals locals = new Locals(dao);
        MethodSpec.Builder method = MethodSpec.methodBuilder("existsById")
                .addJavadoc("Whether a {@code $L} with {@code id} exists$L.\n", dao.name(), dao.inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(dao.idType(), "id")
                .addCode(dao.requireNonNullId("id"))
                .addCode(dao.tenant().preamble());
        if (!dao.checksExistence()) {
            return method.addCode(dao.statements().withStatement("existsById", "EXISTS_BY_ID", false,
                    work(statement, locals))).build();
        }
        return method.addStatement("return support.withConnection($L, $S, connection -> exists(connection, $L))",
                dao.tenant().argument(), dao.name() + ".existsById", arguments("id")).build();
    }

    /**
     * {@code exists(connection, ...)}: {@code existsById} on a connection the caller holds, with the
     * tenant values its preamble computed.
     */
    MethodSpec exists(Statement statement) {
        Locals locals = new Locals(dao);
        TenantCode tenant = dao.tenant();
        MethodSpec.Builder method = MethodSpec.methodBuilder("exists")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(boolean.class)
                .addException(Types.SQL_EXCEPTION)
                .addParameter(Types.CONNECTION, "connection");
        if (dao.entity().isTenanted()) {
            method.addParameter(String.class, "tenant");
            if (tenant.hasColumn() && !tenant.value().equals("tenant")) {
                method.addParameter(tenant.valueType(), tenant.value());
            }
            if (tenant.inSchema()) {
                method.addParameter(String.class, "schema");
            }
        }
        return method.addParameter(dao.idType(), "id")
                .beginControlFlow("$L", dao.statements().prepare("EXISTS_BY_ID"))
                .addCode(work(statement, locals))
                .endControlFlow()
                .build();
    }

    /** The statement of {@code existsById} on {@code connection}, bound and executed. */
    private CodeBlock work(Statement statement, Locals locals) {
        return CodeBlock.builder()
                .add(dao.binder().bind(statement, "id", locals))
                .add(dao.statements().openRows())
                .addStatement("rows.next()")
                .addStatement("return rows.getBoolean(1)")
                .endControlFlow()
                .build();
    }

    /** The arguments of a call of {@code exists} for the row with id {@code idValue}. */
    private String arguments(Object idValue) {
        List<String> arguments = new ArrayList<>();
        TenantCode tenant = dao.tenant();
        if (dao.entity().isTenanted()) {
            arguments.add("tenant");
            if (tenant.hasColumn() && !tenant.value().equals("tenant")) {
                arguments.add(tenant.value());
            }
            if (tenant.inSchema()) {
                arguments.add("schema");
            }
        }
        arguments.add(idValue.toString());
        return String.join(", ", arguments);
    }

    /** No row changed: a version conflict when the row of {@code target} exists, else not found. */
    CodeBlock throwNotFoundOrConflict(String target) {
        CodeBlock.Builder code = CodeBlock.builder();
        CodeBlock id = DaoContext.read(dao.id(), target);
        dao.entity().version().ifPresent(version -> code
                .beginControlFlow("if (exists(connection, $L))", arguments(id))
                .addStatement("throw new $T($S, $L, $L)", Types.OPTIMISTIC_LOCK, dao.name(), id,
                        DaoContext.read(version, target))
                .endControlFlow());
        return code.addStatement("throw new $T($S, $L)", Types.ROW_NOT_FOUND, dao.name(), id).build();
    }
}
