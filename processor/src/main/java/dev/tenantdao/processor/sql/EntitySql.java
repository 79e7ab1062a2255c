package dev.tenantdao.processor.sql;

import java.util.List;
import java.util.Optional;

/**
 * Every statement of one entity's DAO.
 *
 * @param returnedColumns the columns {@code insert} and {@code update} read back, in select order
 * @param update empty when the entity has no column an update could change
 */
public record EntitySql(
        Statement insert,
        Optional<Statement> update,
        Statement findById,
        Statement findAllAfter,
        Statement findAll,
        Statement count,
        Statement existsById,
        Statement deleteById,
        List<String> returnedColumns,
        String ddl) {

    public EntitySql {
        returnedColumns = List.copyOf(returnedColumns);
    }
}
