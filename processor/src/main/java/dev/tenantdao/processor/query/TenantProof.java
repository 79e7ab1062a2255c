package dev.tenantdao.processor.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * The compile-time proof that a native SQL statement reads and writes only the current tenant's
 * rows, on the statement's syntax tree as JSqlParser parses PostgreSQL (never on its text).
 *
 * <p>The rule: every reference to a row-tenanted table, wherever it appears (the FROM and every join,
 * subqueries in the select list, WHERE, HAVING and FROM, EXISTS and IN, CTEs including recursive
 * ones, every branch of UNION/INTERSECT/EXCEPT, LATERAL, UPDATE ... FROM, DELETE ... USING, INSERT ...
 * SELECT), is confined in its own query block: {@code <alias>.<tenant column> = :tenant} is a conjunct
 * of the block's WHERE (or of the ON of the join that brings the reference in), not under an OR or a
 * NOT; or its tenant column is equated, the same way, with that of a reference that is confined (in
 * the block, or in an enclosing block for a correlated subquery). An INSERT into a row-tenanted table
 * writes {@code :tenant} into the tenant column. Tables of schema-per-tenant entities must be named
 * unqualified (the generated code names them in the tenant's schema). Tables the processor does not
 * know are not judged.
 *
 * <p>Vendors inside tenants: the same proof runs a second time for the tables of {@code @VendorScoped}
 * entities, in every strategy (with schema or database per tenant the vendor column is still a
 * column of the tenant's tables), with their vendor column and {@code :vendor} in place of the tenant
 * column and {@code :tenant}: every reference confined by {@code <alias>.vendor_id = :vendor} or by
 * equality with a confined reference's vendor column, inserts writing {@code :vendor}, conflict
 * targets naming the vendor column; an UPDATE never writes the vendor column. Its findings are
 * apart ({@link Verdict#vendorFindings()}): a method that declares itself tenant-wide needs none of
 * them.
 */
public final class TenantProof {

    /** The parameter the generated code binds to the current tenant. */
    public static final String TENANT_PARAMETER = "tenant";

    /** The parameter the generated code binds to the current vendor (never null: a tenant-wide block is refused). */
    public static final String VENDOR_PARAMETER = "vendor";

    /**
     * How the proof treats a table: confined by a predicate on {@code tenantColumn} (row strategy), or
     * by the tenant's schema, or not at all (database per tenant: the connection is the tenant's); and,
     * when {@code vendorColumn} is not null (a {@code @VendorScoped} entity's table, in any strategy),
     * confined to the current vendor by a predicate on that column.
     */
    public record KnownTable(String name, String tenantColumn, boolean inSchema, String vendorColumn,
            String softDeleteColumn) {
        public static KnownTable row(String name, String tenantColumn) {
            return new KnownTable(name, tenantColumn, false, null, null);
        }

        public static KnownTable schema(String name) {
            return new KnownTable(name, null, true, null, null);
        }

        /** A table of a database-per-tenant entity: no tenant proof (only a vendor's, when it has a vendor column). */
        public static KnownTable database(String name) {
            return new KnownTable(name, null, false, null, null);
        }

        /** This table, whose rows each belong to one vendor of the tenant, told apart by {@code column}. */
        public KnownTable withVendor(String column) {
            return new KnownTable(name, tenantColumn, inSchema, column, softDeleteColumn);
        }

        /**
         * This table, a {@code @SoftDelete} entity's, whose deleted rows are marked in {@code column}: not
         * part of the proof (native SQL is the application's), but a statement reading it without naming
         * the column is warned about ({@link SoftDeleteCheck}).
         */
        public KnownTable softDeleted(String column) {
            return new KnownTable(name, tenantColumn, inSchema, vendorColumn, column);
        }

        /** Whether the tenant proof judges it (row strategy or schema per tenant). */
        boolean tenanted() {
            return tenantColumn != null || inSchema;
        }
    }

    /**
     * A reference the proof could not confine: its message, and where in the SQL it is (0-based), or
     * -1; {@code evenTenantWide} when declaring the method tenant-wide does not lift it (an UPDATE
     * writing the vendor column: a row never moves to another vendor).
     */
    public record Finding(String message, int at, boolean evenTenantWide) {
        public Finding(String message, int at) {
            this(message, at, false);
        }
    }

    /**
     * The verdict on a statement: its findings (none: proven confined to the tenant), the findings of
     * the vendor proof (none: every reference to a vendor-scoped table is confined to the current
     * vendor), whether it names a vendor-scoped table, the kind of statement, its schema-qualified tables.
     */
    public record Verdict(List<Finding> findings, List<Finding> vendorFindings, boolean namesVendorScoped, Kind kind,
            List<Table> inSchema, Statement statement, int statements) {
        public boolean proven() {
            return findings.isEmpty();
        }

        /** Whether it is proven confined to the current vendor too (trivially, when it names no vendor-scoped table). */
        public boolean provenForVendor() {
            return vendorFindings.isEmpty();
        }
    }

    /**
     * What one run of the proof confines to: the tenant (its column per table, {@code :tenant}), or the
     * vendor (the vendor column of vendor-scoped tables, {@code :vendor}); and how its findings say so.
     */
    private record Level(String parameter, String scope, String column, String others, String hint) {
        static final Level TENANT = new Level(TENANT_PARAMETER, "the tenant", "tenant column", "tenant's", "");
        static final Level VENDOR = new Level(VENDOR_PARAMETER, "its vendor", "vendor column", "vendor's",
                "; or, to read and change every vendor's rows of the tenant, declare the method"
                        + " @Sql(tenantWide = true)");

        boolean vendor() {
            return this == VENDOR;
        }
    }

    /** What a statement does. */
    public enum Kind { QUERY, WRITE }

    private final String sql;
    private final Map<String, KnownTable> tables;
    private final Level level;
    /** Whether a reference to a table this run judges was met. */
    private boolean judged;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Table> inSchema = new ArrayList<>();
    /** How many times each table name has been met so far, to find the n-th occurrence in the text. */
    private final Map<String, Integer> seen = new HashMap<>();

    private TenantProof(String sql, Map<String, KnownTable> tables, Level level) {
        this.sql = sql;
        this.tables = tables;
        this.level = level;
    }

    /**
     * Parses {@code sql} (PostgreSQL) and proves it confined to the tenant, {@code tables} naming
     * every table the processor knows by its lower-case name; then, apart, the references to
     * vendor-scoped tables confined to the current vendor.
     *
     * @throws QueryException when it does not parse, or is not a SELECT, INSERT, UPDATE or DELETE
     */
    public static Verdict prove(String sql, Map<String, KnownTable> tables) throws QueryException {
        lexicalGuards(sql);
        net.sf.jsqlparser.statement.Statements statements;
        try {
            statements = CCJSqlParserUtil.newParser(sql).Statements();
        } catch (ParseException e) {
            Token token = e.currentToken != null && e.currentToken.next != null ? e.currentToken.next : e.currentToken;
            int at = token == null ? -1 : offset(sql, token.beginLine, token.beginColumn);
            String near = token == null || token.image == null ? "" : " near '" + token.image + "'";
            throw new QueryException("The SQL does not parse as PostgreSQL" + near, at);
        } catch (RuntimeException | Error e) {      // JavaCC's TokenMgrError for an unexpected character
            throw new QueryException("The SQL does not parse as PostgreSQL: " + e.getMessage(), -1);
        }
        if (statements.isEmpty()) {
            throw new QueryException("The SQL holds no statement", -1);
        }
        Map<String, KnownTable> tenanted = new HashMap<>();
        Map<String, KnownTable> vendorScoped = new HashMap<>();
        tables.forEach((name, table) -> {
            if (table.tenanted()) {
                tenanted.put(name, table);
            }
            if (table.vendorColumn() != null) {
                // the vendor proof sees the table as confined by a predicate on its vendor column, in every strategy
                vendorScoped.put(name, KnownTable.row(table.name(), table.vendorColumn()));
            }
        });
        TenantProof proof = new TenantProof(sql, tenanted, Level.TENANT);
        Kind kind = proof.run(statements);
        TenantProof vendor = new TenantProof(sql, vendorScoped, Level.VENDOR);
        if (!vendorScoped.isEmpty()) {
            vendor.run(statements);
        }
        return new Verdict(List.copyOf(proof.findings), List.copyOf(vendor.findings), vendor.judged, kind,
                List.copyOf(proof.inSchema), statements.get(0), statements.size());
    }

    /** Proves {@code statements} at this run's level; the kind of the first. */
    private Kind run(net.sf.jsqlparser.statement.Statements statements) throws QueryException {
        Kind kind = null;
        try {
            for (Statement statement : statements) {
                Kind each = statement(statement, Scope.TOP);
                kind = kind == null ? each : kind;
                coverage(statement);
            }
        } catch (IllegalStateException e) {
            throw new QueryException(e.getMessage(), -1);
        } catch (ClassCastException | UnsupportedOperationException e) {
            // a shape of the tree the proof does not know: refused, never waved through
            throw new QueryException("The SQL cannot be proven confined to " + level.scope() + " (" + e.getMessage()
                    + ")", -1);
        }
        return kind;
    }

    /**
     * What the parser and PostgreSQL read differently is refused before parsing: block comments
     * (PostgreSQL nests them, the parser does not, so a predicate can be a comment to one and SQL to the
     * other) and bare {@code ?} (a JDBC parameter the generated code would not bind as the proof
     * assumes; write {@code ??} for PostgreSQL's {@code ?} operators).
     */
    private static void lexicalGuards(String sql) throws QueryException {
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            boolean prefixed = i > 0 && (c == '\'' || c == '"') && (Character.toUpperCase(sql.charAt(i - 1)) == 'E'
                    || sql.charAt(i - 1) == '&') && (i < 2 || !Character.isJavaIdentifierPart(sql.charAt(i - 2))
                            || sql.charAt(i - 1) == '&');
            if (prefixed) {
                throw new QueryException("Escape strings (E'...') and Unicode escapes (U&'...') are not allowed in"
                        + " proven SQL (the parser and PostgreSQL read their backslashes differently)", i - 1);
            }
            if (sql.startsWith("/*", i)) {
                throw new QueryException("Block comments are not allowed in proven SQL (PostgreSQL nests them and the"
                        + " parser does not); use -- comments", i);
            }
            int skip = skipQuotedOrComment(sql, i);
            if (skip > i) {
                i = skip - 1;
            } else if (c == '?') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '?') {
                    i++;
                } else {
                    throw new QueryException("A bare ? is a JDBC parameter the generated code does not bind; name"
                            + " parameters (:name), and write ?? for PostgreSQL's ? operators", i);
                }
            }
        }
    }

    /**
     * Where a lexical element starting at {@code i} that holds no SQL and no parameters ends (a string
     * literal, a quoted name, a comment, a dollar-quoted string), or {@code i} when none starts there:
     * the one place proven SQL is read as text (its guards, and the binding of its parameters).
     */
    public static int skipQuotedOrComment(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
            int end = i + 1;
            while (end < sql.length()) {
                if (sql.charAt(end) == c) {
                    if (end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                        end += 2;
                        continue;
                    }
                    return end + 1;
                }
                end++;
            }
            return sql.length();
        }
        if (sql.startsWith("--", i)) {
            int end = sql.indexOf('\n', i);
            return end < 0 ? sql.length() : end;
        }
        if (sql.startsWith("/*", i)) {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        if (c == '$') {
            int tagEnd = sql.indexOf('$', i + 1);
            if (tagEnd > i && sql.substring(i + 1, tagEnd).matches("[A-Za-z_]*")) {
                String tag = sql.substring(i, tagEnd + 1);
                int end = sql.indexOf(tag, tagEnd + 1);
                return end < 0 ? sql.length() : end + tag.length();
            }
        }
        return i;
    }

    private static int offset(String sql, int line, int column) {
        int at = 0;
        for (int l = 1; l < line && at >= 0; l++) {
            at = sql.indexOf('\n', at) + 1;
            if (at == 0) {
                return -1;
            }
        }
        return Math.min(sql.length(), at + column - 1);
    }

    // ---- scopes: what a block sees of its enclosing blocks ------------------------------------------

    /**
     * What is visible in a query block from outside it: the CTE names (not tables), and the confined
     * references of enclosing blocks (a correlated subquery may equate its tenant column with them).
     */
    private record Scope(Set<String> ctes, Map<String, Ref> confinedOuter) {
        static final Scope TOP = new Scope(Set.of(), Map.of());

        Scope withCtes(Collection<String> names) {
            Set<String> all = new HashSet<>(ctes);
            all.addAll(names);
            return new Scope(all, confinedOuter);
        }

        Scope withOuter(Map<String, Ref> confined) {
            Map<String, Ref> all = new HashMap<>(confinedOuter);
            all.putAll(confined);
            return new Scope(ctes, all);
        }
    }

    /** A name as PostgreSQL compares it: quoted, exactly; unquoted, in lower case. */
    public static String normalized(String name) {
        if (name == null) {
            return null;
        }
        return name.startsWith("\"") && name.endsWith("\"") && name.length() > 1
                ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
                : name.toLowerCase(Locale.ROOT);
    }

    /** A reference to a known row-tenanted table in a block: by its alias (or name). */
    private record Ref(String alias, KnownTable table, Table node, int at) {}

    // ---- statements ---------------------------------------------------------------------------------

    private Kind statement(Statement statement, Scope scope) throws QueryException {
        if (statement instanceof Select select) {
            select(select, scope);
            return Kind.QUERY;
        } else if (statement instanceof Update update) {
            update(update, scope);
            return Kind.WRITE;
        } else if (statement instanceof Delete delete) {
            delete(delete, scope);
            return Kind.WRITE;
        } else if (statement instanceof Insert insert) {
            insert(insert, scope);
            return Kind.WRITE;
        }
        throw new QueryException("Only SELECT, INSERT, UPDATE and DELETE can be proven; this is a "
                + statement.getClass().getSimpleName(), -1);
    }

    /**
     * The CTEs of a statement, each proven as a statement of its own. A CTE's body sees the CTEs before
     * it (with {@code RECURSIVE}, every CTE of the list, itself included); the statement sees them all.
     */
    private Scope ctes(Select owner, List<WithItem<?>> with, Scope scope) throws QueryException {
        if (with == null || with.isEmpty()) {
            return scope;
        }
        boolean recursive = with.stream().anyMatch(WithItem::isRecursive);
        List<String> names = new ArrayList<>();
        with.forEach(item -> names.add(normalized(item.getAliasName())));
        Scope all = scope.withCtes(names);
        List<String> before = new ArrayList<>();
        for (WithItem<?> item : with) {
            Scope inner = recursive ? all : scope.withCtes(before);
            Object body = item.getParenthesedStatement();
            if (body instanceof Select select) {
                select(select, inner);
            } else if (body instanceof net.sf.jsqlparser.statement.insert.ParenthesedInsert insert) {
                insert(insert.getInsert(), inner);
            } else if (body instanceof net.sf.jsqlparser.statement.update.ParenthesedUpdate update) {
                update(update.getUpdate(), inner);
            } else if (body instanceof net.sf.jsqlparser.statement.delete.ParenthesedDelete delete) {
                delete(delete.getDelete(), inner);
            } else {
                throw new QueryException("A CTE of a kind the proof does not know: " + item, -1);
            }
            before.add(normalized(item.getAliasName()));
        }
        return all;
    }

    private void select(Select select, Scope scope) throws QueryException {
        Scope inner = ctes(select, select.getWithItemsList(), scope);
        if (select instanceof PlainSelect plain) {
            List<Expression> more = new ArrayList<>();
            for (SelectItem<?> item : plain.getSelectItems()) {
                more.add(item.getExpression());
            }
            more.add(plain.getHaving());
            block(plain.getFromItem(), plain.getJoins(), plain.getWhere(), more, inner);
        } else if (select instanceof SetOperationList operations) {
            for (Select branch : operations.getSelects()) {
                select(branch, inner);
            }
        } else if (select instanceof ParenthesedSelect parenthesed) {
            select(parenthesed.getSelect(), inner);
        } else if (select instanceof Values values) {
            subqueries(values.getExpressions(), inner);
        } else if (select instanceof net.sf.jsqlparser.statement.select.TableStatement table) {
            block(table.getTable(), List.of(), null, List.of(), inner);       // TABLE invoice: every row
        } else {
            throw new QueryException("A query of a kind the proof does not know: " + select, -1);
        }
    }

    private void update(Update update, Scope scope) throws QueryException {
        Scope inner = ctes(null, update.getWithItemsList(), scope);
        List<Join> joins = new ArrayList<>();
        if (update.getStartJoins() != null) {
            joins.addAll(update.getStartJoins());
        }
        if (update.getFromItem() != null) {
            Join from = new Join();
            from.setSimple(true);
            from.setRightItem(update.getFromItem());
            joins.add(from);
        }
        if (update.getJoins() != null) {
            joins.addAll(update.getJoins());
        }
        List<Expression> more = new ArrayList<>();
        for (UpdateSet set : update.getUpdateSets()) {
            more.add(set.getValues());
        }
        targets.add(update.getTable());
        tenantColumnWrites("UPDATE " + update.getTable().getName(), update.getTable(), update.getUpdateSets(), inner);
        block(update.getTable(), joins, update.getWhere(), more, inner);
    }

    private void delete(Delete delete, Scope scope) throws QueryException {
        Scope inner = ctes(null, delete.getWithItemsList(), scope);
        List<Join> joins = new ArrayList<>();
        if (delete.getUsingList() != null) {
            for (Table using : delete.getUsingList()) {
                Join join = new Join();
                join.setSimple(true);
                join.setRightItem(using);
                joins.add(join);
            }
        }
        if (delete.getJoins() != null) {
            joins.addAll(delete.getJoins());
        }
        targets.add(delete.getTable());
        block(delete.getTable(), joins, delete.getWhere(), List.of(), inner);
    }

    /**
     * An INSERT: into a row-tenanted table, the tenant column is written and its value is
     * {@code :tenant} in every row; the rows' source (a SELECT) and any subquery are proven like any.
     */
    private void insert(Insert insert, Scope scope) throws QueryException {
        Scope inner = ctes(null, insert.getWithItemsList(), scope);
        Table target = insert.getTable();
        targets.add(target);
        met.add(target);
        Optional<KnownTable> known = known(target, inner);
        int at = locate(target);
        judged |= known.isPresent();
        if (known.isPresent() && !known.get().inSchema()) {
            String column = known.get().tenantColumn();
            int index = -1;
            ExpressionList<Column> columns = insert.getColumns();
            for (int i = 0; columns != null && i < columns.size(); i++) {
                if (columns.get(i).getColumnName().replace("\"", "").equalsIgnoreCase(column)) {
                    index = i;
                }
            }
            if (index < 0) {
                finding("INSERT INTO " + target.getName() + " does not write its " + level.column() + ": name "
                        + column + " in the column list and write :" + level.parameter() + " into it" + level.hint(),
                        at);
            } else {
                for (Expression value : rowValues(insert.getSelect(), index)) {
                    if (!isScopeParameter(value)) {
                        finding("INSERT INTO " + target.getName() + " writes " + value + " into " + column
                                + "; write :" + level.parameter() + level.hint(), at);
                    }
                }
            }
        }
        if (insert.getSelect() != null && !(insert.getSelect() instanceof Values)) {
            select(insert.getSelect(), inner);
        } else if (insert.getSelect() instanceof Values values) {
            subqueries(values.getExpressions(), inner);
        }
        if (insert.getConflictAction() != null && insert.getConflictAction().getUpdateSets() == null
                && known.isPresent() && !known.get().inSchema()) {
            // DO NOTHING on a key without the tenant: whether a row was inserted tells another tenant's key exists
            net.sf.jsqlparser.statement.insert.InsertConflictTarget conflict = insert.getConflictTarget();
            boolean keyed = conflict != null && conflict.getIndexColumnNames() != null
                    && conflict.getIndexColumnNames().stream()
                            .anyMatch(c -> normalized(c).equals(known.get().tenantColumn()));
            if (!keyed) {
                finding(target.getName() + " is not confined to " + level.scope() + ": ON CONFLICT DO NOTHING must"
                        + " name " + known.get().tenantColumn() + " in its conflict target (a conflict with another "
                        + level.others() + " key would tell it exists)" + level.hint(), at);
            }
        }
        if (insert.getConflictAction() != null && insert.getConflictAction().getUpdateSets() != null) {
            tenantColumnWrites("INSERT INTO " + target.getName(), target, insert.getConflictAction().getUpdateSets(),
                    inner);
            if (known.isPresent() && !known.get().inSchema()) {
                // DO UPDATE changes the row the insert conflicts with: the tenant's only when the key has the tenant
                net.sf.jsqlparser.statement.insert.InsertConflictTarget conflict = insert.getConflictTarget();
                boolean keyed = conflict != null && conflict.getIndexColumnNames() != null
                        && conflict.getIndexColumnNames().stream()
                                .anyMatch(c -> normalized(c).equals(known.get().tenantColumn()));
                if (!keyed) {
                    finding(target.getName() + " is not confined to " + level.scope() + ": ON CONFLICT ... DO UPDATE"
                            + " must name " + known.get().tenantColumn() + " in its conflict target (the row it updates"
                            + " may be another " + level.others() + ")" + level.hint(), at);
                }
            }
            for (UpdateSet set : insert.getConflictAction().getUpdateSets()) {
                subqueries(set.getValues(), inner);
            }
        }
    }

    /**
     * An UPDATE (or an upsert's DO UPDATE) that sets the tenant column sets it to {@code :tenant}, or is
     * refused; one that sets the vendor column is refused (it may only set it to the value the row has).
     */
    private void tenantColumnWrites(String what, Table target, List<UpdateSet> sets, Scope scope) {
        Optional<KnownTable> known = known(target, scope);
        if (known.isEmpty() || known.get().inSchema() || sets == null) {
            return;
        }
        for (UpdateSet set : sets) {
            for (int i = 0; i < set.getColumns().size(); i++) {
                if (normalized(set.getColumns().get(i).getColumnName()).equals(known.get().tenantColumn())) {
                    Expression value = i < set.getValues().size() ? set.getValues().get(i) : null;
                    if (level.vendor()) {
                        findings.add(new Finding(what + " writes " + value + " into " + known.get().tenantColumn()
                                + ", its vendor column; an update never writes it (a row never moves to another"
                                + " vendor)", locate(target), true));
                    } else if (!isScopeParameter(value)) {
                        finding(what + " writes " + value + " into " + known.get().tenantColumn() + "; a row never"
                                + " moves to another tenant", locate(target));
                    }
                }
            }
        }
    }

    /** The values an INSERT writes into column {@code index}: of each VALUES row, or the SELECT's item there. */
    private static List<Expression> rowValues(Select source, int index) {
        List<Expression> values = new ArrayList<>();
        if (source instanceof Values rows) {
            ExpressionList<?> expressions = rows.getExpressions();
            // several rows: every element a row of its own; else one row of values (some in parentheses)
            boolean multiRow = !expressions.isEmpty() && expressions.stream()
                    .allMatch(e -> e instanceof ExpressionList<?> row && (row.size() > 1 || expressions.size() > 1
                            && expressions.stream().allMatch(f -> f instanceof ExpressionList<?> r && r.size() == 1)));
            if (multiRow) {
                for (Expression row : expressions) {
                    ExpressionList<?> list = (ExpressionList<?>) row;
                    values.add(index < list.size() ? list.get(index) : null);
                }
            } else {
                values.add(index < expressions.size() ? expressions.get(index) : null);
            }
        } else if (source instanceof ParenthesedSelect parenthesed) {
            values.addAll(rowValues(parenthesed.getSelect(), index));
        } else if (source instanceof PlainSelect plain) {
            values.add(index < plain.getSelectItems().size() ? plain.getSelectItems().get(index).getExpression() : null);
        } else if (source instanceof SetOperationList operations) {
            operations.getSelects().forEach(branch -> values.addAll(rowValues(branch, index)));
        }
        return values;
    }

    // ---- a query block ------------------------------------------------------------------------------

    /**
     * One query block: {@code first} and {@code joins} bring in its references, {@code where} and the
     * joins' ON conditions confine them; {@code more} (select items, HAVING, SET values) may hold
     * subqueries, proven as blocks of their own.
     */
    private void block(FromItem first, List<Join> joins, Expression where, List<Expression> more, Scope scope)
            throws QueryException {
        List<Ref> refs = new ArrayList<>();
        List<FromItem> derived = new ArrayList<>();
        // conjuncts that may confine any reference (WHERE, inner joins' ON), and those of outer joins,
        // which may confine only the reference their join brings in
        List<Expression> conjuncts = new ArrayList<>(conjuncts(where));
        Map<Ref, List<Expression>> ownConjuncts = new LinkedHashMap<>();
        List<Expression> conditions = new ArrayList<>();
        conditions.add(where);
        int fromItems = 0;
        List<FromItem> items = new ArrayList<>();
        if (first != null) {
            items.add(first);
        }
        List<Join> allJoins = new ArrayList<>();
        // (a JOIN b ON ...) in parentheses: its relations and joins are the block's own
        while (!items.isEmpty() && items.get(0) instanceof ParenthesedFromItem nested && nested.getAlias() == null) {
            items.set(0, nested.getFromItem());
            if (nested.getJoins() != null) {
                allJoins.addAll(nested.getJoins());
            }
        }
        if (joins != null) {
            allJoins.addAll(joins);
        }
        for (FromItem item : items) {
            fromItems += reference(item, refs, derived, scope);
        }
        for (Join join : allJoins) {
            int before = refs.size();
            fromItems += reference(join.getRightItem(), refs, derived, scope);
            Collection<Expression> on = join.getOnExpressions();
            List<Expression> onConjuncts = new ArrayList<>();
            if (on != null) {
                for (Expression condition : on) {
                    onConjuncts.addAll(conjuncts(condition));
                    conditions.add(condition);
                }
            }
            if (join.isRight() || join.isFull()) {
                // the joined table's rows are all kept, whatever the ON says: it confines nothing
                continue;
            }
            boolean outer = join.isLeft() || join.isOuter();
            if (!outer) {
                conjuncts.addAll(onConjuncts);
            } else {
                for (int i = before; i < refs.size(); i++) {
                    ownConjuncts.put(refs.get(i), onConjuncts);
                }
            }
        }
        Ref only = fromItems == 1 && refs.size() == 1 ? refs.get(0) : null;
        Map<String, Ref> byAlias = new LinkedHashMap<>();
        refs.forEach(ref -> byAlias.put(ref.alias(), ref));
        // every relation of the block, tenanted or not, hides an outer name it shares
        Set<String> local = new HashSet<>(byAlias.keySet());
        for (FromItem item : items) {
            local.addAll(relationNames(item));
        }
        for (Join join : allJoins) {
            local.addAll(relationNames(join.getRightItem()));
        }

        // confined: by :tenant, then by equality with a confined reference (here or outside), to a fixpoint
        Map<String, Ref> confined = new LinkedHashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Ref ref : refs) {
                if (confined.containsKey(ref.alias())) {
                    continue;
                }
                List<Expression> applicable = new ArrayList<>(conjuncts);
                applicable.addAll(ownConjuncts.getOrDefault(ref, List.of()));
                if (confines(ref, applicable, only, local, confined, scope)) {
                    confined.put(ref.alias(), ref);
                    changed = true;
                }
            }
        }
        for (Ref ref : refs) {
            if (!confined.containsKey(ref.alias())) {
                String column = ref.alias() + "." + ref.table().tenantColumn();
                finding(ref.table().name() + (ref.alias().equals(ref.table().name()) ? "" : " " + ref.alias())
                        + " is not confined to " + level.scope() + ": its block has no " + column + " = :"
                        + level.parameter() + " (or " + column + " = <a confined table>." + ref.table().tenantColumn()
                        + ") as a condition of its WHERE or of its join's ON, outside any OR or NOT" + level.hint(),
                        ref.at());
            }
        }
        Scope inner = scope.withOuter(confined);
        for (FromItem item : derived) {
            // a derived table sees the block's relations only when LATERAL
            fromItem(item, item instanceof net.sf.jsqlparser.statement.select.LateralSubSelect ? inner : scope);
        }
        for (Expression condition : conditions) {
            subqueries(condition, inner);
        }
        for (Expression expression : more) {
            subqueries(expression, inner);
        }
    }

    /**
     * Adds the references {@code item} brings into the block, and returns how many relations it is
     * (so an unqualified tenant column can be attributed to the only one).
     */
    private int reference(FromItem item, List<Ref> refs, List<FromItem> derived, Scope scope) throws QueryException {
        if (item instanceof Table table) {
            Optional<KnownTable> known = known(table, scope);
            int at = locate(table);
            if (known.isPresent() && known.get().inSchema()) {
                if (table.getSchemaName() != null) {
                    finding(table.getFullyQualifiedName() + " names a schema-per-tenant table in a schema of its own;"
                            + " name it unqualified, and the generated code names it in the tenant's schema", at);
                }
                inSchema.add(table);
            } else if (known.isPresent()) {
                String alias = table.getAlias() != null ? table.getAlias().getName() : table.getName();
                if (table.getAlias() != null && table.getAlias().getAliasColumns() != null
                        && !table.getAlias().getAliasColumns().isEmpty()) {
                    finding(table.getName() + " " + normalized(alias) + " is not confined to " + level.scope()
                            + ": its columns are renamed (" + table.getAlias() + "), so the proof cannot tell its "
                            + level.column(), at);
                }
                refs.add(new Ref(normalized(alias), known.get(), table, at));
                judged = true;
            }
            met.add(table);
            return 1;
        } else if (item instanceof ParenthesedFromItem nested) {
            if (nested.getAlias() != null) {
                // (a JOIN b) AS j hides a and b behind j: a condition cannot name them, so none confines them
                List<Ref> hidden = new ArrayList<>();
                int count = reference(nested.getFromItem(), hidden, derived, scope);
                if (nested.getJoins() != null) {
                    for (Join join : nested.getJoins()) {
                        count += reference(join.getRightItem(), hidden, derived, scope);
                    }
                }
                hidden.forEach(ref -> finding(ref.table().name() + " " + ref.alias() + " is not confined to "
                        + level.scope() + ": it is inside the join " + nested.getAlias().getName() + ", whose alias"
                        + " hides it from every condition", ref.at()));
                return count;
            }
            int count = reference(nested.getFromItem(), refs, derived, scope);
            if (nested.getJoins() != null) {
                for (Join join : nested.getJoins()) {
                    count += reference(join.getRightItem(), refs, derived, scope);
                }
            }
            return count;
        } else if (item != null) {
            derived.add(item);      // a subquery, LATERAL, a function, VALUES: proven on its own
            return 1;
        }
        return 0;
    }

    /** The name a relation of a FROM is known by in its block (its alias, or its table's name). */
    private static List<String> relationNames(FromItem item) {
        if (item == null) {
            return List.of();
        }
        if (item.getAlias() != null) {
            return List.of(normalized(item.getAlias().getName()));
        }
        if (item instanceof ParenthesedFromItem nested) {
            // an unaliased join in parentheses: its relations are the block's
            List<String> names = new ArrayList<>(relationNames(nested.getFromItem()));
            if (nested.getJoins() != null) {
                nested.getJoins().forEach(join -> names.addAll(relationNames(join.getRightItem())));
            }
            return names;
        }
        return item instanceof Table table ? List.of(normalized(table.getName())) : List.of();
    }

    private void fromItem(FromItem item, Scope scope) throws QueryException {
        if (item instanceof Select select) {
            select(select, scope);
        } else if (item instanceof TableFunction function) {
            subqueries(function.getFunction(), scope);
        }
    }

    /** The known table {@code table} names: not a CTE of the scope; looked up by its unqualified name. */
    private Optional<KnownTable> known(Table table, Scope scope) {
        String name = normalized(table.getName());
        if (table.getSchemaName() == null && scope.ctes().contains(name) && !targets.contains(table)) {
            return Optional.empty();        // a CTE of the scope, not a table (a write's target always is a table)
        }
        return Optional.ofNullable(tables.get(name));
    }

    /** The tables statements write: never a CTE, whatever the scope's names. */
    private final Set<Table> targets = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Every table reference the proof met in a FROM, a join or as a write's target: the coverage check's list. */
    private final Set<Table> met = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * Whether {@code ref} is confined by one of {@code conjuncts}: {@code <ref>.tenant = :tenant}, or
     * {@code <ref>.tenant = <other>.tenant} with {@code other} confined (in this block or outside).
     */
    private boolean confines(Ref ref, List<Expression> conjuncts, Ref only, Set<String> local,
            Map<String, Ref> confined, Scope scope) {
        for (Expression conjunct : conjuncts) {
            if (!(conjunct instanceof EqualsTo equals)) {
                continue;
            }
            Expression left = unwrap(equals.getLeftExpression());
            Expression right = unwrap(equals.getRightExpression());
            for (int side = 0; side < 2; side++) {
                Expression mine = side == 0 ? left : right;
                Expression other = side == 0 ? right : left;
                if (!isTenantColumnOf(mine, ref, only)) {
                    continue;
                }
                if (isScopeParameter(other)) {
                    return true;
                }
                if (other instanceof Column column && column.getTable() != null && column.getTable().getName() != null) {
                    String qualifier = normalized(column.getTable().getName());
                    Ref target = confined.get(qualifier);
                    if (target == null && !local.contains(qualifier)) {
                        target = scope.confinedOuter().get(qualifier);
                    }
                    if (target != null && target != ref
                            && normalized(column.getColumnName()).equals(target.table().tenantColumn())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether {@code expression} is {@code ref}'s tenant column: qualified by its alias, or unqualified when it is the only relation. */
    private static boolean isTenantColumnOf(Expression expression, Ref ref, Ref only) {
        if (!(expression instanceof Column column)
                || !normalized(column.getColumnName()).equals(ref.table().tenantColumn())) {
            return false;
        }
        if (column.getTable() == null || column.getTable().getName() == null) {
            return only == ref;
        }
        return normalized(column.getTable().getName()).equals(ref.alias());
    }

    /** Whether {@code expression} is this run's parameter: {@code :tenant}, or {@code :vendor}. */
    private boolean isScopeParameter(Expression expression) {
        return unwrap(expression) instanceof JdbcNamedParameter parameter
                && parameter.getName().equals(level.parameter());
    }

    /** {@code expression} without the parentheses around it. */
    private static Expression unwrap(Expression expression) {
        while (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            expression = list.get(0);
        }
        return expression;
    }

    /** The conjuncts of a condition: its AND-ed parts, through parentheses; never inside an OR or a NOT. */
    private static List<Expression> conjuncts(Expression condition) {
        List<Expression> all = new ArrayList<>();
        Expression unwrapped = condition == null ? null : unwrap(condition);
        if (unwrapped instanceof AndExpression and) {
            all.addAll(conjuncts(and.getLeftExpression()));
            all.addAll(conjuncts(and.getRightExpression()));
        } else if (unwrapped instanceof EqualsTo equals
                && equals.getLeftExpression() instanceof ParenthesedExpressionList<?> left
                && equals.getRightExpression() instanceof ParenthesedExpressionList<?> right
                && left.size() == right.size() && left.size() > 1) {
            // (a, b) = (c, d) is a = c AND b = d
            for (int i = 0; i < left.size(); i++) {
                all.add(new EqualsTo(left.get(i), right.get(i)));
            }
        } else if (unwrapped instanceof net.sf.jsqlparser.expression.operators.relational.InExpression in && !in.isNot()
                && in.getRightExpression() instanceof ExpressionList<?> items && items.size() == 1
                && !(items.get(0) instanceof Select)) {
            // x IN (y) is x = y
            all.add(new EqualsTo(in.getLeftExpression(), items.get(0)));
        } else if (unwrapped != null) {
            all.add(unwrapped);
        }
        return all;
    }

    /** Proves every subquery inside {@code expression} (EXISTS, IN, scalar subqueries), each a block of its own. */
    private void subqueries(Expression expression, Scope scope) throws QueryException {
        if (expression == null) {
            return;
        }
        List<Select> found = new ArrayList<>();
        expression.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(ParenthesedSelect select, S context) {
                found.add(select);
                return null;
            }

            @Override
            public <S> Void visit(Select select, S context) {
                found.add(select);
                return null;
            }
        }, null);
        for (Select select : found) {
            select(select, scope);
        }
    }

    // ---- coverage: nothing escapes the proof ---------------------------------------------------------

    /** Functions that read a table (or run a query) named in a string, which no proof can see. */
    private static final Set<String> DENIED_FUNCTIONS = Set.of("table_to_xml", "table_to_xmlschema",
            "table_to_xml_and_xmlschema", "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema",
            "cursor_to_xml", "cursor_to_xmlschema", "schema_to_xml", "schema_to_xmlschema", "schema_to_xml_and_xmlschema",
            "database_to_xml", "database_to_xmlschema", "database_to_xml_and_xmlschema", "ts_stat", "ts_rewrite",
            "dblink", "dblink_exec", "pg_read_file", "pg_read_binary_file", "lo_import", "lo_export", "set_config");

    /**
     * The safety net of the proof: walks the whole syntax tree (every getter of every node) for
     * references to known row-tenanted tables the proof did not meet (a subquery in RETURNING, ORDER BY,
     * a FILTER, OFFSET, a window...), each a finding, and for functions that read tables named in strings.
     */
    private void coverage(Statement statement) {
        Set<Object> seenNodes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        walk(statement, seenNodes, 0);
    }

    private void walk(Object node, Set<Object> seenNodes, int depth) {
        if (depth > 200) {
            throw new IllegalStateException("The SQL is nested too deeply to prove");
        }
        if (node == null || !seenNodes.add(node)) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            for (Object element : collection) {
                walk(element, seenNodes, depth + 1);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("net.sf.jsqlparser.")) {
            return;
        }
        if (node instanceof Column) {
            return;     // its table is a qualifier, not a reference
        }
        // (system catalogs and denied functions are the tenant run's findings, never twice)
        if (!level.vendor() && node instanceof net.sf.jsqlparser.expression.Function function
                && function.getName() != null && DENIED_FUNCTIONS.contains(normalized(function.getName().substring(
                        function.getName().lastIndexOf('.') + 1)))) {
            finding(function.getName() + ": runs a query, reads a table named in a string or changes the tenant"
                    + " setting, which no proof can check; refused",
                    sql.toLowerCase(Locale.ROOT).indexOf(function.getName().toLowerCase(Locale.ROOT)));
        }
        if (!level.vendor() && node instanceof Table table && table.getName() != null
                && (normalized(table.getName()).startsWith("pg_") || table.getSchemaName() != null
                        && List.of("pg_catalog", "information_schema").contains(normalized(table.getSchemaName())))) {
            finding(table.getName() + ": a system catalog or statistics view, which holds every tenant's rows, sizes"
                    + " or values; refused", locate(table));
        }
        if (node instanceof Table table && !met.contains(table)) {
            KnownTable known = tables.get(normalized(table.getName()));
            if (known != null && !known.inSchema()) {
                finding(table.getName() + " is not confined to " + level.scope() + ": it is in a place the proof"
                        + " does not check (RETURNING, ORDER BY, GROUP BY, a FILTER, OFFSET, a window, ...); move the"
                        + " subquery into the WHERE, a join or a CTE", locate(table));
            }
        }
        for (java.lang.reflect.Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getName().equals("getASTNode") || getter.getName().equals("getParent")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Class<?> type = getter.getReturnType();
            if (!Collection.class.isAssignableFrom(type) && !type.getName().startsWith("net.sf.jsqlparser.")
                    && type != Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;       // a getter that needs more than the tree holds: nothing to walk there
            }
            walk(child, seenNodes, depth + 1);
        }
    }

    // ---- findings -----------------------------------------------------------------------------------

    private void finding(String message, int at) {
        findings.add(new Finding(message, at));
    }

    /**
     * Where {@code table} is written in the SQL: the next occurrence of its name after those already
     * found (references are met in the order they are written, but for CTEs met first).
     */
    private int locate(Table table) {
        String name = table.getName().replace("\"", "");
        int occurrence = seen.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
        String lower = sql.toLowerCase(Locale.ROOT);
        String wanted = name.toLowerCase(Locale.ROOT);
        int at = -1;
        int from = 0;
        for (int found = 0; found < occurrence; ) {
            at = lower.indexOf(wanted, from);
            if (at < 0) {
                return -1;
            }
            from = at + wanted.length();
            boolean word = (at == 0 || !Character.isJavaIdentifierPart(lower.charAt(at - 1)))
                    && (from >= lower.length() || !Character.isJavaIdentifierPart(lower.charAt(from)));
            if (word) {
                found++;
            }
        }
        return at;
    }
}
