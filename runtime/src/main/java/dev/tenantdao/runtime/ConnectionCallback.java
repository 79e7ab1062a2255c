package dev.tenantdao.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection handed out by {@link Database}; the database owns the connection. */
@FunctionalInterface
public interface ConnectionCallback<T> {
    T withConnection(Connection connection) throws SQLException;
}
