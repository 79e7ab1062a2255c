package dev.tenantdao.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done with a connection handed out by {@link dev.tenantdao.runtime.Database}; the database owns
 * the connection. {@code observed} is the statement the work sends, as listeners will see it (see
 * {@link Observation}): the work reports its rows there.
 */
@FunctionalInterface
public interface ConnectionCallback<T> {
    T withConnection(Connection connection, Observation observed) throws SQLException;
}
