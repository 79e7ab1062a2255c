package dev.tenantdao.testkit;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that records what reaches the database: how many connections were taken and the
 * SQL of every statement prepared or executed on them (prepared and callable statements when they
 * are prepared; plain statements' SQL when it is executed or added to a batch). Tests use it to
 * prove that nothing was sent (a missing tenant) or exactly what was sent (the generated SQL).
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
        Connection[] recording = new Connection[1];
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null && args.length > 0 && args[0] instanceof String sql && recordsOnConnection(method)) {
                statements.add(sql);
            }
            Object result = invoke(connection, method, args);
            return method.getName().equals("createStatement") ? record((Statement) result, recording[0]) : result;
        };
        recording[0] = (Connection) Proxy.newProxyInstance(
                RecordingDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        return recording[0];
    }

    /**
     * A plain statement records the SQL it is given when it executes it or adds it to a batch, and
     * leads back to the recording connection.
     */
    private Statement record(Statement statement, Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null && args.length > 0 && args[0] instanceof String sql && recordsOnStatement(method)) {
                statements.add(sql);
            }
            return method.getName().equals("getConnection") ? connection : invoke(statement, method, args);
        };
        return (Statement) Proxy.newProxyInstance(
                RecordingDataSource.class.getClassLoader(), new Class<?>[] {Statement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean recordsOnConnection(Method method) {
        String name = method.getName();
        return name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("nativeSQL");
    }

    private static boolean recordsOnStatement(Method method) {
        String name = method.getName();
        return name.equals("execute") || name.equals("executeQuery") || name.equals("executeUpdate")
                || name.equals("executeLargeUpdate") || name.equals("addBatch");
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
