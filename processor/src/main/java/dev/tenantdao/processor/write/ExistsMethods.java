package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.tenantdao.processor.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code existsById(id)}, and for an entity whose writes ask why they found no row (see
 * {@link DaoContext#checksExistence()}) the private {@code currentVersion(connection, ...)} on the
 * write's own connection and the "stale or missing" check that calls it.
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
        return method.addCode(dao.statements().withStatement("existsById", "EXISTS_BY_ID", false,
                work(statement, locals))).build();
    }

    /**
     * {@code currentVersion(connection, ...)}: the version of the row with {@code id} (null when
     * there is none), on a connection the caller holds, with the tenant values its preamble
     * computed: how a write that found no row at the entity's version tells why, without a
     * second connection.
     */
    MethodSpec currentVersion(Statement statement) {
        Locals locals = new Locals(dao);
        TenantCode tenant = dao.tenant();
        MethodSpec.Builder method = MethodSpec.methodBuilder("currentVersion")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(Long.class)
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
            tenant.addVendorParameters(method);
        }
        return method.addParameter(dao.idType(), "id")
                .beginControlFlow("$L", dao.statements().prepare("CURRENT_VERSION"))
                .addCode(dao.binder().bind(statement, "id", locals))
                .addCode(dao.statements().openRows())
                .addStatement("return rows.next() ? rows.getLong(1) : null")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    /** The statement of {@code existsById} on {@code connection}, bound and executed. */
    private CodeBlock work(Statement statement, Locals locals) {
        return CodeBlock.builder()
                .add(dao.binder().bind(statement, "id", locals))
                .add(dao.statements().openRows())
                .addStatement("rows.next()")
                .add(StatementCode.oneRow())
                .addStatement("return rows.getBoolean(1)")
                .endControlFlow()
                .build();
    }

    /** The arguments of a call of {@code currentVersion} for the row with id {@code idValue}. */
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
            if (tenant.vendorScoped()) {
                arguments.add(tenant.vendorArguments().substring(0, tenant.vendorArguments().length() - 2));
            }
        }
        arguments.add(idValue.toString());
        return String.join(", ", arguments);
    }

    /**
     * No row changed: a version conflict, naming the version read and the row's current one, when
     * the row of {@code target} exists; else not found.
     */
    CodeBlock throwNotFoundOrConflict(String target) {
        CodeBlock.Builder code = CodeBlock.builder();
        CodeBlock id = DaoContext.read(dao.id(), target);
        dao.entity().version().ifPresent(version -> code
                .addStatement("Long current = currentVersion(connection, $L)", arguments(id))
                .beginControlFlow("if (current != null)")
                .addStatement("throw new $T($S, $L, $L, current)", Types.OPTIMISTIC_LOCK, dao.name(), id,
                        DaoContext.read(version, target))
                .endControlFlow());
        return code.addStatement("throw new $T($S, $L)", Types.ROW_NOT_FOUND, dao.name(), id).build();
    }
}
