package dev.tenantdao.processor.sql.pass;

import static dev.tenantdao.annotations.internal.Wire.HISTORY_ACTOR;
import static dev.tenantdao.annotations.internal.Wire.HISTORY_CHANGED;
import static dev.tenantdao.annotations.internal.Wire.HISTORY_INSERTED;
import static dev.tenantdao.annotations.internal.Wire.HISTORY_OPERATION;
import static dev.tenantdao.annotations.internal.Wire.HISTORY_VERSION;

import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityKind.InHierarchy;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.sql.Identifiers;
import dev.tenantdao.processor.sql.Parameter;
import dev.tenantdao.processor.sql.model.Fragment;
import dev.tenantdao.processor.sql.model.Sql;
import dev.tenantdao.processor.sql.model.TableRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place an audited entity's writes are made to record their history, in the same
 * statement: the change test (did an update change an audited column, decided on the row as
 * locked), the history version (continued across the lives of an application-assigned id), and
 * the history insert ({@code WITH changed AS (<write> RETURNING *), history AS (INSERT INTO
 * <history> ... SELECT ... FROM changed) SELECT <columns> FROM changed}). Statements of an entity
 * that is not audited pass unchanged. Runs before {@link TenancyPass}, which confines the history
 * table like any other.
 */
public final class AuditPass {

    /** What an audited write records: its operation (a SQL expression) and its history version. */
    public record Recording(String operation, String version, boolean onlyChanged) {
        /** An insert: version as the row holds it. */
        public static final Recording INSERT = new Recording("'INSERT'", HISTORY_VERSION, false);
        /** An update: only when an audited column changed. */
        public static final Recording UPDATE = new Recording("'UPDATE'", HISTORY_VERSION, true);
        /** An upsert: an insert, or an update that changed an audited column. */
        public static final Recording UPSERT =
                new Recording("CASE WHEN inserted THEN 'INSERT' ELSE 'UPDATE' END", HISTORY_VERSION, true);
        /**
         * An upsert of a partitioned table, where PostgreSQL refuses {@code xmax} in RETURNING
         * ("cannot retrieve a system column in this context"): inserted when the row's {@code
         * history_inserted} is still its default, true (the upsert's update sets it false).
         */
        public static final Recording UPSERT_PARTITIONED = new Recording(
                "CASE WHEN " + HISTORY_INSERTED + " THEN 'INSERT' ELSE 'UPDATE' END", HISTORY_VERSION, true);
        /** A delete: the row's last values, with the next version. */
        public static final Recording DELETE = new Recording("'DELETE'", HISTORY_VERSION + " + 1", false);
    }

    private final EntityModel entity;

    public AuditPass(EntityModel entity) {
        this.entity = entity;
    }

    public boolean audits() {
        return entity.isAudited();
    }

    // ---- the history version ----------------------------------------------------------------------

    /**
     * An insert of a row whose id is {@code idValue} with its first history version when the id is
     * the application's: one after the last version its history holds (of an earlier life of the
     * same id, deleted since), else 1. A generated id is new and starts at the column's default, 1.
     */
    public Sql.Insert continuingVersions(Sql.Insert insert, Fragment idValue) {
        if (!entity.isAudited() || entity.id().generated()) {
            return insert;
        }
        TableRef history = TableRef.table(entity.audit().table()).as("h");
        Sql.Select last = Sql.Select.of(List.of(Fragment.sql("COALESCE(max(h." + HISTORY_VERSION + "), 0) + 1")), history)
                .where(Fragment.sql("h." + Identifiers.quote(entity.id().column()) + " = ").append(idValue));
        return insert.withColumn(HISTORY_VERSION, Fragment.of("(", last, ")"));
    }

    // ---- the change test --------------------------------------------------------------------------

    /**
     * An update of an audited entity with the change test: {@code history_version} + 1 and
     * {@code history_changed} true exactly when an audited column changes, compared with the
     * values being written ({@code (a, b) IS DISTINCT FROM (?, ?)}).
     */
    public Sql.Update changeTest(Sql.Update update, List<Property> written) {
        if (!entity.isAudited()) {
            return update;
        }
        List<Property> audited = written.stream().filter(p -> p.updatable() && entity.inHistory(p)).toList();
        return withChangeTest(update, audited.isEmpty() ? Fragment.sql("false") : distinct(audited, ""), "");
    }

