package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.tenantdao.processor.model.HookKind;
import dev.tenantdao.processor.sql.Statement;
import javax.lang.model.element.Modifier;

/**
 * {@code update(entity)}. When no row changed, the reason (a stale version or a missing row) is
 * looked up on the same connection: a method never holds two pooled connections at once.
 */
final class UpdateMethod {

    private final DaoContext dao;
    private final ExistsMethods exists;

    UpdateMethod(DaoContext dao, ExistsMethods exists) {
        this.dao = dao;
        this.exists = exists;
    }

    MethodSpec method(Statement update) {
        Locals locals = new Locals(dao);
        String var = dao.var();
        HookCalls hooks = dao.hooks();
        CodeBlock.Builder work = CodeBlock.builder();
        String written = hooks.before(work, HookKind.BEFORE_UPDATE, var, "toUpdate");
        work.add(dao.binder().bind(update, null, written, locals))
                .add(dao.statements().executeReturningRows())
                .beginControlFlow("if (!keys.next())")
                .add(exists.throwNotFoundOrConflict(written))
                .endControlFlow()
                .add(StatementCode.oneRow())
                .add(hooks.returnStored(HookKind.AFTER_UPDATE, dao.stored(var)))
                .endControlFlow();
        return MethodSpec.methodBuilder("update")
                .addJavadoc("Writes every updatable column of {@code $L} to its row$L and returns the row as stored.\n"
                        + "The id and the tenant are never changed.\n\n"
                        + "@throws $T when no such row exists$L\n", var, dao.inTenant(), Types.ROW_NOT_FOUND,
                        dao.inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(dao.type())
                .addParameter(dao.type(), var)
                .addStatement("$T.requireNonNull($L, $S)", Types.OBJECTS, var, var)
                .addCode(dao.requireNonNullId(DaoContext.read(dao.id(), var)))
                .addCode(dao.tenant().preamble())
                .addCode(dao.tenant().requireCurrent(var))
                .addCode(dao.statements().withStatement(
                        hooks.hasAny(HookKind.BEFORE_UPDATE, HookKind.AFTER_UPDATE) ? "atomically" : "withConnection",
                        "update", "UPDATE", !dao.writesReturnRows(), work.build()))
                .build();
    }
}
