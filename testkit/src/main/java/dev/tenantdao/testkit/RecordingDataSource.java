package dev.tenantdao.testkit;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that records what reaches the database: how many connections were taken and the
 * SQL of every statement prepared or executed on them. Tests use it to prove that nothing was
 * sent (a missing tenant) or exactly what was sent (the generated SQL).
 */
public final class RecordingDataSource implements DataSource {

    private final DataSource target;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> statements = java.util.Collections.synchronizedList(new ArrayList<>());

    public RecordingDataSource(DataSource target) {
        this.target = target;
    }

    /** How many connections were requested so far. */
    public int connectionCount() {
        return connections.get();
    }

    /** The SQL of every statement prepared or executed so far, in order. */
    public List<String> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /** Forgets everything recorded so far. */
    public void reset() {
        connections.set(0);
        statements.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return record(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return record(target.getConnection(username, password));
    }

    private Connection record(Connection connection) {
        connections.incrementAndGet();
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null && args.length > 0 && args[0] instanceof String sql && records(method)) {
                statements.add(sql);
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(
                RecordingDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static boolean records(Method method) {
        String name = method.getName();
        return name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("nativeSQL");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target.isWrapperFor(type);
    }
}
