package dev.tenantdao.processor.sql;

import dev.tenantdao.processor.model.Property;
import java.util.List;
import java.util.Optional;

/**
 * Every statement of one entity's DAO.
 *
 * @param returnedColumns the columns {@code update} (and upserts) read back, in select order
 * @param insertedColumns the columns {@code insert} and {@code insertAll} read back, in select order
 *     (see {@link InsertReadBack}): a subset of {@code returnedColumns}
 * @param insertAll the set-based insert of many rows, or empty when a column cannot travel in
 *     an array (then {@code insertAll} is a JDBC batch of {@code insert})
 * @param batchInsert the single-row insert as a JDBC batch runs it ({@code insertAll} without a
 *     set-based statement, of an entity neither audited nor joined): no tenant setting in front,
 *     no RETURNING (the driver's generated keys)
 * @param update empty when the entity has no column an update could change
 * @param upserts on the id (when the application assigns it) and on each unique column
 * @param deleteVersioned {@code delete(entity)} of an entity with a {@code @Version}
 * @param currentVersion with a {@code @Version}, the version of the row with an id (a write that
 *     found no row at the entity's version tells a stale version from a missing row with it)
 * @param history the history queries of an audited entity
 *     (audited entities' writes are data-modifying CTEs that return rows with a final SELECT)
 * @param softDeletes the restore, deleted-row reads and purge of a {@code @SoftDelete} entity
 * @param acrossTenants operator access ({@code -Atenantdao.operatorRole}): the reads of every tenant's rows,
 *     each with its tenant, or empty (no operator role, not row-tenanted, in a hierarchy)
 */
public record EntitySql(
        Statement insert,
        Optional<Statement> insertAll,
        Statement batchInsert,
        Optional<Statement> update,
        Statement findById,
        Statement findAllAfter,
        Statement findAll,
        Statement count,
        Statement existsById,
        Statement deleteById,
        List<Upsert> upserts,
        Optional<Statement> deleteVersioned,
        Optional<Statement> currentVersion,
        Optional<History> history,
        List<String> returnedColumns,
        List<String> insertedColumns,
        String ddl,
        Optional<SoftDeleteSql> softDeletes,
        Optional<AcrossTenantsSql> acrossTenants) {

    public EntitySql {
        upserts = List.copyOf(upserts);
        returnedColumns = List.copyOf(returnedColumns);
        insertedColumns = List.copyOf(insertedColumns);
    }

    /**
     * An insert that updates the existing row on conflict.
     *
     * @param on the id, or the unique property the conflict is on
     * @param method the DAO method: {@code upsert} or {@code upsertBy<Field>}
     * @param constant the SQL constant's name
     */
    public record Upsert(Property on, String method, String constant, Statement statement) {}

    /** The history queries of an audited entity; each selects the entity's columns, then the history columns. */
    /**
     * An audited entity's history queries; {@code allAsOf} (the first page) and {@code allAsOfAfter}
     * (the page after an id) of every row as of a time, for a standalone entity or a subtype.
     */
    public record History(Statement versions, Statement asOf, Statement between, Statement inTransaction,
            Optional<Statement> allAsOf, Optional<Statement> allAsOfAfter) {}
}
