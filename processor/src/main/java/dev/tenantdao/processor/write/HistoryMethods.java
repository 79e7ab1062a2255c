package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.tenantdao.processor.sql.EntitySql;
import dev.tenantdao.processor.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The history queries of an audited entity: {@code history(id)}, {@code asOf(id, at)},
 * {@code changesBetween(from, to)}, {@code changesInTransaction(transactionId)} and
 * {@code findAllAsOf(at, [afterId,] limit)} (of a hierarchy's root and levels: {@code history},
 * {@code asOf} and {@code findAllAsOf}).
 */
final class HistoryMethods {

    private final DaoContext dao;

    HistoryMethods(DaoContext dao) {
        this.dao = dao;
    }

    /** All four, for an entity's DAO; none when the entity is not audited. */
    List<MethodSpec> methods() {
        if (dao.sql().history().isEmpty()) {
            return List.of();
        }
        EntitySql.History history = dao.sql().history().get();
        int first = dao.entity().properties().size() + 1;
        List<MethodSpec> methods = new ArrayList<>(List.of(
                historyOfRow(history.versions(), first, ""),
                asOf(history.asOf(), first, ""),
                changesBetween(history.between(), first),
                changesInTransaction(history.inTransaction(), first)));
        if (history.allAsOf().isPresent() && history.allAsOfAfter().isPresent()) {
            methods.add(findAllAsOf(history.allAsOf().get()));
            methods.add(findAllAsOfAfter(history.allAsOfAfter().get()));
        }
        return methods;
    }

