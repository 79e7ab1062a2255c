package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.tenantdao.processor.model.HookKind;
import dev.tenantdao.processor.sql.Statement;
import javax.lang.model.element.Modifier;

/**
 * {@code delete(entity)} (with the delete hooks around it), {@code deleteById(id)}, and for a
 * versioned entity the private {@code deleteVersioned(entity)} that {@code delete} calls.
 */
final class DeleteMethods {

    private final DaoContext dao;
    private final ExistsMethods exists;

    DeleteMethods(DaoContext dao, ExistsMethods exists) {
        this.dao = dao;
        this.exists = exists;
    }

    MethodSpec delete() {
        String var = dao.var();
        HookCalls hooks = dao.hooks();
        boolean hooked = hooks.hasAny(HookKind.BEFORE_DELETE, HookKind.AFTER_DELETE);
        MethodSpec.Builder method = MethodSpec.methodBuilder("delete")
                .addJavadoc("Deletes the row of {@code $L}$L$L.\n\n@throws $T when no such row exists$L\n",
                        var, dao.inTenant(), hooked ? ", with the delete hooks around it" : "", Types.ROW_NOT_FOUND,
                        dao.inTenant())
                .addModifiers(Modifier.PUBLIC)
                .addParameter(dao.type(), var)
                .addStatement("$T.requireNonNull($L, $S)", Types.OBJECTS, var, var)
                .addCode(dao.entity().tenantId().isPresent() || dao.entity().vendorId().isPresent() || hooked
                        ? dao.tenant().preamble() : CodeBlock.of(""))
                .addCode(dao.tenant().requireCurrent(var));
        CodeBlock.Builder body = CodeBlock.builder().add(hooks.call(HookKind.BEFORE_DELETE, var));
        if (dao.sql().deleteVersioned().isPresent()) {
            body.addStatement("deleteVersioned($L)", var);
        } else {
            CodeBlock id = DaoContext.read(dao.id(), var);
            body.beginControlFlow("if (!deleteById($L))", id)
                    .addStatement("throw new $T($S, $L)", Types.ROW_NOT_FOUND, dao.name(), id)
                    .endControlFlow();
        }
        body.add(hooks.call(HookKind.AFTER_DELETE, var));
        if (!hooked) {
            return method.addCode(body.build()).build();
        }
        return method.addCode(dao.statements().call("atomically", "delete", null, body.build()))
                .build();
    }

    MethodSpec deleteById(Statement statement) {
        Locals locals = new Locals(dao);
        CodeBlock work = CodeBlock.builder()
                .add(dao.binder().bind(statement, "id", locals))
                .add(dao.statements().returnDeleted())
                .build();
        return MethodSpec.methodBuilder("deleteById")
                .addJavadoc("Deletes the {@code $L} with {@code id}$L.\n\n"
                        + "@return whether a row was deleted; false when none exists$L\n", dao.name(), dao.inTenant(),
                        dao.inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(dao.idType(), "id")
                .addCode(dao.requireNonNullId("id"))
                .addCode(dao.tenant().preamble())
                .addCode(dao.statements().withStatement("deleteById", "DELETE_BY_ID", false, work))
                .build();
    }

    /**
     * Deletes the row of an entity only at the entity's version; when none was deleted, throws the
     * reason (stale or missing), found on the same connection.
     */
    MethodSpec deleteVersioned(Statement delete) {
        Locals locals = new Locals(dao);
        String var = dao.var();
        StatementCode statements = dao.statements();
        CodeBlock deleted = dao.entity().isAudited()
                ? CodeBlock.builder()
                        .add(statements.openRows())
                        .addStatement("rows.next()")
                        .beginControlFlow("if ($L == 0)", StatementCode.rows(CodeBlock.of("rows.getLong(1)")))
                        .add(exists.throwNotFoundOrConflict(var))
                        .endControlFlow()
                        .endControlFlow()
                        .build()
                : CodeBlock.builder()
                        .beginControlFlow("if ($L == 0)", statements.updateCounted())
                        .add(exists.throwNotFoundOrConflict(var))
                        .endControlFlow()
                        .build();
        CodeBlock work = CodeBlock.builder()
                .beginControlFlow("$L", statements.prepare("DELETE_VERSIONED"))
                .add(dao.binder().bind(delete, null, locals))
                .add(deleted)
                .endControlFlow()
                .build();
        return MethodSpec.methodBuilder("deleteVersioned")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(dao.type(), var)
                .addCode(dao.tenant().preamble())
                .addCode(statements.call("withConnection", "delete", "DELETE_VERSIONED", work))
                .build();
    }
}
