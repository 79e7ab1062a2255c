package dev.tenantdao.processor.sql.pass;

import static dev.tenantdao.annotations.internal.Wire.HISTORY_VERSION;

import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.sql.Identifiers;
import dev.tenantdao.processor.sql.model.Fragment;
import dev.tenantdao.processor.sql.model.Sql;
import dev.tenantdao.processor.sql.model.TableRef;
import dev.tenantdao.processor.sql.pass.AuditPass.Recording;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a {@code @SoftDelete} entity's statements are made to see the rows they mean: live
 * rows ({@code deleted_at IS NULL}) unless the statement's table says otherwise ({@link
 * TableRef.Rows}). The {@link TenancyPass} asks it for the predicate of every entity table it confines
 * (every FROM, join, UPDATE and DELETE, subqueries included), and puts it beside the tenant's; it
 * asks it for the conflict clause of every upsert (the partial unique index's predicate, and only a
 * live row is updated). The statement builder asks it how a delete marks a row ({@link #mark}) and
 * how a restore unmarks one ({@link #unmark}). Only the entity's own table (a hierarchy's root table)
 * holds the column: a joined subtype's table and the history table are never filtered. Statements
 * of an entity that is not soft-deleted pass unchanged.
 */
public final class SoftDeletePass {

    /** A soft delete, recorded in the history as a DELETE: the row's values, at its new version. */
    public static final Recording DELETE = new Recording("'DELETE'", HISTORY_VERSION, false);
    /** A restore, recorded as its own operation. */
    public static final Recording RESTORE = new Recording("'RESTORE'", HISTORY_VERSION, false);
    /** A purge (the row removed, deleted or not): its last values, with the next version. */
    public static final Recording PURGE = new Recording("'PURGE'", HISTORY_VERSION + " + 1", false);

    /** The operations a soft-deleted entity's history records, for its CHECK constraint. */
    public static final List<String> HISTORY_OPERATIONS = List.of("INSERT", "UPDATE", "DELETE", "RESTORE", "PURGE");

    private final EntityModel entity;

    public SoftDeletePass(EntityModel entity) {
        this.entity = entity;
    }

    public boolean softDeletes() {
        return entity.isSoftDeleted();
    }

    /** Whether {@code table} is the one holding the soft-delete column. */
    private boolean marks(TableRef table) {
        return entity.isSoftDeleted() && table.entityTable() && table.name().equals(entity.table());
    }

    private String column() {
        return Identifiers.quote(entity.softDeletion().column());
    }

    /**
     * The condition on {@code table}'s rows the statement means: {@code deleted_at IS NULL} (live),
     * {@code IS NOT NULL} (deleted), or none (every row, or not the table holding the column).
     */
    public List<Fragment> predicate(TableRef table) {
        if (!marks(table) || table.rows() == TableRef.Rows.ALL) {
            return List.of();
        }
        return List.of(Fragment.sql(table.qualifier() + column()
                + (table.rows() == TableRef.Rows.LIVE ? " IS NULL" : " IS NOT NULL")));
    }

    /**
     * The conflict clause of an upsert into {@code table}: on the partial unique index over live rows
     * ({@code ON CONFLICT (...) WHERE deleted_at IS NULL}; the primary key satisfies it too), and
     * updating only a live row, so an id held by a deleted row updates nothing (and returns no row).
     */
    public Sql.OnConflict conflict(TableRef table, Sql.OnConflict onConflict) {
        if (!marks(table) || onConflict == null) {
            return onConflict;
        }
        String live = column() + " IS NULL";
        // qualified: unqualified, the column would be ambiguous with EXCLUDED's in the DO UPDATE's WHERE
        String target = (table.alias() != null ? table.alias() : Identifiers.quote(table.name())) + ".";
        return new Sql.OnConflict(onConflict.target(), List.of(Fragment.sql(live)), onConflict.assignments(),
                List.of(Fragment.sql(target + live)));
    }

    /**
     * {@code delete} as a soft delete: {@code UPDATE <table> SET deleted_at = statement_timestamp()
     * WHERE <its conditions>} (the tenancy pass adds the tenant's and this pass the live rows'), the
     * {@code @Version} + 1 when the entity has one (as an update would), the history version + 1 when audited (the history records the row, at its new version, as a DELETE).
     */
    public Sql.Update mark(Sql.Delete delete) {
        return write(delete, Fragment.sql("statement_timestamp()"), TableRef.Rows.LIVE);
    }

    /** A restore of the deleted rows {@code delete} would meet: {@code deleted_at = NULL}. */
    public Sql.Update unmark(Sql.Delete delete) {
        return write(delete, Fragment.sql("NULL"), TableRef.Rows.DELETED);
    }

    /** {@code delete} removing the rows it meets, deleted or not: a purge. */
    public Sql.Delete purge(Sql.Delete delete) {
        return new Sql.Delete(delete.table().rows(TableRef.Rows.ALL), delete.where(), delete.returning());
    }

    private Sql.Update write(Sql.Delete delete, Fragment value, TableRef.Rows rows) {
        List<Sql.Assignment> assignments = new ArrayList<>();
        assignments.add(new Sql.Assignment(column(), value));
        // a soft delete and a restore change the row like an update: a copy read before either is stale
        entity.version().ifPresent(version ->
                assignments.add(Sql.Assignment.increment(Identifiers.quote(version.column()))));
        if (entity.isAudited()) {
            assignments.add(new Sql.Assignment(HISTORY_VERSION, Fragment.sql(HISTORY_VERSION + " + 1")));
        }
        return new Sql.Update(delete.table().rows(rows), assignments, null, delete.where(), delete.returning());
    }
}
