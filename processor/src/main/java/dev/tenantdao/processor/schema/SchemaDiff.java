package dev.tenantdao.processor.schema;

import static dev.tenantdao.processor.sql.SqlBuilder.literal;

import dev.tenantdao.annotations.internal.schema.SchemaModel;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Column;
import dev.tenantdao.annotations.internal.schema.SchemaModel.EnumType;
import dev.tenantdao.annotations.internal.schema.SchemaModel.ForeignKey;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Index;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Joined;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Strategy;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Table;
import dev.tenantdao.processor.sql.DdlRenderer;
import dev.tenantdao.processor.sql.Identifiers;
import dev.tenantdao.processor.sql.SqlBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migration from one schema version to the next, within one stream: the statements, in an
 * order that works (enum types, renamed tables, new tables, then each changed table, then dropped
 * tables), and the changes it refuses to make without a declaration (they would lose data), each a
 * {@link Problem} naming the entity and column to report it on.
 */
public final class SchemaDiff {

    /** A change that needs a declaration (or cannot be generated), for the entity's element. */
    public record Problem(String entity, String column, String message) {}

    /** The statements, the changes in words, the problems, and the tables the statements create. */
    public record Result(List<String> statements, List<String> changes, List<Problem> problems, List<Table> created) {
        public boolean isEmpty() {
            return statements.isEmpty();
        }

        /** A file-name description of the changes: the first few, in words. */
        public String description() {
            String description = String.join("_and_", changes.subList(0, Math.min(2, changes.size())))
                    + (changes.size() > 2 ? "_and_more" : "");
            return description.length() > 80 ? description.substring(0, 80) : description;
        }
    }

    private final SchemaModel previous;
    private final SchemaModel current;
    private final Declarations declared;
    private final DdlRenderer ddl;
    private final List<String> statements = new ArrayList<>();
    private final List<String> changes = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Table> created = new ArrayList<>();

    private SchemaDiff(SchemaModel previous, SchemaModel current, Declarations declared, String stream) {
        this.previous = previous;
        this.current = current;
        this.declared = declared;
        this.ddl = DdlRenderer.forMigration(stream);
    }

    /** The first version: every enum type and table. */
    public static Result create(SchemaModel current, String stream) {
        DdlRenderer ddl = DdlRenderer.forMigration(stream);
        List<String> statements = new ArrayList<>();
        for (EnumType type : current.enumTypes()) {
            statements.add(ddl.enumType(type));
        }
        for (Table table : current.tables()) {
            statements.add(ddl.createTable(table));
        }
        String role = operatorRole(current);
        if (role != null) {
            statements.add(ddl.operatorAccess(role, strategy(current),
                    current.tables().stream().filter(Table::operatorPolicies).toList()));
        }
        return new Result(statements, List.of("create_tables"), List.of(), current.tables());
    }

    /** The strategy of a stream's tables with operator access: where their access log is. */
    private static Strategy strategy(SchemaModel model) {
        return model.tables().stream().filter(table -> table.operatorRole() != null).map(Table::strategy).findFirst()
                .orElse(Strategy.SHARED);
    }

    /** The operators' group role of a model's tables ({@code -Atenantdao.operatorRole}), or null. */
    private static String operatorRole(SchemaModel model) {
        return model.tables().stream().map(Table::operatorRole).filter(Objects::nonNull).findFirst().orElse(null);
    }

    public static Result between(SchemaModel previous, SchemaModel current, Declarations declared, String stream) {
        SchemaDiff diff = new SchemaDiff(previous, current, declared, stream);
        diff.run();
        return new Result(List.copyOf(diff.statements), List.copyOf(diff.changes), List.copyOf(diff.problems),
                List.copyOf(diff.created));
    }

