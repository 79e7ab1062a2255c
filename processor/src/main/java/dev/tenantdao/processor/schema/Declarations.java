package dev.tenantdao.processor.schema;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the user declared for the next migration ({@code @RenamedFrom}, {@code @DropColumn},
 * {@code @DropTable}, {@code @Retyped}), by table: the changes that lose or move data, which the
 * schema diff makes only when declared. Column declarations of a table apply to its history table.
 */
public final class Declarations {

    /** New table name to its name in the previous version. */
    final Map<String, String> renamedTables = new HashMap<>();
    /** Table to (new column to old column). */
    final Map<String, Map<String, String>> renamedColumns = new HashMap<>();
    final Set<String> droppedTables = new HashSet<>();
    /** Table to dropped columns. */
    final Map<String, Set<String>> droppedColumns = new HashMap<>();
    /** Table to (column to its USING expression, empty for a cast). */
    final Map<String, Map<String, String>> retyped = new HashMap<>();

    public void renameTable(String table, String from) {
        renamedTables.put(table, from);
    }

    public void renameColumn(String table, String column, String from) {
        renamedColumns.computeIfAbsent(table, t -> new HashMap<>()).put(column, from);
    }

    public void dropTable(String table) {
        droppedTables.add(table);
    }

    public void dropColumn(String table, String column) {
        droppedColumns.computeIfAbsent(table, t -> new HashSet<>()).add(column);
    }

    public void retype(String table, String column, String using) {
        retyped.computeIfAbsent(table, t -> new HashMap<>()).put(column, using);
    }
}
