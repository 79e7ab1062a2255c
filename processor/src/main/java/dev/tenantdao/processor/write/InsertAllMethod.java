package dev.tenantdao.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.tenantdao.processor.model.HookKind;
import dev.tenantdao.processor.sql.Statement;
import dev.tenantdao.processor.sql.pass.TenancyPass;
import javax.lang.model.element.Modifier;

/**
 * {@code insertAll}: one set-based statement ({@code INSERT ... SELECT FROM unnest(...)}), else a
 * JDBC batch of the single-row insert, else (when each insert is a statement returning its row)
 * the inserts one by one; all in one transaction, the insert hooks per row.
 */
final class InsertAllMethod {

    private final DaoContext dao;
    private final InsertMethods inserts;

    InsertAllMethod(DaoContext dao, InsertMethods inserts) {
        this.dao = dao;
        this.inserts = inserts;
    }

    MethodSpec method() {
        Locals locals = new Locals(dao);
        String var = dao.var();
        String all = dao.all();
        boolean setBased = dao.sql().insertAll().isPresent();
        TypeName listOfEntities = ParameterizedTypeName.get(Types.LIST, dao.type());
        CodeBlock.Builder checks = CodeBlock.builder();
        CodeBlock tenantCheck = dao.tenant().requireCurrent(var);
        if (!tenantCheck.isEmpty()) {
            checks.beginControlFlow("for ($T $L : $L)", dao.type(), var, all).add(tenantCheck).endControlFlow();
        }
        CodeBlock work = setBased ? setBased(dao.sql().insertAll().get(), locals) : batch(locals);
        return MethodSpec.methodBuilder("insertAll")
                .addJavadoc("Inserts all of {@code $L}$L in $L and returns them as stored, in order.\n"
                        + "All rows are inserted or, when one fails, none (outside a transaction, in one of its own).\n"
                        + "Insert hooks run per row.\n", all,
                        dao.entity().isTenanted() ? " as rows of the current tenant" : "",
                        setBased ? "one statement" : "one JDBC batch")
                .addModifiers(Modifier.PUBLIC)
                .returns(listOfEntities)
                .addParameter(listOfEntities, all)
                .addStatement("$T.requireNonNull($L, $S)", Types.OBJECTS, all, all)
                .addCode(dao.tenant().preambleInserting())
                .addCode(checks.build())
                .beginControlFlow("if ($L.isEmpty())", all)
                .addStatement("return $T.of()", Types.LIST)
                .endControlFlow()
                .addCode(dao.statements().withStatement("atomically", "insertAll", setBased ? "INSERT_ALL"
                        : dao.batchesInserts() && TenancyPass.setsTenant(dao.entity()) ? "BATCH_INSERT" : "INSERT",
                        !setBased && dao.usesGeneratedKeys() ? dao.insertedColumnsConstant() : null, work))
                .build();
    }

    /** A JDBC batch of the single-row insert, for entities with a column that cannot travel in an array. */
    private CodeBlock batch(Locals locals) {
        ClassName type = dao.type();
        String var = dao.var();
        String all = dao.all();
        HookCalls hooks = dao.hooks();
        CodeBlock.Builder work = CodeBlock.builder();
        if (!dao.batchesInserts()) {
            // each insert (and its history row, or its subtype's row) is one statement returning the row:
            // executed one by one
            work.addStatement("$T inserted = new $T<>($L.size())", ParameterizedTypeName.get(Types.LIST, type),
                            Types.ARRAY_LIST, all)
                    .beginControlFlow("for ($T $L : $L)", type, var, all);
            String written = hooks.before(work, HookKind.BEFORE_INSERT, var, "toInsert");
            work.add(inserts.callBindInsert(written))
                    .add(dao.statements().openKeys())
                    .addStatement("keys.next()")
                    .addStatement("inserted.add($L)", dao.inserted(var))
                    .endControlFlow()
                    .endControlFlow();
            return work.add(hooks.afterEachInsert("inserted")).addStatement("return call.rows(inserted)").build();
        }
        boolean setsTenant = TenancyPass.setsTenant(dao.entity());
        if (setsTenant) {
            // the batch's statements follow the tenant setting in this (atomic) transaction
            work.add(dao.tenant().setOnConnection());
        }
        work.beginControlFlow("for ($T $L : $L)", type, var, all);
        String written = hooks.before(work, HookKind.BEFORE_INSERT, var, "toInsert");
        work.add(setsTenant ? dao.binder().bind(dao.sql().batchInsert(), null, written, locals)
                        : inserts.callBindInsert(written))
                .addStatement("statement.addBatch()")
                .endControlFlow()
                .addStatement("statement.executeBatch()")
                .add(readInserted(false));
        return work.build();
    }

    /**
     * One {@code INSERT ... SELECT FROM unnest(...)}: the values of each column gathered into an
     * array (through converters, after the before-insert hooks of each row), then bound.
     */
    private CodeBlock setBased(Statement insertAll, Locals locals) {
        Binder.ColumnArrays arrays = dao.binder().columnArrays(insertAll, locals);
        CodeBlock.Builder work = CodeBlock.builder()
                .addStatement("int size = $L.size()", dao.all())
                .add(arrays.declare("size"))
                .beginControlFlow("for (int i = 0; i < size; i++)")
                .addStatement("$T $L = $L.get(i)", dao.type(), dao.var(), dao.all());
        String row = dao.hooks().before(work, HookKind.BEFORE_INSERT, dao.var(), "toInsert");
        return work.add(arrays.fill(row, "i"))
                .endControlFlow()
                .add(arrays.bind())
                .add(readInserted(true))
                .build();
    }

    /**
     * Reads the inserted rows back, runs the after-insert hooks, returns them: {@code execute}, the
     * rows the set-based statement selects (in list order); otherwise a batch's generated keys.
     */
    private CodeBlock readInserted(boolean execute) {
        CodeBlock.Builder work = CodeBlock.builder()
                .addStatement("$T inserted = new $T<>($L.size())", ParameterizedTypeName.get(Types.LIST, dao.type()),
                        Types.ARRAY_LIST, dao.all());
        if (execute) {
            work.add(dao.statements().openKeys());
        } else {
            work.beginControlFlow("try ($T keys = statement.getGeneratedKeys())", Types.RESULT_SET);
        }
        return work
                .beginControlFlow("while (keys.next())")
                .addStatement("inserted.add($L)", dao.inserted(dao.all() + ".get(inserted.size())"))
                .endControlFlow()
                .endControlFlow()
                .add(dao.hooks().afterEachInsert("inserted"))
                .addStatement("return call.rows(inserted)")
                .build();
    }
}
