package dev.tenantdao.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.tenantdao.processor.sql.pass.TenancyPass;

/**
 * How generated methods take a connection, prepare a statement and execute it: the one place
 * generated code takes a connection, and the one place it reports its statements to the runtime's
 * statement listeners. Every call ({@code support.begin}, {@code beginAtomically}) and {@code stream}
 * names the statement its work sends (the SQL constant, or null when the work only calls other DAOs),
 * and the work reports the rows it read or changed through {@code call.rows(...)}
 * ({@code dev.tenantdao.runtime.internal.DaoCall}; a no-op when nobody listens): the runtime times the
 * call and tells the listeners. A call is a plain {@code try}/{@code catch}/{@code finally}, not a
 * lambda: javac compiles a block much faster than a lambda handed to a generic method.
 */
final class StatementCode {

    private final DaoContext dao;

    StatementCode(DaoContext dao) {
        this.dao = dao;
    }

    /**
     * Runs {@code work} with a prepared {@code statement} for {@code constant} on a connection of
     * the current tenant (or no tenant, for a shared entity).
     */
    CodeBlock withStatement(String operation, String constant, boolean generatedKeys, CodeBlock work) {
        return withStatement("withConnection", operation, constant, generatedKeys, work);
    }

    /**
     * {@link #withStatement(String, String, boolean, CodeBlock)} as a call {@code how}:
     * {@code withConnection}, or {@code atomically} for work of several statements.
     *
     * @param generatedKeys whether {@code work} reads the row back as the driver's generated keys
     *     ({@code RETURNED_COLUMNS}) rather than from the statement's own result
     */
    CodeBlock withStatement(String how, String operation, String constant, boolean generatedKeys, CodeBlock work) {
        return withStatement(how, operation, constant, generatedKeys ? "RETURNED_COLUMNS" : null, work);
    }

    /**
     * {@link #withStatement(String, String, String, boolean, CodeBlock)} reading the driver's generated
     * keys as the columns of {@code keyColumns} ({@code RETURNED_COLUMNS}, or an insert's {@code
     * INSERTED_COLUMNS}), or null for none.
     */
    CodeBlock withStatement(String how, String operation, String constant, String keyColumns, CodeBlock work) {
        boolean generatedKeys = keyColumns != null;
        return call(how, operation, constant, CodeBlock.builder()
                // (a statement read back through the driver's generated keys never has the setting in front
                // of it: a JDBC batch, after the setting was made once for its transaction)
                .beginControlFlow("try ($T statement = connection.prepareStatement($L$L))",
                        Types.PREPARED_STATEMENT, generatedKeys ? sqlWithoutSetting(CodeBlock.of("$L", constant))
                                : sql(constant), generatedKeys ? ", " + keyColumns : "")
                .add(work)
                .endControlFlow()
                .build());
    }

    /**
     * {@code work} as one call of the DAO: {@link #begin}, the work, {@link #end()}. {@code how}:
     * {@code withConnection}, or {@code atomically} for work of several statements (or DAO calls) that
     * take effect together.
     */
    CodeBlock call(String how, String operation, String constant, CodeBlock work) {
        return CodeBlock.builder().add(begin(how, dao.name() + "." + operation, constant)).add(work).add(end()).build();
    }

    /**
     * Begins a call of the DAO, {@code operation} (e.g. {@code "Invoice.findById"}), that sends the
     * statement of {@code constant} (null: none of its own),
     * which the runtime reports to the statement listeners, and opens the {@code try} of its work:
     * <pre>{@code
     * DaoCall call = support.begin(tenant, "Invoice.findById", FIND_BY_ID);
     * try {
     *     Connection connection = call.connection();
     * }</pre>
     * ({@code support.beginAtomically} for {@code how} = {@code atomically}); the work reports its
     * rows through {@code call.rows(...)}, and {@link #end()} closes it.
     */
    CodeBlock begin(String how, String operation, String constant) {
        CodeBlock.Builder begin = CodeBlock.builder()
                .addStatement("$T call = support.$L($L, $S, $L)", Types.DAO_CALL,
                        how.equals("atomically") ? "beginAtomically" : "begin", dao.tenant().argument(),
                        operation, constant == null ? "null" : constant)
                .beginControlFlow("try");
        if (constant != null) {
            begin.addStatement("$T connection = call.connection()", Types.CONNECTION);
        }
        return begin.build();
    }

    /**
     * Closes the {@code try} of a call's work ({@link #begin}): a failure is reported and thrown as the
     * runtime words it, and the call ends (its own connection closed, its own transaction ended).
     */
    static CodeBlock end() {
        return END;
    }

    private static final CodeBlock END = CodeBlock.builder()
            .nextControlFlow("catch ($T failure)", Throwable.class)
            .addStatement("throw call.failed(failure)")
            .nextControlFlow("finally")
            .addStatement("call.end()")
            .endControlFlow()
            .build();

    /**
     * {@code support.stream(tenant, "<operation>", <constant>, RowStream.query(connection -> {}, opening
     * the lambda that prepares a stream's statement; the runtime reports the statement when the stream is
     * released.
     */
    CodeBlock openStream(String prefix, String operation, String constant) {
        return CodeBlock.of("$Lsupport.stream($L, $S, $L, $T.query(connection -> {\n$>", prefix,
                dao.tenant().argument(), operation, constant, Types.ROW_STREAM);
    }

