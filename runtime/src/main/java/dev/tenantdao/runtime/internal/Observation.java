package dev.tenantdao.runtime.internal;

import dev.tenantdao.runtime.StatementEvent;
import dev.tenantdao.runtime.StatementListener;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The statement a generated method is sending, as its {@link StatementListener}s will see it: the
 * one place the runtime times statements and builds {@link StatementEvent}s. The
 * {@link dev.tenantdao.runtime.Database} starts one around each piece of work that sends a
 * statement and ends it when the work returns or throws; generated code only reports the rows it
 * read or changed ({@link #rows}) and, when its work sends a second statement, says so
 * ({@link #next}). With no listener registered every piece of work gets {@link #NONE}, on which
 * every method returns at once: no clock is read, nothing is allocated. Not API.
 *
 * <pre>{@code
 * return support.withConnection(tenant, "Invoice.findAll", FIND_ALL, (connection, observed) -> {
 *     ...
 *     return observed.rows(page);          // the statement returned page.size() rows
 * });
 * }</pre>
 */
public final class Observation {

    /**
     * The logger of listeners that throw, in a holder of its own: {@code System.getLogger} starts the JDK's logging
     * (its {@code LoggerFinder}, {@code java.util.logging}'s bridge: a dozen classes, milliseconds at start-up), which
     * an application whose listeners never throw, or that has none, should not pay on its first statement.
     */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(StatementListener.class.getName());
    }

    /** What work gets when nobody listens: records nothing. */
    public static final Observation NONE = new Observation(null, null, null, null, null, null);

    private final StatementListener[] listeners;
    private final String operation;
    private final String entity;
    private final String tenant;
    private final String strategy;
    private String sql;
    private long started;
    private long rows = -1;
    private boolean ended;

    private Observation(StatementListener[] listeners, String operation, String entity, String tenant,
            String strategy, String sql) {
        this.listeners = listeners;
        this.operation = operation;
        this.entity = entity;
        this.tenant = tenant;
        this.strategy = strategy;
        this.sql = sql;
        this.started = listeners == null ? 0 : System.nanoTime();
    }

    /**
     * The statement {@code sql} of {@code operation} starting now, or {@link #NONE} when
     * {@code listeners} is null (nobody listens) or {@code sql} is null (the work sends no statement
     * of its own: it calls other DAOs, which report theirs).
     */
    public static Observation start(StatementListener[] listeners, TenantScope scope, String tenant,
            String operation, String sql) {
        return start(listeners, scope, tenant, null, false, operation, sql);
    }

    /**
     * {@link #start(StatementListener[], TenantScope, String, String, String)} of a vendor-scoped
     * entity's statement: for {@code vendor} of the tenant, or tenant-wide.
     */
    public static Observation start(StatementListener[] listeners, TenantScope scope, String tenant, String vendor,
            boolean tenantWide, String operation, String sql) {
        if (listeners == null || sql == null) {
            return NONE;
        }
        Observation observation = new Observation(listeners, operation, scope.entity(), tenant, scope.strategy().name(),
                sql);
        observation.vendor = vendor;
        observation.tenantWide = tenantWide;
        return observation;
    }

    private String vendor;
    private boolean tenantWide;

    /** The statement returned or changed {@code count} rows; returns {@code count}. */
    public int rows(int count) {
        if (listeners != null) {
            rows = count;
        }
        return count;
    }

    /** The statement returned or changed {@code count} rows; returns {@code count}. */
    public long rows(long count) {
        if (listeners != null) {
            rows = count;
        }
        return count;
    }

    /** The statement returned the rows of {@code read}; returns it. */
    public <C extends Collection<?>> C rows(C read) {
        if (listeners != null) {
            rows = read.size();
        }
        return read;
    }

    /** The statement returned {@code row} (one row) or nothing; returns it. */
    public <T> Optional<T> rows(Optional<T> row) {
        if (listeners != null) {
            rows = row.isPresent() ? 1 : 0;
        }
        return row;
    }

    /**
     * The work's statement succeeded and it now sends {@code nextSql} (the count of a page, the
     * current version after an update matched no row): the first is reported, the second timed.
     */
    public void next(String nextSql) {
        if (listeners == null) {
            return;
        }
        succeeded();
        sql = nextSql;
        rows = -1;
        ended = false;
        started = System.nanoTime();
    }

    /** Reports the statement as succeeded, once. */
    public void succeeded() {
        if (listeners != null && !ended) {
            emit(StatementEvent.Outcome.SUCCESS, null);
        }
    }

    /** Reports the statement as failed with {@code failure}, once; its SQL state when a SQLException caused it. */
    public void failed(Throwable failure) {
        if (listeners != null && !ended) {
            rows = -1;
            emit(StatementEvent.Outcome.FAILURE, sqlState(failure));
        }
    }

    private void emit(StatementEvent.Outcome outcome, String sqlState) {
        ended = true;
        StatementEvent event = new StatementEvent(operation, entity, tenant, strategy, sql,
                Duration.ofNanos(System.nanoTime() - started), rows, outcome, sqlState, vendor, tenantWide);
        notify(listeners, event);
    }

    /** Tells every one of {@code listeners} of {@code event}, in order; one that throws is logged and skipped. */
    public static void notify(StatementListener[] listeners, StatementEvent event) {
        for (StatementListener listener : listeners) {
            try {
                listener.onStatement(event);
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError) {
                    throw e;
                }
                Log.LOG.log(System.Logger.Level.WARNING, () -> "Statement listener " + listener.getClass().getName()
                        + " threw on " + event.operation() + "; ignored", e);
            }
        }
    }

    /** The SQL state of the first SQLException among {@code failure} and its causes, else null. */
    static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