    private void run() {
        enumTypes();
        Map<Table, Table> matched = new LinkedHashMap<>();     // current -> previous
        Set<String> kept = new HashSet<>();
        for (Table table : current.tables()) {
            Optional<Table> before = previous.table(table.name());
            if (before.isEmpty()) {
                String from = renamedFrom(table);
                if (from != null && previous.table(from).isPresent() && current.table(from).isEmpty()) {
                    before = previous.table(from);
                    statements.add("ALTER TABLE " + Identifiers.quote(from) + " RENAME TO " + ddl.name(table) + ";\n");
                    changes.add("rename_" + from);
                    statements.add(renameConstraints(from, table));
                    Table old = previous.table(from).orElseThrow();
                    if (old.partitions() == table.partitions()) {
                        for (int remainder = 0; remainder < table.partitions(); remainder++) {
                            statements.add("ALTER TABLE " + Identifiers.quote(old.partitionName(remainder)) + " RENAME TO "
                                    + ddl.partitionName(table, remainder) + ";\n");
                        }
                    }
                }
            }
            if (before.isPresent()) {
                matched.put(table, before.get());
                kept.add(before.get().name());
            } else {
                created.add(table);
            }
        }
        for (Table table : created) {
            statements.add(ddl.createTable(table));
            changes.add("create_" + table.name());
        }
        for (Map.Entry<Table, Table> pair : matched.entrySet()) {
            table(pair.getValue(), pair.getKey());
        }
        levelRows(matched);
        operatorAccess(matched);
        List<Table> gone = new ArrayList<>(previous.tables().stream().filter(t -> !kept.contains(t.name())).toList());
        java.util.Collections.reverse(gone);     // referencing tables were created after the tables they reference
        for (Table table : gone) {
            String owner = table.historyOf() != null ? table.historyOf() : table.name();
            if (declared.droppedTables.contains(owner) || declared.droppedTables.contains(table.name())) {
                statements.add("DROP TABLE " + Identifiers.quote(table.name()) + ";\n");
                changes.add("drop_" + table.name());
            } else if (table.historyOf() == null || previous.table(table.historyOf()).map(t -> kept.contains(t.name())).orElse(false)) {
                problems.add(new Problem(table.historyOf() == null ? null : table.entity(), null, table.historyOf() == null
                        ? "Table " + table.name() + " of the previous schema version has no entity any more: dropping it"
                                + " loses its rows. Declare @DropTable(\"" + table.name() + "\") on a type or package to drop"
                                + " it, or @RenamedFrom(\"" + table.name() + "\") on the entity that maps it now"
                        : "History table " + table.name() + " of the previous schema version is gone (is " + table.entity()
                                + " no longer @Audited?): dropping it loses the audit trail. Declare"
                                + " @DropTable(\"" + table.name() + "\") to drop it"));
            }
        }
    }

    /**
     * Operator access ({@code -Atenantdao.operatorRole}), after the tables' own changes: when a table
     * loses it (the option off, another role, no row-level security any more, a new name), the
     * operators' policies go and the role's privileges are revoked; when a table gains it (a new
     * table, the option on), the role (created when missing) and the access log come first, once,
     * when the role is new to the schema, then the policies and the grant. Turning the option off
     * keeps the log (the record of what operators did is evidence) and the role (other databases of
     * the cluster may use it), and says so in the migration.
     */
    private void operatorAccess(Map<Table, Table> matched) {
        List<Table> gaining = new ArrayList<>(created.stream().filter(Table::operatorPolicies).toList());
        for (Map.Entry<Table, Table> pair : matched.entrySet()) {
            Table after = pair.getKey();
            Table before = pair.getValue();
            boolean same = Objects.equals(before.operatorRole(), after.operatorRole())
                    && before.name().equals(after.name());
            if (before.operatorPolicies() && !(same && after.operatorPolicies())) {
                boolean revoke = !Objects.equals(before.operatorRole(), after.operatorRole()) || !after.operatorPolicies();
                statements.add(ddl.dropOperatorPolicies(after, before.name(), revoke ? before.operatorRole() : null));
                if (!after.operatorPolicies()) {
                    changes.add("no_operator_access_" + after.name());
                }
            }
            if (after.operatorPolicies() && !(same && before.operatorPolicies())) {
                gaining.add(after);
            }
        }
        String role = operatorRole(current);
        String before = operatorRole(previous);
        if (role != null && !role.equals(before)) {
            statements.add(ddl.operatorRoleAndLog(role, strategy(current)));
            changes.add("operator_access");
        } else if (!gaining.isEmpty()) {
            changes.add("operator_access");
        }
        for (Table table : gaining) {
            statements.add(ddl.operatorPolicies(table.operatorRole(), table));
        }
        if (role == null && before != null) {
            statements.add("-- Operator access is off: the operators' policies and privileges are gone. The access log "
                    + dev.tenantdao.annotations.internal.Wire.OPERATOR_ACCESS_TABLE + " stays (it is the record of what"
                    + " operators did), and so does role " + before + " (other databases may use it).\n");
        }
    }