    /**
     * Returns the count of rows a bulk statement changed ({@code changed}, a long) as a method returning
     * {@code returned} does: nothing ({@code void}, the count only reported), whether any changed
     * ({@code boolean}), or the count ({@code int} checked to fit, {@code long}).
     */
    static CodeBlock returnChanged(String returned, CodeBlock changed) {
        return switch (returned) {
            case "void" -> CodeBlock.builder().addStatement("$L", changed).build();
            case "boolean" -> CodeBlock.builder().addStatement("return $L > 0", changed).build();
            case "int", "java.lang.Integer" -> CodeBlock.builder()
                    .addStatement("return $T.toIntExact($L)", Math.class, changed).build();
            default -> CodeBlock.builder().addStatement("return $L", changed).build();
        };
    }

    /** Reports the rows read into the list {@code found}. */
    static CodeBlock rowsOf(String found) {
        return CodeBlock.builder().addStatement("call.rows($L)", found).build();
    }

    /** {@code call.rows(<count>)}: reports (and is) the rows the statement read or changed. */
    static CodeBlock rows(CodeBlock count) {
        return CodeBlock.of("call.rows($L)", count);
    }

    /** {@link #update()}, reported as the rows the statement changed. */
    CodeBlock updateCounted() {
        return rows(update());
    }

    /** The statement reports the one row it returned (a count, an exists, an insert's row). */
    static CodeBlock oneRow() {
        return CodeBlock.builder().addStatement("call.rows(1)").build();
    }

    /**
     * {@code call.next(<constant>)}: the work's statement is over and it sends the statement of
     * {@code constant} next (a page's count), reported on its own.
     */
    static CodeBlock next(String constant) {
        return CodeBlock.builder().addStatement("call.next($L)", constant).build();
    }

    /** Prepares {@code statement} for {@code constant} on the {@code connection} at hand. */
    CodeBlock prepare(String constant) {
        return CodeBlock.of("try ($T statement = connection.prepareStatement($L))", Types.PREPARED_STATEMENT,
                sql(constant));
    }

    /** The SQL of {@code constant} as sent: in the tenant's schema for schema per tenant. */
    CodeBlock sql(String constant) {
        return sql(CodeBlock.of("$L", constant));
    }

    /**
     * The SQL {@code text} (a constant, or an expression of one) as sent on {@code connection}: in the
     * tenant's schema for schema per tenant; under row-level security, with the tenant setting as
     * the connection needs it ({@code Jdbc.withTenantSetting}: outside a transaction, for the session
     * and cleared in the same round trip).
     */
    CodeBlock sql(CodeBlock text) {
        if (dao.tenant().inSchema()) {
            return CodeBlock.of("$T.inSchema($L, schema)", Types.TENANT_SQL, text);
        }
        return TenancyPass.setsTenant(dao.entity())
                ? CodeBlock.of("$T.withTenantSetting(connection, $L)", Types.JDBC, text)
                : text;
    }

    /** The SQL of a statement that carries no tenant setting of its own (a stream's, a batch's). */
    CodeBlock sqlWithoutSetting(CodeBlock text) {
        return dao.tenant().inSchema() ? CodeBlock.of("$T.inSchema($L, schema)", Types.TENANT_SQL, text) : text;
    }

    /**
     * Executes {@code statement} for its rows: plainly, or past the tenant setting that precedes
     * every statement of a table under row-level security.
     */
    CodeBlock query() {
        return TenancyPass.setsTenant(dao.entity())
                ? CodeBlock.of("$T.queryWithTenant(statement)", Types.JDBC)
                : CodeBlock.of("statement.executeQuery()");
    }

    /** Executes {@code statement} for its update count, like {@link #query()}. */
    CodeBlock update() {
        return TenancyPass.setsTenant(dao.entity())
                ? CodeBlock.of("$T.updateWithTenant(statement)", Types.JDBC)
                : CodeBlock.of("statement.executeUpdate()");
    }

    /** Opens {@code rows} on the rows of the statement: {@code try (ResultSet rows = ...)}. */
    CodeBlock openRows() {
        return CodeBlock.builder().beginControlFlow("try ($T rows = $L)", Types.RESULT_SET, query()).build();
    }

    /** Opens {@code keys} on the rows of the statement: {@code try (ResultSet keys = ...)}. */
    CodeBlock openKeys() {
        return CodeBlock.builder().beginControlFlow("try ($T keys = $L)", Types.RESULT_SET, query()).build();
    }

    /**
     * Executes the statement and opens {@code keys} on the rows it returns: the driver's generated
     * keys (RETURNING the columns), or for an audited entity the final SELECT of its CTE.
     */
    CodeBlock executeReturningRows() {
        if (dao.writesReturnRows()) {
            return openKeys();
        }
        return CodeBlock.builder()
                .addStatement("statement.executeUpdate()")
                .beginControlFlow("try ($T keys = statement.getGeneratedKeys())", Types.RESULT_SET)
                .build();
    }

    /** Whether the delete statement deleted a row: its count, or the count its CTE selects when audited. */
    CodeBlock returnDeleted() {
        if (!dao.entity().isAudited()) {
            return CodeBlock.builder().addStatement("return $L > 0", updateCounted()).build();
        }
        return CodeBlock.builder()
                .add(openRows())
                .addStatement("rows.next()")
                .addStatement("return $L > 0", rows(CodeBlock.of("rows.getLong(1)")))
                .endControlFlow()
                .build();
    }

    /** Reads every row into a list, after the load hooks, and returns it. */
    CodeBlock returnList() {
        return CodeBlock.builder()
                .add(openRows())
                .addStatement("$T page = new $T<>()", ParameterizedTypeName.get(Types.LIST,
                        dao.type()), Types.ARRAY_LIST)
                .beginControlFlow("while (rows.next())")
                .add(dao.hooks().addLoaded("page"))
                .endControlFlow()
                .addStatement("return call.rows(page)")
                .endControlFlow()
                .build();
    }
}
