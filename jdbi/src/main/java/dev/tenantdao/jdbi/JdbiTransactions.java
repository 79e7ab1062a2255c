package dev.tenantdao.jdbi;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.ExternalTransactions;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.internal.TenantSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Jdbi's transactions as tenantdao's {@link ExternalTransactions}: while a Jdbi transaction runs
 * ({@code jdbi.inTransaction}, {@code useTransaction}, {@code handle.inTransaction}, SqlObject
 * {@code @Transaction}), DAO calls on the thread join it, and it carries the current tenant
 * ({@link TenantContext}) for row-level security from its start, so Jdbi's own SQL on tenanted tables
 * sees that tenant's rows.
 *
 * <pre>{@code
 * JdbiTransactions transactions = JdbiTransactions.install(jdbi);
 * Database database = Database.builder(dataSource).externalTransactions(transactions).build();
 * }</pre>
 *
 * <p>The Jdbi must be on the same data source as the {@code Database}. Transactions begun by hand
 * ({@code handle.begin()}) are not seen: use the callback forms.
 */
public final class JdbiTransactions implements ExternalTransactions {

    private final ThreadLocal<Open> open = new ThreadLocal<>();

    private JdbiTransactions() {}

    /** Wraps {@code jdbi}'s transaction handler so that its transactions are seen; returns them for a {@code Database}. */
    public static JdbiTransactions install(Jdbi jdbi) {
        JdbiTransactions transactions = new JdbiTransactions();
        jdbi.setTransactionHandler(transactions.new Binding(jdbi.getTransactionHandler()));
        return transactions;
    }

    @Override
    public Optional<ExternalTransaction> current() {
        return Optional.ofNullable(open.get());
    }

    /** One running Jdbi transaction, the same object from its start to its end. */
    private static final class Open implements ExternalTransaction {
        private final Handle handle;
        private final String tenant;

        Open(Handle handle, String tenant) {
            this.handle = handle;
            this.tenant = tenant;
        }

        @Override
        public Connection connection() {
            return handle.getConnection();
        }

        /** The tenant whose setting the transaction got at its start: DAO calls under another are refused. */
        @Override
        public Optional<String> tenant() {
            return Optional.ofNullable(tenant);
        }
    }

    /** Jdbi's handler, which in addition makes each outermost transaction seen while its callback runs. */
    private final class Binding extends DelegatingTransactionHandler {
        Binding(TransactionHandler delegate) {
            super(delegate);
        }

        @Override
        public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
            return super.inTransaction(handle, h -> seen(h, callback));
        }

        @Override
        public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                HandleCallback<R, X> callback) throws X {
            return super.inTransaction(handle, level, h -> seen(h, callback));
        }
    }

    /** Runs {@code callback} with its transaction seen (when it is the outermost one) and the tenant set. */
    private <R, X extends Exception> R seen(Handle handle, HandleCallback<R, X> callback) throws X {
        Open outer = open.get();
        if (outer != null && outer.handle == handle) {
            return callback.withHandle(handle);          // nested: the outer transaction is the one
        }
        Optional<String> tenant = TenantContext.current();
        tenant.ifPresent(t -> setTenant(handle.getConnection(), t));
        Open started = new Open(handle, tenant.orElse(null));
        open.set(started);
        try {
            return callback.withHandle(handle);
        } finally {
            if (outer == null) {
                open.remove();
            } else {
                open.set(outer);
            }
        }
    }

    /** The tenant setting row-level-security policies read, for the rest of the transaction. */
    private static void setTenant(Connection connection, String tenant) {
        try {
            TenantSql.setTenantOfContext(Objects.requireNonNull(connection), tenant);
        } catch (SQLException e) {
            throw new DataAccessException("JdbiTransactions.begin", "Setting the tenant failed", e);
        }
    }
}
