package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.tenantdao.processor.model.HookKind;
import dev.tenantdao.processor.sql.EntitySql;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code insert}, the upserts ({@code upsert} on the id, {@code upsertBy<Field>} on each unique
 * column), each an insert of one entity with the insert hooks around it, and the private
 * {@code bindInsert} they and a JDBC batch share.
 */
final class InsertMethods {

    private final DaoContext dao;

    InsertMethods(DaoContext dao) {
        this.dao = dao;
    }

    MethodSpec insert() {
        return insertLike("insert", "INSERT", true, false, CodeBlock.of(
                "Inserts {@code $L}$L and returns it as stored, with the values the database filled in.\n", dao.var(),
                dao.entity().isTenanted() ? " as a row of the current tenant" : ""));
    }

    List<MethodSpec> upserts() {
        List<MethodSpec> methods = new ArrayList<>();
        for (EntitySql.Upsert upsert : dao.sql().upserts()) {
            String target = upsert.on() == dao.id() ? "id" : "{@code " + upsert.on().column() + "}";
            methods.add(insertLike(upsert.method(), upsert.constant(), false, dao.entity().isSoftDeleted(), CodeBlock.of(
                    "Inserts {@code $L}$L or, when a row with its $L exists$L, updates that row's updatable columns;\n"
                            + "returns the row as stored. Runs the insert hooks.\n", dao.var(),
                    dao.entity().isTenanted() ? " as a row of the current tenant" : "", target,
                    dao.entity().isTenanted() ? " in the current tenant" : "")));
        }
        return methods;
    }

    /**
     * An insert of one entity through {@code constant}, with the insert hooks around it.
     *
     * @param plainInsert whether it is {@code insert}, which reads back only what the database filled
     *     in ({@link dev.tenantdao.processor.sql.InsertReadBack}); an upsert reads back the whole row
     *     (it may be an existing row, updated)
     * @param deletedRowPossible whether the statement may return no row: an upsert of a {@code
     *     @SoftDelete} entity meeting a deleted row with the id (it updates live rows only)
     */
    private MethodSpec insertLike(String method, String constant, boolean plainInsert, boolean deletedRowPossible,
            CodeBlock javadoc) {
        String var = dao.var();
        HookCalls hooks = dao.hooks();
        CodeBlock.Builder work = CodeBlock.builder();
        String written = hooks.before(work, HookKind.BEFORE_INSERT, var, "toInsert");
        work.add(callBindInsert(written))
                .add(dao.statements().executeReturningRows());
        if (deletedRowPossible) {
            work.beginControlFlow("if (!keys.next())")
                    .addStatement("throw new $T($S, $L)", Types.ROW_DELETED, dao.name(), DaoContext.read(dao.id(), written))
                    .endControlFlow();
        } else {
            work.addStatement("keys.next()");
        }
        work
                .add(StatementCode.oneRow())
                .add(hooks.returnStored(HookKind.AFTER_INSERT, plainInsert ? dao.inserted(var) : dao.stored(var)))
                .endControlFlow();
        return MethodSpec.methodBuilder(method)
                .addJavadoc(javadoc)
                .addModifiers(Modifier.PUBLIC)
                .returns(dao.type())
                .addParameter(dao.type(), var)
                .addStatement("$T.requireNonNull($L, $S)", Types.OBJECTS, var, var)
                .addCode(dao.tenant().preambleInserting())
                .addCode(dao.tenant().requireCurrent(var))
                .addCode(dao.statements().withStatement(
                        hooks.hasAny(HookKind.BEFORE_INSERT, HookKind.AFTER_INSERT) ? "atomically" : "withConnection",
                        method, constant, dao.writesReturnRows() ? null
                                : plainInsert ? dao.insertedColumnsConstant() : "RETURNED_COLUMNS", work.build()))
                .build();
    }

    /** {@code bindInsert(statement, <tenant values>, entity)}: binds the single-row insert of {@code entity}. */
    CodeBlock callBindInsert(String entity) {
        return CodeBlock.builder()
                .addStatement("bindInsert(statement, $L$L)", dao.tenant().insertArguments(), entity)
                .build();
    }

    /** {@code bindInsert}: binds the parameters of the single-row insert from an entity. */
    MethodSpec bindInsert() {
        Locals locals = new Locals(dao);
        TenantCode tenant = dao.tenant();
        MethodSpec.Builder method = MethodSpec.methodBuilder("bindInsert")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addException(Types.SQL_EXCEPTION)
                .addParameter(Types.PREPARED_STATEMENT, "statement");
        if (tenant.needsSettingBesidesValue()) {
            method.addParameter(String.class, "tenant");
        }
        if (tenant.hasColumn()) {
            method.addParameter(tenant.valueType(), tenant.value());
        }
        tenant.addVendorParameters(method);
        return method.addParameter(dao.type(), dao.var())
                .addCode(dao.binder().bind(dao.sql().insert(), null, locals))
                .build();
    }
}
