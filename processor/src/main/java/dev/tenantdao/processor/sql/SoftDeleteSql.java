package dev.tenantdao.processor.sql;

/**
 * The statements a {@code @SoftDelete} entity's DAO adds: each names the rows it means (deleted, or
 * every row) on its table, and the soft-delete pass turns that into the predicate.
 *
 * @param restore the deleted row with the id argument made live again
 * @param findDeletedById the deleted row with the id argument
 * @param findAllDeleted offset paging over deleted rows, in id order
 * @param purge the row with the id argument removed, deleted or not
 */
public record SoftDeleteSql(Statement restore, Statement findDeletedById, Statement findAllDeleted, Statement purge) {}
