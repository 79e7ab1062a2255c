package dev.tenantdao.processor.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Native SQL and soft deletes: an {@code @Sql} statement is the application's own, so no live-rows
 * predicate is added to it; one that names a {@code @SoftDelete} entity's table but never its
 * soft-delete column (on the syntax tree: no column reference of that name anywhere in the
 * statement) sees deleted rows too, which the processor warns about. Naming the column in any
 * way ({@code deleted_at IS NULL}, {@code IS NOT NULL} for deleted rows) is taken as a decision.
 */
public final class SoftDeleteCheck {

    private SoftDeleteCheck() {}

    /** The soft-deleted tables {@code statement} reads without naming their column: table to column. */
    public static Map<String, String> unfiltered(Statement statement, Map<String, TenantProof.KnownTable> tables) {
        Set<String> columns = new TreeSet<>();
        TablesNamesFinder<Void> finder = new TablesNamesFinder<>() {
            @Override
            public <S> Void visit(Column column, S context) {
                columns.add(TenantProof.normalized(column.getColumnName()));
                return super.visit(column, context);
            }
        };
        Set<String> named;
        try {
            named = tablesOf(statement, finder);
        } catch (UnsupportedOperationException e) {
            return Map.of();        // a statement the finder cannot walk: the proof has judged it already
        }
        Map<String, String> unfiltered = new LinkedHashMap<>();
        for (String name : named) {
            String table = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
            TenantProof.KnownTable known = tables.get(TenantProof.normalized(table));
            if (known != null && known.softDeleteColumn() != null
                    && !columns.contains(known.softDeleteColumn().toLowerCase(Locale.ROOT))) {
                unfiltered.put(known.name(), known.softDeleteColumn());
            }
        }
        return unfiltered;
    }

    /**
     * The tables {@code statement} names, its CTEs' included: JSqlParser's finder walks a data-modifying
     * CTE ({@code WITH moved AS (DELETE ... RETURNING *)}) as a select and fails, so each CTE's statement
     * is walked on its own, then the statement without its CTEs (restored after).
     */
    private static Set<String> tablesOf(Statement statement, TablesNamesFinder<Void> finder) {
        List<WithItem<?>> with = withItems(statement);
        if (with == null || with.isEmpty()) {
            return finder.getTables(statement);
        }
        Set<String> named = new TreeSet<>();
        for (WithItem<?> item : with) {
            Object body = item.getParenthesedStatement();
            Statement inner = body instanceof ParenthesedInsert insert ? insert.getInsert()
                    : body instanceof ParenthesedUpdate update ? update.getUpdate()
                    : body instanceof ParenthesedDelete delete ? delete.getDelete()
                    : (Statement) body;
            named.addAll(tablesOf(inner, finder));
        }
        setWithItems(statement, null);
        try {
            named.addAll(finder.getTables(statement));
        } finally {
            setWithItems(statement, with);
        }
        return named;
    }

    private static List<WithItem<?>> withItems(Statement statement) {
        return statement instanceof Select select ? select.getWithItemsList()
                : statement instanceof Update update ? update.getWithItemsList()
                : statement instanceof Delete delete ? delete.getWithItemsList()
                : statement instanceof Insert insert ? insert.getWithItemsList()
                : null;
    }

    private static void setWithItems(Statement statement, List<WithItem<?>> with) {
        if (statement instanceof Select select) {
            select.setWithItemsList(with);
        } else if (statement instanceof Update update) {
            update.setWithItemsList(with);
        } else if (statement instanceof Delete delete) {
            delete.setWithItemsList(with);
        } else if (statement instanceof Insert insert) {
            insert.setWithItemsList(with);
        }
    }
}
