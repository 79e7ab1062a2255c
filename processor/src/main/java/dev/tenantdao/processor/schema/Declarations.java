package dev.tenantdao.processor.schema;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the user declared for the next migration ({@code @RenamedFrom}, {@code @DropColumn},
 * {@code @DropTable}, {@code @Retyped}): the changes that lose or move data, which the schema diff
 * makes only when declared. Tables by name; columns by entity (its class, as the schema model names
 * it: a hierarchy's root), so that a declaration applies to whichever of the entity's tables holds
 * the column (a joined subtype's table) and to its history table.
 */
public final class Declarations {

    /** New table name to its name in the previous version. */
    final Map<String, String> renamedTables = new HashMap<>();
    /** Entity to (new column to old column). */
    final Map<String, Map<String, String>> renamedColumns = new HashMap<>();
    final Set<String> droppedTables = new HashSet<>();
    /** Entity to dropped columns. */
    final Map<String, Set<String>> droppedColumns = new HashMap<>();
    /** Entity to (column to its USING expression, empty for a cast). */
    final Map<String, Map<String, String>> retyped = new HashMap<>();

    public void renameTable(String table, String from) {
        renamedTables.put(table, from);
    }

    public void renameColumn(String entity, String column, String from) {
        renamedColumns.computeIfAbsent(entity, t -> new HashMap<>()).put(column, from);
    }

    public void dropTable(String table) {
        droppedTables.add(table);
    }

    public void dropColumn(String entity, String column) {
        droppedColumns.computeIfAbsent(entity, t -> new HashSet<>()).add(column);
    }

    public void retype(String entity, String column, String using) {
        retyped.computeIfAbsent(entity, t -> new HashMap<>()).put(column, using);
    }
}
