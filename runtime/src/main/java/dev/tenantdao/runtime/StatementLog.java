package dev.tenantdao.runtime;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link StatementListener} that logs statements through {@link System.Logger} (which reaches
 * java.util.logging by default, and SLF4J, Log4j or Logback through their bridges), to the logger
 * {@value #LOGGER}:
 *
 * <ul>
 *   <li>each statement at {@code DEBUG}: the operation, the tenant, the rows, the duration and the SQL
 *       (with {@code ?} for every value);
 *   <li>each failure at {@code WARNING}, which every backend shows by default: the operation, the
 *       tenant, the SQL state and the SQL.
 * </ul>
 *
 * <p>Register it like any listener: {@code Database.builder(dataSource).statementListener(new StatementLog())}.
 * It is not registered by default, so that a database without listeners measures nothing.
 *
 * <p>Bind values are never logged by it: the generated code binds them on the driver's own statement,
 * which tenantdao does not wrap, so they never reach a listener (they hold personal data anyway).
 * PostgreSQL's JDBC driver logs every statement it sends with its values when its own
 * java.util.logging logger {@code org.postgresql} is at {@code FINEST}: that is the switch for them.
 */
public final class StatementLog implements StatementListener {

    /** The name of the logger statements are logged to. */
    public static final String LOGGER = "dev.tenantdao.sql";

    private final Logger logger;

    /** Logs to {@value #LOGGER}. */
    public StatementLog() {
        this(System.getLogger(LOGGER));
    }

    /** Logs to {@code logger}. */
    public StatementLog(Logger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public void onStatement(StatementEvent event) {
        if (event.outcome() == StatementEvent.Outcome.FAILURE) {
            if (logger.isLoggable(Level.WARNING)) {
                logger.log(Level.WARNING, event.operation() + tenant(event) + " failed"
                        + (event.sqlState() == null ? "" : " with SQL state " + event.sqlState())
                        + " after " + millis(event) + ": " + event.sql());
            }
        } else if (logger.isLoggable(Level.DEBUG)) {
            logger.log(Level.DEBUG, event.operation() + tenant(event) + ", "
                    + (event.rows() < 0 ? "rows unknown" : event.rows() == 1 ? "1 row" : event.rows() + " rows")
                    + " in " + millis(event) + ": " + event.sql());
        }
    }

    private static String tenant(StatementEvent event) {
        return event.tenant() == null ? " (shared)" : " for tenant " + event.tenant()
                + (event.vendor() != null ? ", vendor " + event.vendor() : "")
                + (event.tenantWide() ? ", tenant-wide (all vendors)" : "");
    }

    private static String millis(StatementEvent event) {
        return String.format(Locale.ROOT, "%.3f ms", event.duration().toNanos() / 1e6);
    }
}
