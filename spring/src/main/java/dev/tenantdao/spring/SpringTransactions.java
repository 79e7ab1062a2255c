package dev.tenantdao.spring;

import dev.tenantdao.runtime.ExternalTransactions;
import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's transactions as tenantdao's {@link ExternalTransactions}: inside a transaction Spring
 * manages on {@code dataSource} ({@code @Transactional}, {@code TransactionTemplate}, any
 * {@code PlatformTransactionManager} that binds its connection to the thread, such as
 * {@code DataSourceTransactionManager} or {@code JdbcTransactionManager}), DAO calls use Spring's
 * connection and join its transaction: Spring's rollback undoes them, its commit keeps them.
 *
 * <pre>{@code
 * Database database = Database.builder(dataSource)
 *         .externalTransactions(new SpringTransactions(dataSource))
 *         .build();
 * }</pre>
 *
 * <p>The {@code DataSource} must be the one Spring's transaction manager manages (the same object).
 */
public final class SpringTransactions implements ExternalTransactions {

    private final DataSource dataSource;
    /** The key under which the open transaction's token is bound to the thread, one per instance. */
    private final Object key = new Object();

    public SpringTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<ExternalTransaction> current() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.hasResource(dataSource)) {
            return Optional.empty();
        }
        Object bound = TransactionSynchronizationManager.getResource(key);
        if (bound != null) {
            return Optional.of((ExternalTransaction) bound);
        }
        // one token per Spring transaction, from its first DAO call to its completion
        ExternalTransaction token = this::connection;
        TransactionSynchronizationManager.bindResource(key, token);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return Optional.of(token);
    }

    /** Spring's connection of the transaction: the one it bound to the thread (never closed here). */
    private Connection connection() {
        return DataSourceUtils.getConnection(dataSource);
    }
}