    /**
     * After {@code ALTER TABLE from RENAME TO ...}: the constraints PostgreSQL named after the old
     * table (primary, unique and foreign keys, checks; a key's index goes with it) renamed as it
     * would name them for the new one, so that the table is the one its DDL creates from nothing.
     */
    private String renameConstraints(String from, Table table) {
        String name = ddl.name(table).replace("'", "''");
        return "DO $$ DECLARE c record; BEGIN\n"
                + "    FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = '" + name + "'::regclass\n"
                + "            AND left(conname, " + (from.length() + 1) + ") = " + literal(from + "_") + " LOOP\n"
                + "        EXECUTE format('ALTER TABLE " + name + " RENAME CONSTRAINT %I TO %I', c.conname,\n"
                + "                " + literal(table.name()) + " || substr(c.conname, " + (from.length() + 1) + "));\n"
                + "    END LOOP;\nEND $$;\n";
    }

    private String renamedFrom(Table table) {
        if (table.historyOf() != null) {
            String ownerFrom = declared.renamedTables.get(table.historyOf());
            if (ownerFrom == null) {
                return null;
            }
            return previous.tables().stream().filter(t -> ownerFrom.equals(t.historyOf())).map(Table::name)
                    .findFirst().orElse(null);
        }
        return declared.renamedTables.get(table.name());
    }

