package dev.tenantdao.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection handed out by {@link dev.tenantdao.runtime.Database}; the database owns the connection. */
@FunctionalInterface
public interface ConnectionCallback<T> {
    T withConnection(Connection connection) throws SQLException;
}
