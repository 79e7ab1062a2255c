package dev.tenantdao.processor.sql;

import java.util.List;
import java.util.Map;

/**
 * The statements of a {@code @Polymorphic} root's DAO. Each read selects the root's columns, the
 * discriminator, then every subtype's own columns.
 *
 * @param history for an audited hierarchy, the versions and "as of" queries of any row, the history
 *     columns selected in the same order as the reads' columns
 * @param discriminatorIndex the discriminator's column, 1-based
 * @param columnIndexes per subtype (by canonical name), the column of each of its properties, in
 *     the subtype's property order, 1-based
 * @param ddl the DDL of the whole hierarchy
 * @param softDeletes the restore, deleted-row reads and purge of a {@code @SoftDelete} hierarchy
 * @param acrossTenants operator access ({@code -Atenantdao.operatorRole}, row-tenanted): the reads of every
 *     tenant's rows of any subtype, each with its tenant
 */
public record HierarchySql(
        Statement findById,
        Statement findAllAfter,
        Statement findAll,
        Statement count,
        Statement existsById,
        Statement deleteById,
        java.util.Optional<RowHistory> history,
        int discriminatorIndex,
        Map<String, List<Integer>> columnIndexes,
        String ddl,
        java.util.Optional<SoftDeleteSql> softDeletes,
        java.util.Optional<AcrossTenantsSql> acrossTenants) {

    public HierarchySql {
        columnIndexes = Map.copyOf(columnIndexes);
    }

    /**
     * Every version of a row of any subtype, the row as it was at a time, and every row as it was at a
     * time, a keyset page in id order ({@code allAsOf} the first, {@code allAsOfAfter} the page after
     * an id), in the reads' columns.
     */
    public record RowHistory(Statement versions, Statement asOf, Statement allAsOf, Statement allAsOfAfter) {}
}
