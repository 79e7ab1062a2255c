package dev.tenantdao.runtime.internal;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.TenantDaoException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;

/**
 * One call of a generated DAO method in progress: the connection its statements use, the statement
 * as the listeners will see it, and what has to happen when it ends (a connection of its own closed,
 * a transaction of its own committed or rolled back). Made by {@link DaoSupport#begin} and
 * {@link DaoSupport#beginAtomically}; only generated code uses it, in this shape:
 *
 * <pre>{@code
 * DaoCall call = support.begin(tenant, "Invoice.findById", FIND_BY_ID);
 * try {
 *     Connection connection = call.connection();
 *     ...
 *     return call.rows(found);
 * } catch (Throwable failure) {
 *     throw call.failed(failure);
 * } finally {
 *     call.end();
 * }
 * }</pre>
 *
 * A plain try/catch rather than a callback: javac types a block far faster than a lambda passed to
 * a generic method, which was most of what compiling a generated DAO cost.
 */
public abstract class DaoCall {

    private final String operation;
    private final Connection connection;
    private final Observation observed;
    /** What the call failed with (an {@link SQLException} already wrapped), or null. */
    private Throwable failure;
    /** The rows the call reported read or changed, or -1 when it reported none (what an operator's access log records). */
    private long reported = -1;
    /** The distinct tenants of the rows a call across tenants reported, or null (a call for one tenant). */
    private String[] reportedTenants;

    /** A call of {@code operation} on {@code connection}, observed by {@code observed}. */
    protected DaoCall(String operation, Connection connection, Observation observed) {
        this.operation = operation;
        this.connection = connection;
        this.observed = observed;
    }

    /** The connection for the call's statements; the call owns it, the generated code never closes it. */
    public final Connection connection() {
        return connection;
    }

    /** Reports {@code count} rows read or changed by the statement, and returns it. */
    public final int rows(int count) {
        reported = count;
        return observed.rows(count);
    }

    /** Reports {@code count} rows read or changed by the statement, and returns it. */
    public final long rows(long count) {
        reported = count;
        return observed.rows(count);
    }

    /** Reports the rows read into {@code read}, and returns it. */
    public final <C extends Collection<?>> C rows(C read) {
        reported = read.size();
        return observed.rows(read);
    }

    /** Reports the one row or none read into {@code row}, and returns it. */
    public final <T> Optional<T> rows(Optional<T> row) {
        reported = row.isPresent() ? 1 : 0;
        return observed.rows(row);
    }

    /**
     * Reports the rows read across tenants into {@code read}, each with its tenant (what the access log
     * records: how many, and whose), and returns it.
     */
    public final <C extends Collection<? extends dev.tenantdao.runtime.TenantRow<?>>> C rowsOfTenants(C read) {
        reportedTenants = read.stream().map(dev.tenantdao.runtime.TenantRow::tenant).distinct().sorted()
                .toArray(String[]::new);
        return rows(read);
    }

    /**
     * Reports the number of rows of each tenant read across tenants into {@code counts} (tenant to count): the
     * access log records its tenants, and one row each; returns it.
     */
    public final <M extends java.util.Map<String, Long>> M countsOfTenants(M counts) {
        reportedTenants = counts.keySet().stream().sorted().toArray(String[]::new);
        rows(counts.size());
        return counts;
    }

    /**
     * Reports a page read across tenants: {@code content}, the rows it holds, each with its tenant, and {@code
     * counted}, each tenant's count of the rows its total counted (empty without a total); the access log records
     * the page's rows and the tenants of both (the operator learned how many rows each counted tenant has).
     * Returns {@code page}.
     */
    public final <P> P pageOfTenants(P page, Collection<? extends dev.tenantdao.runtime.TenantRow<?>> content,
            java.util.Map<String, Long> counted) {
        reportedTenants = java.util.stream.Stream.concat(content.stream().map(dev.tenantdao.runtime.TenantRow::tenant),
                counted.keySet().stream()).distinct().sorted().toArray(String[]::new);
        reported = content.size();
        return page;
    }

    /** The call's statement is over; it sends the statement {@code nextSql} next, reported on its own. */
    public final void next(String nextSql) {
        observed.next(nextSql);
    }

    /**
     * The call failed with {@code thrown}: the listeners are told, and what the generated method throws
     * is returned: a {@link DataAccessException} naming the operation for an {@link SQLException}, the
     * exception itself when unchecked (any other checked exception, which only a hook or converter
     * throwing it undeclared can cause, wrapped in a {@link TenantDaoException}); an {@link Error} is
     * thrown from here.
     * {@link #end()} then rolls back a transaction of the call's own.
     */
    public final RuntimeException failed(Throwable thrown) {
        observed.failed(thrown);
        if (thrown instanceof Error error) {
            failure = error;
            throw error;
        }
        RuntimeException rethrown = thrown instanceof RuntimeException runtime ? runtime
                : thrown instanceof SQLException sql ? new DataAccessException(operation, operation + " failed", sql)
                : new TenantDaoException(operation + " failed: " + thrown, thrown);
        failure = rethrown;
        return rethrown;
    }

    /**
     * Ends the call, in the generated method's {@code finally}: when it did not fail, the listeners are
     * told it succeeded; then a connection of its own is closed and a transaction of its own committed
     * (rolled back after a failure).
     *
     * @throws DataAccessException when committing or closing fails after a call that did not fail
     *     (after a failure, such a problem is added to the failure as suppressed)
     */
    public final void end() {
        if (failure == null) {
            observed.succeeded();
        }
        release(operation, failure);
    }

    /** The rows the call reported read or changed, or -1 when it reported none. */
    protected final long reportedRows() {
        return reported;
    }

    /** The distinct tenants of the rows a call across tenants reported, sorted, or null for a call for one tenant. */
    protected final String[] reportedTenants() {
        return reportedTenants;
    }

    /**
     * Gives back what the call took: nothing when it joined a transaction, its connection, or its
     * transaction (committed when {@code failure} is null).
     */
    protected abstract void release(String operation, Throwable failure);
}
