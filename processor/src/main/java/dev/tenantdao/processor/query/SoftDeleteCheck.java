package dev.tenantdao.processor.query;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
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
            named = finder.getTables(statement);
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
}
