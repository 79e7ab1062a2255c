package dev.tenantdao.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The handle generated DAOs are built from: a {@link DataSource}, the way to find the current
 * tenant, and the transaction of the current thread.
 *
 * <pre>{@code
 * Database database = new Database(dataSource);
 * InvoiceDao invoices = new InvoiceDao(database);
 * database.useTransaction(tx -> {
 *     invoices.insert(a);
 *     invoices.insert(b);   // same connection; both commit or neither does
 * });
 * }</pre>
 *
 * <p>Thread-safe; create one per data source and share it (it is what DI containers inject).
 */
public final class Database {

    private final DataSource dataSource;
    private final TenantResolver tenantResolver;
    private final ThreadLocal<Transaction> transaction = new ThreadLocal<>();

    /** A database whose tenant comes only from {@link TenantContext} blocks. */
    public Database(DataSource dataSource) {
        this(dataSource, TenantResolver.none());
    }

    /**
     * A database whose tenant comes from {@link TenantContext} blocks or, outside them, from
     * {@code tenantResolver}.
     */
    public Database(DataSource dataSource, TenantResolver tenantResolver) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.tenantResolver = Objects.requireNonNull(tenantResolver, "tenantResolver");
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The current tenant: the innermost {@link TenantContext} block's, else the resolver's, else empty. */
    public Optional<String> currentTenant() {
        Optional<String> explicit = TenantContext.current();
        return explicit.isPresent() ? explicit : tenantResolver.currentTenant();
    }

    /**
     * The current tenant, for an operation on {@code entity}.
     *
     * @throws NoTenantException when there is none; nothing has been sent to the database
     */
    public String requireTenant(String entity) {
        Optional<String> tenant = currentTenant();
        if (tenant.isEmpty() || tenant.get().isBlank()) {
            throw new NoTenantException(entity);
        }
        return tenant.get();
    }

    /**
     * Runs {@code work} with a connection: the current transaction's, or a fresh auto-commit
     * connection that is closed afterwards. {@code tenant} is the tenant the work belongs to, or
     * null for shared (non-tenanted) tables; inside a transaction it must be the transaction's.
     *
     * @param operation names the work in error messages, e.g. {@code "Invoice.insert"}
     * @throws DataAccessException when the work throws {@link SQLException}
     */
    public <T> T withConnection(String tenant, String operation, ConnectionCallback<T> work) {
        Transaction current = transaction.get();
        try {
            if (current != null) {
                current.bindTenant(tenant);
                return work.withConnection(current.connection());
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.withConnection(connection);
            }
        } catch (SQLException e) {
            throw new DataAccessException(operation + " failed", e);
        }
    }

    /**
     * Like {@link #withConnection}, but all statements of {@code work} take effect together or not
     * at all: outside a transaction the connection runs {@code work} in one of its own. Used for
     * multi-statement operations such as a batch insert.
     */
    public <T> T atomically(String tenant, String operation, ConnectionCallback<T> work) {
        Transaction current = transaction.get();
        if (current != null) {
            return withConnection(tenant, operation, work);
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.withConnection(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error failure) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    failure.addSuppressed(rollbackFailure);
                }
                throw failure;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessException(operation + " failed", e);
        }
    }

    /**
     * Runs {@code work} in a transaction and returns its result. Commits when {@code work}
     * returns, rolls back when it throws (the exception reaches the caller unchanged) or called
     * {@link Transaction#setRollbackOnly()}. A nested call joins the open transaction.
     */
    public <T, X extends Exception> T inTransaction(TransactionCallback<T, X> work) throws X {
        Objects.requireNonNull(work, "work");
        String tenant = currentTenant().orElse(null);
        Transaction open = transaction.get();
        if (open != null) {
            open.bindTenant(tenant);
            try {
                return work.inTransaction(open);
            } catch (Throwable failure) {
                open.setRollbackOnly();
                throw failure;
            }
        }
        Transaction started = new Transaction(this, tenant);
        transaction.set(started);
        try {
            T result = work.inTransaction(started);
            started.end(null);
            return result;
        } catch (Throwable failure) {
            started.end(failure);
            throw failure;
        } finally {
            transaction.remove();
        }
    }

    /** {@link #inTransaction} for work without a result. */
    public <X extends Exception> void useTransaction(TransactionConsumer<X> work) throws X {
        Objects.requireNonNull(work, "work");
        inTransaction(tx -> {
            work.useTransaction(tx);
            return null;
        });
    }

    /** The transaction open on this thread, if any. */
    public Optional<Transaction> currentTransaction() {
        return Optional.ofNullable(transaction.get());
    }
}