    /** New enum types, and new labels of existing ones in their place; removed labels refused. */
    private void enumTypes() {
        for (EnumType type : current.enumTypes()) {
            Optional<EnumType> before = previous.enumType(type.name());
            if (before.isEmpty()) {
                statements.add(ddl.enumType(type));
                changes.add("create_type_" + type.name());
                continue;
            }
            List<String> old = before.get().labels();
            for (String label : old) {
                if (!type.labels().contains(label)) {
                    problems.add(new Problem(entityUsing(type.name()), null, "Enum type " + type.name() + " loses label '"
                            + label + "': PostgreSQL cannot drop an enum label, and rows may hold it. Keep the constant,"
                            + " or write this migration by hand (see the README's Schema section)"));
                }
            }
            for (int i = 0; i < type.labels().size(); i++) {
                String label = type.labels().get(i);
                if (old.contains(label)) {
                    continue;
                }
                String place = i > 0 ? " AFTER " + literal(type.labels().get(i - 1))
                        : type.labels().size() > 1 ? " BEFORE " + literal(type.labels().get(1)) : "";
                statements.add("ALTER TYPE " + type.name() + " ADD VALUE IF NOT EXISTS " + literal(label) + place + ";\n");
                changes.add("add_" + type.name() + "_" + label.toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    private String entityUsing(String type) {
        return current.tables().stream()
                .filter(t -> t.historyOf() == null && t.columns().stream().anyMatch(c -> c.type().equals(type)))
                .map(Table::entity).findFirst().orElse(null);
    }

    /** The changes of one table kept from the previous version. */
    private void table(Table before, Table after) {
        String name = ddl.name(after);
        String entity = after.entity();
        if (before.strategy() != after.strategy()) {
            problems.add(new Problem(entity, null, "Table " + after.name() + " moves from " + before.strategy() + " to "
                    + after.strategy() + " tenancy: that moves every row, which no generated migration does. Keep the"
                    + " strategy, or move the data by hand"));
            return;
        }
        if (before.partitions() != after.partitions()) {
            if (after.historyOf() == null) {     // (its history table's change is the same one, reported once)
                problems.add(new Problem(entity, null, partitioning(before, after)));
            }
            return;
        }
        if (!before.primaryKey().equals(after.primaryKey())) {
            List<String> gained = after.primaryKey().stream()
                    .filter(column -> !before.primaryKey().contains(column) && before.column(column).isEmpty()).toList();
            problems.add(new Problem(entity, null, "The primary key of " + after.name() + " changes from "
                    + before.primaryKey() + " to " + after.primaryKey() + "; tenantdao does not generate that migration"
                    + (gained.isEmpty() ? "" : ": new key column " + String.join(", ", gained) + " (a new @VendorScoped?)"
                            + " needs a value in every existing row, which only the application knows. Write the migration"
                            + " by hand (add the column, fill it, change the key and the foreign keys); a hand-written"
                            + " V<n> after the latest version is taken to reach the entities")));
            return;
        }
        List<String> alter = new ArrayList<>();
        List<String> after2 = new ArrayList<>();
        // constraints and indexes that go: dropped first, so columns can change under them
        for (ForeignKey key : before.foreignKeys()) {
            if (!after.foreignKeys().contains(key)) {
                alter.add("ALTER TABLE " + name + " DROP CONSTRAINT IF EXISTS "
                        + Identifiers.quote(PostgresNames.constraint(after.name(), key.columns(), "fkey")) + ";\n");
            }
        }
        for (List<String> unique : before.uniques()) {
            if (!after.uniques().contains(unique)) {
                alter.add("ALTER TABLE " + name + " DROP CONSTRAINT IF EXISTS "
                        + Identifiers.quote(PostgresNames.constraint(after.name(), unique, "key")) + ";\n");
            }
        }
        for (Index index : before.indexes()) {
            if (!after.indexes().contains(index)) {
                alter.add("DROP INDEX IF EXISTS " + Identifiers.quote(index.name()) + ";\n");
            }
        }
        if (!before.checks().equals(after.checks()) && !before.checks().isEmpty()) {
            alter.add("DO $$ DECLARE c record; BEGIN\n"
                    + "    FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = '" + name.replace("'", "''")
                    + "'::regclass AND contype = 'c' AND cardinality(conkey) > 1 LOOP\n"
                    + "        EXECUTE format('ALTER TABLE " + name.replace("'", "''") + " DROP CONSTRAINT %I', c.conname);\n"
                    + "    END LOOP;\nEND $$;\n");
        }
        // columns
        Map<String, String> renames = declared.renamedColumns.getOrDefault(entity, Map.of());
        Set<String> dropped = declared.droppedColumns.getOrDefault(entity, Set.of());
        Map<String, String> retyped = declared.retyped.getOrDefault(entity, Map.of());
        Set<String> matchedBefore = new HashSet<>();
        for (Column column : after.columns()) {
            Optional<Column> old = before.column(column.name());
            if (old.isEmpty()) {
                String from = renames.get(column.name());
                if (from != null && before.column(from).isPresent() && after.column(from).isEmpty()) {
                    old = before.column(from);
                    alter.add("ALTER TABLE " + name + " RENAME COLUMN " + Identifiers.quote(from) + " TO "
                            + Identifiers.quote(column.name()) + ";\n");
                    changes.add("rename_" + after.name() + "_" + from);
                }
            }
            if (old.isPresent()) {
                matchedBefore.add(old.get().name());
                column(name, after, old.get(), column, retyped, alter);
            } else {
                if (column.notNull() && column.defaultSql() == null && !column.identity() && column.generatedAs() == null) {
                    problems.add(new Problem(entity, column.name(), "New column " + column.name() + " of " + after.name()
                            + " is NOT NULL without a default, so the rows already in the table cannot have it. Give"
                            + " it @Column(defaultSql = ...), make it nullable, or declare @RenamedFrom if it was"
                            + " another column"));
                    continue;
                }
                String required = Identifiers.quote(column.name()) + " IS NOT NULL";
                if (column.defaultSql() == null && after.checks().stream().anyMatch(c -> c.contains(required))) {
                    problems.add(new Problem(entity, column.name(), "New column " + column.name() + " of " + after.name()
                            + " is NOT NULL in its subtype's rows, so the rows of that subtype already in the table"
                            + " cannot have it. Give it @Column(defaultSql = ...), make it nullable, or declare"
                            + " @RenamedFrom if it was another column"));
                    continue;
                }
                alter.add("ALTER TABLE " + name + " ADD COLUMN " + ddl.column(column) + ";\n");
                changes.add("add_" + after.name() + "_" + column.name());
            }
        }
        for (Column column : before.columns()) {
            if (matchedBefore.contains(column.name())) {
                continue;
            }
            if (dropped.contains(column.name()) || BOOKKEEPING.contains(column.name())) {
                // (the audit's bookkeeping columns of a table no longer audited hold nothing of the user's)
                alter.add("ALTER TABLE " + name + " DROP COLUMN " + Identifiers.quote(column.name()) + ";\n");
                changes.add("drop_" + after.name() + "_" + column.name());
            } else if (after.historyOf() == null) {
                problems.add(new Problem(entity, null, "Column " + column.name() + " of " + after.name() + " is gone from"
                        + " the entity: dropping it loses its data. Declare @DropColumn(\"" + column.name() + "\") on the"
                        + " entity to drop it, or @RenamedFrom(\"" + column.name() + "\") on the field that maps it now"));
            }
        }
        // constraints and indexes that come
        if (!before.checks().equals(after.checks())) {
            for (String check : after.checks()) {
                after2.add("ALTER TABLE " + name + " ADD CHECK (" + check + ");\n");
            }
        }
        for (List<String> unique : after.uniques()) {
            if (!before.uniques().contains(unique)) {
                after2.add("ALTER TABLE " + name + " ADD " + ddl.unique(unique) + ";\n");
                changes.add("add_" + after.name() + "_unique");
            }
        }
        for (ForeignKey key : after.foreignKeys()) {
            if (!before.foreignKeys().contains(key)) {
                after2.add("ALTER TABLE " + name + " ADD " + ddl.foreignKey(key) + ";\n");
                changes.add("add_" + after.name() + "_reference");
            }
        }
        for (Index index : after.indexes()) {
            if (!before.indexes().contains(index)) {
                after2.add(ddl.createIndex(after, index));
                changes.add("add_" + index.name());
            }
        }
        boolean renamed = !before.name().equals(after.name());
        if (renamed && before.appendOnly()) {
            after2.addAll(dropAppendOnly(after, before.name()));
        }
        if (after.appendOnly() && (renamed || !before.appendOnly())) {
            after2.add(ddl.appendOnly(after));
        } else if (!after.appendOnly() && before.appendOnly()) {
            after2.addAll(dropAppendOnly(after, after.name()));
        }
        if (renamed && before.policy() != null) {
            after2.add(ddl.dropPolicy(after, before.policyName(), false));
        }
        if (after.policy() != null && (renamed || !after.policy().equals(before.policy()))) {
            after2.add(ddl.rowLevelSecurity(after));
            changes.add("policy_" + after.name());
        } else if (after.policy() == null && before.policy() != null) {
            after2.add(ddl.dropPolicy(after, before.policyName(), true));
            changes.add("no_policy_" + after.name());
        }
        statements.addAll(alter);
        statements.addAll(after2);
    }

    /**
     * Drops the append-only triggers named after table {@code named} from {@code table} (and the
     * TRUNCATE trigger from each of its partitions, which do not inherit it).
     */
    private List<String> dropAppendOnly(Table table, String named) {
        List<String> sql = new ArrayList<>();
        for (String trigger : List.of("_append_only", "_no_truncate")) {
            sql.add("DROP TRIGGER IF EXISTS " + Identifiers.quote(named + trigger) + " ON " + ddl.name(table) + ";\n");
        }
        for (int remainder = 0; remainder < table.partitions(); remainder++) {
            sql.add("DROP TRIGGER IF EXISTS " + Identifiers.quote(named + "_no_truncate") + " ON "
                    + ddl.partitionName(table, remainder) + ";\n");
        }
        return sql;
    }

    /**
     * Why a change of {@code @PartitionedByTenant} is refused, and the way out: PostgreSQL cannot
     * turn a table into a partitioned one (or back, or change its number of hash partitions) with
     * ALTER TABLE; the rows must be copied into a new table.
     */
    private static String partitioning(Table before, Table after) {
        String was = before.partitioned() ? before.partitions() + " hash partitions" : "not partitioned";
        String becomes = after.partitioned() ? "@PartitionedByTenant(hash = " + after.partitions() + ")"
                : "not partitioned";
        return "Table " + after.name() + " was " + was + " and is now " + becomes + ": PostgreSQL cannot change how an"
                + " existing table is partitioned (no ALTER TABLE does), so every row must be copied into a new table,"
                + " which no generated migration does. Keep " + (before.partitioned()
                        ? "@PartitionedByTenant(hash = " + before.partitions() + ")" : "the table unpartitioned")
                + ", or write the migration by hand (rename the table, create the new one from the entity's DDL,"
                + " INSERT INTO it SELECT the rows, drop the old one); a hand-written V<n> after the latest version is"
                + " taken to reach the entities";
    }

    /** The changes of a column kept (perhaps renamed): type, NOT NULL, default, identity, check. */
    private void column(String name, Table table, Column before, Column after, Map<String, String> retyped,
            List<String> alter) {
        String column = Identifiers.quote(after.name());
        String prefix = "ALTER TABLE " + name + " ALTER COLUMN " + column;
        if (!Objects.equals(before.generatedAs(), after.generatedAs())) {
            problems.add(new Problem(table.entity(), after.name(), "Column " + after.name() + " of " + table.name()
                    + " changes how it is generated; PostgreSQL cannot alter that in place. Drop the column"
                    + " (@DropColumn) in one version and add it back in the next"));
            return;
        }
        if (!before.type().equals(after.type())) {
            if (widens(before.type(), after.type())) {
                alter.add(prefix + " TYPE " + after.type() + ";\n");
                changes.add("widen_" + table.name() + "_" + after.name());
            } else if (retyped.containsKey(after.name())) {
                String using = retyped.get(after.name());
                alter.add(prefix + " TYPE " + after.type() + " USING "
                        + (using.isEmpty() ? column + "::" + after.type() : using) + ";\n");
                changes.add("retype_" + table.name() + "_" + after.name());
            } else {
                if (table.historyOf() == null) {
                    problems.add(new Problem(table.entity(), after.name(), "Column " + after.name() + " of " + table.name()
                            + " changes type from " + before.type() + " to " + after.type() + ", which may not hold every"
                            + " value it holds now. Declare @Retyped on the field to convert them (a value that does not"
                            + " convert fails the migration)"));
                }
                return;
            }
        }
        if (before.identity() && !after.identity()) {
            alter.add(prefix + " DROP IDENTITY IF EXISTS;\n");
        }
        if (!Objects.equals(before.defaultSql(), after.defaultSql())) {
            alter.add(prefix + (after.defaultSql() == null ? " DROP DEFAULT;\n" : " SET DEFAULT " + after.defaultSql() + ";\n"));
            changes.add("default_" + table.name() + "_" + after.name());
        }
        if (!before.identity() && after.identity()) {
            alter.add(prefix + " ADD GENERATED BY DEFAULT AS IDENTITY;\n");
        }
        if (!before.notNull() && after.notNull() && after.defaultSql() != null) {
            // the rows holding NULL get the default first
            alter.add(asOwner(List.of(table),
                    "UPDATE " + name + " SET " + column + " = " + after.defaultSql() + " WHERE " + column + " IS NULL;\n"));
        }
        if (before.notNull() != after.notNull()) {
            alter.add(prefix + (after.notNull() ? " SET NOT NULL;\n" : " DROP NOT NULL;\n"));
            changes.add((after.notNull() ? "require_" : "allow_null_") + table.name() + "_" + after.name());
        }
        if (!Objects.equals(before.check(), after.check())) {
            String constraint = Identifiers.quote(PostgresNames.constraint(table.name(), List.of(after.name()), "check"));
            alter.add("ALTER TABLE " + name + " DROP CONSTRAINT IF EXISTS " + constraint + ";\n");
            if (after.check() != null) {
                alter.add("ALTER TABLE " + name + " ADD CONSTRAINT " + constraint + " CHECK (" + after.check() + ");\n");
            }
            changes.add("check_" + table.name() + "_" + after.name());
        }
    }

    /**
     * {@code sql}, a statement on the rows of {@code tables}, run as their owner: row-level security
     * not forced on them around it ({@code FORCE ROW LEVEL SECURITY} would show the owner none of
     * their rows, and let it write none; a tenant's own tables, never forced, need nothing).
     */
    private String asOwner(List<Table> tables, String sql) {
        List<Table> secured = tables.stream().filter(Table::tenantPolicy).toList();
        StringBuilder owner = new StringBuilder();
        for (Table table : secured) {
            owner.append("ALTER TABLE ").append(ddl.name(table)).append(" NO FORCE ROW LEVEL SECURITY;\n");
        }
        owner.append(sql);
        for (int i = secured.size() - 1; i >= 0; i--) {
            owner.append("ALTER TABLE ").append(ddl.name(secured.get(i))).append(" FORCE ROW LEVEL SECURITY;\n");
        }
        return owner.toString();
    }

    /**
     * The rows of the levels' tables: when a version gives an intermediate level of a joined hierarchy
     * its table (a new level, or one that maps fields now), or puts subtypes whose rows may exist below
     * a level that had one, each row of the root's table of those subtypes' values gets its row there
     * (tenant column and id; the level's columns their defaults), soft-deleted rows too: without it,
     * no DAO that joins the level's table would find them. A NOT NULL column without a default is
     * refused, as for a new column of a table with rows. A table of a version exported before
     * tenantdao recorded which rows it holds is left as it is.
     */
    private void levelRows(Map<Table, Table> matched) {
        Map<String, Table> before = new HashMap<>();
        matched.forEach((after, was) -> before.put(after.name(), was));
        for (Table table : current.tables()) {
            Joined joined = table.joined();
            if (joined == null || !joined.level()) {
                continue;
            }
            Table was = before.get(table.name());
            if (was != null && was.joined() == null) {
                continue;
            }
            List<String> values = joined.values().stream()
                    .filter(value -> was == null || !was.joined().values().contains(value))
                    .filter(value -> mayHaveRows(joined, value))
                    .toList();
            if (values.isEmpty()) {
                continue;
            }
            Table root = current.table(joined.root()).orElseThrow();
            String rows = "the rows of " + root.name() + " with " + joined.discriminator() + " "
                    + String.join(" or ", values.stream().map(SqlBuilder::literal).toList());
            String level = joined.type().substring(joined.type().lastIndexOf('.') + 1);
            List<Column> required = table.columns().stream()
                    .filter(c -> !table.primaryKey().contains(c.name()) && c.notNull() && c.defaultSql() == null
                            && !c.identity() && c.generatedAs() == null)
                    .toList();
            for (Column column : required) {
                problems.add(new Problem(joined.type(), column.name(), "Table " + table.name() + " of level " + level
                        + (was == null ? " is new: " + rows : " now holds " + rows + ": those")
                        + " already there need a row in it, which the migration inserts with each column's default,"
                        + " and its column " + column.name() + " is NOT NULL without a default. Give it"
                        + " @Column(defaultSql = ...), make it nullable, or write the migration by hand (insert a row"
                        + " in " + table.name() + " for each of those rows); a hand-written V<n> after the latest version"
                        + " is taken to reach the entities"));
            }
            if (!required.isEmpty()) {
                continue;
            }
            String key = String.join(", ", table.primaryKey().stream().map(Identifiers::quote).toList());
            statements.add("-- " + Character.toUpperCase(rows.charAt(0)) + rows.substring(1)
                    + " get their row in " + table.name() + ", the table of level " + level + ", with its columns'"
                    + " defaults.\n" + asOwner(List.of(root, table), "INSERT INTO " + ddl.name(table) + " (" + key + ")\n"
                    + "    SELECT " + key + " FROM " + ddl.name(root) + " WHERE " + Identifiers.quote(joined.discriminator())
                    + " IN (" + String.join(", ", values.stream().map(SqlBuilder::literal).toList()) + ")"
                    // (a row left from a version in which the subtype was below the level already)
                    + (was == null ? "" : "\n    ON CONFLICT DO NOTHING") + ";\n"));
            changes.add("fill_" + table.name());
        }
    }

    /**
     * Whether rows of discriminator value {@code value} may be in the root's table of {@code joined}'s
     * hierarchy: its value in the previous version, or any value when that version had a fallback
     * subtype (its root's discriminator column is unchecked then) or did not record its tables' values.
     * None in a hierarchy new in this version.
     */
    private boolean mayHaveRows(Joined joined, String value) {
        String root = previous.table(joined.root()).isPresent() ? joined.root()
                : declared.renamedTables.get(joined.root());
        Optional<Table> was = root == null ? Optional.empty() : previous.table(root);
        if (was.isEmpty()) {
            return false;
        }
        List<Joined> known = previous.tables().stream().map(Table::joined)
                .filter(j -> j != null && j.root().equals(root)).toList();
        boolean anyValue = was.get().column(joined.discriminator()).map(c -> c.check() == null).orElse(true);
        return known.isEmpty() || anyValue || known.stream().anyMatch(j -> j.values().contains(value));
    }

    /** The columns an audited entity's table keeps for its history, dropped with the audit. */
    private static final Set<String> BOOKKEEPING = Set.of(dev.tenantdao.annotations.internal.Wire.HISTORY_VERSION,
            dev.tenantdao.annotations.internal.Wire.HISTORY_CHANGED, dev.tenantdao.annotations.internal.Wire.HISTORY_INSERTED);

    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
    private static final Pattern SIZED = Pattern.compile("(varchar|character varying|numeric|decimal)\\((\\d+)(?:,\\s*(\\d+))?\\)");

    /** Whether every value of type {@code from} is a value of type {@code to}, unchanged. */
    static boolean widens(String from, String to) {
        String a = from.toLowerCase(java.util.Locale.ROOT).strip();
        String b = to.toLowerCase(java.util.Locale.ROOT).strip();
        if (INTEGERS.contains(a) && INTEGERS.contains(b)) {
            return INTEGERS.indexOf(a) <= INTEGERS.indexOf(b);
        }
        if (INTEGERS.contains(a) && b.equals("numeric")) {
            return true;
        }
        if (a.equals("real") && b.equals("double precision")) {
            return true;
        }
        Matcher sizedA = SIZED.matcher(a);
        if (sizedA.matches()) {
            boolean text = sizedA.group(1).startsWith("var") || sizedA.group(1).startsWith("char");
            if (text && b.equals("text")) {
                return true;
            }
            if (!text && (b.equals("numeric") || b.equals("decimal"))) {
                return true;
            }
            Matcher sizedB = SIZED.matcher(b);
            if (sizedB.matches() && sizedB.group(1).equals(sizedA.group(1))) {
                int scaleA = sizedA.group(3) == null ? 0 : Integer.parseInt(sizedA.group(3));
                int scaleB = sizedB.group(3) == null ? 0 : Integer.parseInt(sizedB.group(3));
                return Integer.parseInt(sizedB.group(2)) - scaleB >= Integer.parseInt(sizedA.group(2)) - scaleA
                        && scaleB >= scaleA;
            }
        }
        return false;
    }
}