    /**
     * {@code findAllAsOf(at, limit)}: the first page of every row as it was at a time (in a hierarchy's
     * root or level, each row read as the subtype it was).
     */
    MethodSpec findAllAsOf(Statement allAsOf) {
        Locals locals = new Locals(dao);
        return MethodSpec.methodBuilder("findAllAsOf")
                .addJavadoc("Keyset paging through the past: at most {@code limit} {@code $L} rows$L as they were\n"
                        + "at {@code at}, in id order, from the first id. Rows deleted by then are left out, even\n"
                        + "when inserted again later; rows inserted after it too. Continue with\n"
                        + "{@link #findAllAsOf($T, $T, int)} and the last id of the page.\n",
                        dao.name(), dao.inTenant(), Types.INSTANT, dao.idType())
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Types.LIST, dao.type()))
                .addParameter(Types.INSTANT, "at")
                .addParameter(int.class, "limit")
                .addStatement("$T.requireNonNull(at, $S)", Types.OBJECTS, "at")
                .addCode(DaoContext.requireNotNegative("limit"))
                .addCode(dao.tenant().preamble())
                .addCode(dao.statements().withStatement("findAllAsOf", "HISTORY_ALL_AS_OF", false,
                        CodeBlock.builder().add(dao.binder().bind(allAsOf, null, locals)).add(readPage()).build()))
                .build();
    }

    /** {@code findAllAsOf(at, afterId, limit)}: the next page. */
    MethodSpec findAllAsOfAfter(Statement allAsOfAfter) {
        Locals locals = new Locals(dao);
        boolean primitiveId = dao.id().type().getKind().isPrimitive();
        MethodSpec.Builder method = MethodSpec.methodBuilder("findAllAsOf")
                .addJavadoc("Keyset paging through the past: at most {@code limit} {@code $L} rows$L as they were\n"
                        + "at {@code at} whose id is greater than {@code afterId}, in id order (see\n"
                        + "{@link #findAllAsOf($T, int)}). Pass the last id of a page to get the next one$L.\n",
                        dao.name(), dao.inTenant(), Types.INSTANT,
                        primitiveId ? "" : "; a null {@code afterId} starts at the first row")
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Types.LIST, dao.type()))
                .addParameter(Types.INSTANT, "at")
                .addParameter(dao.idType(), "afterId")
                .addParameter(int.class, "limit");
        if (!primitiveId) {
            method.beginControlFlow("if (afterId == null)")
                    .addStatement("return findAllAsOf(at, limit)")
                    .endControlFlow();
        }
        return method
                .addStatement("$T.requireNonNull(at, $S)", Types.OBJECTS, "at")
                .addCode(DaoContext.requireNotNegative("limit"))
                .addCode(dao.tenant().preamble())
                .addCode(dao.statements().withStatement("findAllAsOf", "HISTORY_ALL_AS_OF_AFTER", false,
                        CodeBlock.builder().add(dao.binder().bind(allAsOfAfter, "afterId", locals)).add(readPage())
                                .build()))
                .build();
    }

    /** Reads every row of an as-of page (the entity's columns only) into entities. */
    private CodeBlock readPage() {
        return CodeBlock.builder()
                .add(dao.statements().openRows())
                .addStatement("$T page = new $T<>()", ParameterizedTypeName.get(Types.LIST, dao.type()), Types.ARRAY_LIST)
                .beginControlFlow("while (rows.next())")
                .addStatement("page.add(map(rows))")
                .endControlFlow()
                .addStatement("return call.rows(page)")
                .endControlFlow()
                .build();
    }

    private TypeName entries() {
        return ParameterizedTypeName.get(Types.LIST, ParameterizedTypeName.get(Types.HISTORY_ENTRY, dao.type()));
    }

    private MethodSpec changesBetween(Statement between, int first) {
        Locals locals = new Locals(dao);
        return MethodSpec.methodBuilder("changesBetween")
                .addJavadoc("Every change to {@code $L} rows$L from {@code from} (inclusive) to {@code to} (exclusive),\n"
                        + "oldest first.\n", dao.name(), dao.inTenant())
                .addModifiers(Modifier.PUBLIC)
                .returns(entries())
                .addParameter(Types.INSTANT, "from")
                .addParameter(Types.INSTANT, "to")
                .addStatement("$T.requireNonNull(from, $S)", Types.OBJECTS, "from")
                .addStatement("$T.requireNonNull(to, $S)", Types.OBJECTS, "to")
                .addCode(dao.tenant().preamble())
                .addCode(dao.statements().withStatement("changesBetween", "HISTORY_BETWEEN", false,
                        CodeBlock.builder().add(dao.binder().bind(between, null, locals)).add(readEntries(first)).build()))
                .build();
    }

    private MethodSpec changesInTransaction(Statement inTransaction, int first) {
        Locals locals = new Locals(dao);
        return MethodSpec.methodBuilder("changesInTransaction")
                .addJavadoc("Every change to {@code $L} rows$L made by the transaction {@code transactionId}\n"
                        + "(see {@link $T#transactionId()}), oldest first.\n", dao.name(), dao.inTenant(),
                        Types.HISTORY_ENTRY)
                .addModifiers(Modifier.PUBLIC)
                .returns(entries())
                .addParameter(long.class, "transactionId")
                .addCode(dao.tenant().preamble())
                .addCode(dao.statements().withStatement("changesInTransaction", "HISTORY_IN_TRANSACTION", false,
                        CodeBlock.builder().add(dao.binder().bind(inTransaction, null, locals))
                                .add(readEntries(first)).build()))
                .build();
    }

    /** Reads every row of the history query into {@code HistoryEntry}s; the history's columns start at {@code first}. */
    private CodeBlock readEntries(int first) {
        return CodeBlock.builder()
                .add(dao.statements().openRows())
                .addStatement("$T entries = new $T<>()", entries(), Types.ARRAY_LIST)
                .beginControlFlow("while (rows.next())")
                .addStatement("entries.add($T.historyEntry(map(rows), rows, $L))", Types.JDBC, first)
                .endControlFlow()
                .addStatement("return call.rows(entries)")
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
        Locals locals = new Locals(dao);
        return MethodSpec.methodBuilder("history")
                .addJavadoc("Every version of the {@code $L} with {@code id}$L, newest first$L;\n"
                        + "a delete's entry holds the last values.\n", dao.name(), dao.inTenant(), asSubtype)
                .addModifiers(Modifier.PUBLIC)
                .returns(entries())
                .addParameter(dao.idType(), "id")
                .addCode(dao.requireNonNullId("id"))
                .addCode(dao.tenant().preamble())
                .addCode(dao.statements().withStatement("history", "HISTORY", false,
                        CodeBlock.builder().add(dao.binder().bind(versions, "id", locals)).add(readEntries(first))
                                .build()))
                .build();
    }

    /** {@code asOf(id, at)}: one row as it was at a time; see {@link #historyOfRow}. */
    MethodSpec asOf(Statement asOf, int first, String asSubtype) {
        Locals locals = new Locals(dao);
        return MethodSpec.methodBuilder("asOf")
                .addJavadoc("The {@code $L} with {@code id} as it was at {@code at}$L$L:\n"
                        + "empty before its insert and after its delete.\n", dao.name(), dao.inTenant(), asSubtype)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Types.OPTIONAL, dao.type()))
                .addParameter(dao.idType(), "id")
                .addParameter(Types.INSTANT, "at")
                .addCode(dao.requireNonNullId("id"))
                .addStatement("$T.requireNonNull(at, $S)", Types.OBJECTS, "at")
                .addCode(dao.tenant().preamble())
                .addCode(dao.statements().withStatement("asOf", "HISTORY_AS_OF", false, CodeBlock.builder()
                        .add(dao.binder().bind(asOf, "id", locals))
                        .add(dao.statements().openRows())
                        .addStatement(dao.entity().isSoftDeleted()
                                // a soft delete leaves the row, but as of then it is gone (as after a purge)
                                ? "return call.rows(rows.next() && !$S.equals(rows.getString($L)) && !$S.equals(rows.getString($L)) ? $T.of(map(rows)) : $T.empty())"
                                : "return call.rows(rows.next() && !$S.equals(rows.getString($L)) ? $T.of(map(rows)) : $T.empty())",
                                dao.entity().isSoftDeleted() ? new Object[] {"DELETE", first + 1, "PURGE", first + 1,
                                        Types.OPTIONAL, Types.OPTIONAL}
                                        : new Object[] {"DELETE", first + 1, Types.OPTIONAL, Types.OPTIONAL})
                        .endControlFlow()
                        .build()))
                .build();
    }
}