    /**
     * A bulk update of an audited entity with the change test: {@code written} set to {@code values}
     * (expressions of the row and the parameters), recorded only where an audited column changes.
     */
    public Sql.Update changeTest(Sql.Update update, List<Property> written, List<Fragment> values) {
        if (!entity.isAudited()) {
            return update;
        }
        List<Fragment> newValues = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            if (entity.inHistory(written.get(i))) {
                columns.add(Identifiers.quote(written.get(i).column()));
                newValues.add(values.get(i));
            }
        }
        Fragment changed = columns.isEmpty() ? Fragment.sql("false")
                : Fragment.sql("(" + String.join(", ", columns) + ") IS DISTINCT FROM (")
                        .append(Fragment.join(", ", newValues), ")");
        return withChangeTest(update, changed, "");
    }

    /**
     * The columns a joined subtype's update writes in one of its tables besides the root's.
     *
     * @param written its updatable properties there
     * @param row {@code SELECT 1 FROM <table> WHERE <table>.id = <root>.id}: the table, confined like
     *     any other, and how it meets the root row
     * @param qualifier its columns' qualifier, the table's name and a dot
     */
    public record TableWrite(List<Property> written, Sql.Select row, String qualifier) {
        public TableWrite {
            written = List.copyOf(written);
        }
    }

    /**
     * An update of a joined subtype's root row with the change test over all its tables: the root's
     * audited columns compared on the root row, those of each other table (a level's, the
     * subtype's own) in an {@code EXISTS} on its row there.
     */
    public Sql.Update joinedChangeTest(Sql.Update update, List<Property> rootWritten, List<TableWrite> tables) {
        if (!entity.isAudited()) {
            return update;
        }
        List<Fragment> parts = new ArrayList<>();
        List<Property> rootAudited = rootWritten.stream().filter(p -> p.updatable() && entity.inHistory(p)).toList();
        if (!rootAudited.isEmpty()) {
            parts.add(distinct(rootAudited, ""));
        }
        boolean fallback = entity.kind() instanceof dev.tenantdao.processor.model.EntityKind.Subtype subtype
                && subtype.fallback();
        for (TableWrite table : tables) {
            List<Property> audited = table.written().stream().filter(p -> p.updatable() && entity.inHistory(p)).toList();
            if (audited.isEmpty()) {
                continue;
            }
            if (fallback) {
                // a fallback's row of a value no subtype claims may have no row there yet: then it changes too
                parts.add(Fragment.of("NOT EXISTS (", table.row().where(Fragment.sql("NOT ")
                        .append(distinct(audited, table.qualifier()))), ")"));
            } else {
                parts.add(Fragment.of("EXISTS (", table.row().where(distinct(audited, table.qualifier())), ")"));
            }
        }
        return withChangeTest(update, parts.isEmpty() ? Fragment.sql("false") : Fragment.join(" OR ", parts), "");
    }

    /**
     * An upsert of an audited entity: its update recorded only when an audited column changes,
     * compared as {@code (target.a) IS DISTINCT FROM (EXCLUDED.a)}; of a partitioned one, its update
     * also marks the row updated ({@code history_inserted = false}, see {@link Recording#UPSERT_PARTITIONED}).
     */
    public Sql.Insert changeTest(Sql.Insert upsert, List<String> auditedColumns) {
        if (!entity.isAudited()) {
            return upsert;
        }
        Fragment changed = auditedColumns.isEmpty() ? Fragment.sql("false")
                : Fragment.sql("(" + String.join(", ", auditedColumns.stream().map(c -> "target." + c).toList())
                        + ") IS DISTINCT FROM ("
                        + String.join(", ", auditedColumns.stream().map(c -> "EXCLUDED." + c).toList()) + ")");
        List<Sql.Assignment> assignments = new ArrayList<>(upsert.onConflict().assignments());
        assignments.add(new Sql.Assignment(HISTORY_VERSION, Fragment.sql("target." + HISTORY_VERSION + " + CASE WHEN ")
                .append(changed, " THEN 1 ELSE 0 END")));
        assignments.add(new Sql.Assignment(HISTORY_CHANGED, changed));
        if (entity.partitions() > 0) {
            assignments.add(new Sql.Assignment(HISTORY_INSERTED, Fragment.sql("false")));
        }
        return new Sql.Insert(upsert.table(), upsert.columns(), upsert.values(), upsert.select(), upsert.tenantFrom(),
                upsert.onConflict().assignments(assignments), upsert.returning());
    }

    private static Sql.Update withChangeTest(Sql.Update update, Fragment changed, String qualifier) {
        return update
                .set(new Sql.Assignment(HISTORY_VERSION, Fragment.sql(qualifier + HISTORY_VERSION + " + CASE WHEN ")
                        .append(changed, " THEN 1 ELSE 0 END")))
                .set(new Sql.Assignment(HISTORY_CHANGED, changed));
    }

    /** {@code (<prefix>a, <prefix>b) IS DISTINCT FROM (?, ?)}, the values of {@code properties} bound. */
    private static Fragment distinct(List<Property> properties, String prefix) {
        List<Object> parts = new ArrayList<>();
        parts.add("(" + String.join(", ", properties.stream().map(p -> prefix + Identifiers.quote(p.column())).toList())
                + ") IS DISTINCT FROM (");
        for (int i = 0; i < properties.size(); i++) {
            if (i > 0) {
                parts.add(", ");
            }
            parts.add(Parameter.entity(properties.get(i)));
        }
        parts.add(")");
        return new Fragment(parts);
    }

    // ---- the history insert -----------------------------------------------------------------------

    /**
     * {@code change} (an insert, update or delete) recording its history in the same statement:
     * {@code WITH changed AS (<change> RETURNING *), history AS (<history insert>) <result>}.
     *
     * @param result the final SELECT, reading {@code changed}
     */
    public Sql record(Sql change, Recording recording, Sql.Select result) {
        return record(List.of(new Sql.Cte("changed", returningAll(change, recording))), recording, result);
    }

    /**
     * A write over several CTEs ({@code ctes}, the last named {@code changed} holding the row as it
     * is now) recording its history: a joined subtype's, whose row spans two tables.
     */
    public Sql record(List<Sql.Cte> ctes, Recording recording, Sql.Select result) {
        List<Sql.Cte> all = new ArrayList<>(ctes);
        all.add(new Sql.Cte("history", historyInsert(recording)));
        return new Sql.With(all, result);
    }

    /** {@code change RETURNING *}, and for an upsert whether the row was inserted ({@code xmax = 0}). */
    private static Sql returningAll(Sql change, Recording recording) {
        Fragment all = recording == Recording.UPSERT ? Fragment.sql("*, xmax = 0 AS inserted") : Fragment.sql("*");
        if (change instanceof Sql.Insert insert) {
            return insert.returning(all);
        } else if (change instanceof Sql.Update update) {
            return update.returning(all);
        }
        return ((Sql.Delete) change).returning(all);
    }

    /**
     * {@code INSERT INTO <history> (<columns>, history_operation, history_version, history_actor)
     * SELECT <columns>, <operation>, <version>, ? FROM changed [WHERE history_changed]}; the tenant
     * column is copied from the row by the tenancy pass.
     */
    private Sql.Insert historyInsert(Recording recording) {
        List<String> columns = historyColumns();
        List<Fragment> selected = new ArrayList<>(columns.stream().map(Fragment::sql).toList());
        selected.add(Fragment.sql(recording.operation()));
        selected.add(Fragment.sql(recording.version()));
        selected.add(Fragment.bind(Parameter.actor()));
        List<String> all = new ArrayList<>(columns);
        all.addAll(List.of(HISTORY_OPERATION, HISTORY_VERSION, HISTORY_ACTOR));
        Sql.Select source = Sql.Select.of(selected, TableRef.cte("changed"));
        if (recording.onlyChanged()) {
            source = source.where(Fragment.sql(HISTORY_CHANGED));
        }
        return new Sql.Insert(TableRef.table(entity.audit().table()), all, List.of(), source,
                Sql.TenantSource.copiedFrom(""), null, null);
    }

    /**
     * The entity's columns a history row holds besides the tenant: the discriminator of a
     * hierarchy, the id, every audited column (of every subtype, for a hierarchy's shared history).
     */
    public List<String> historyColumns() {
        List<String> columns = new ArrayList<>();
        if (entity.kind() instanceof InHierarchy member) {
            columns.add(Identifiers.quote(member.hierarchy().discriminator()));
        }
        List<Property> properties = new ArrayList<>(entity.properties());
        if (entity.kind() instanceof HierarchyRoot root) {
            root.subtypes().forEach(subtype -> properties.addAll(subtype.ownProperties()));
        }
        for (Property property : properties) {
            String column = Identifiers.quote(property.column());
            if (!property.scopeColumn() && (property.id() || entity.inHistory(property)) && !columns.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }
}
