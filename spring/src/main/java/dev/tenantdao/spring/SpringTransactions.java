package dev.tenantdao.spring;

import dev.tenantdao.runtime.ExternalTransactions;
import java.sql.Connection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
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
    /**
     * One token per Spring transaction, keyed by the connection holder Spring binds for it (so a
     * REQUIRES_NEW transaction, which binds a holder of its own while the outer one is suspended, is a
     * transaction of its own here too); weak, so a token goes with its transaction.
     */
    private final Map<Object, ExternalTransaction> tokens = Collections.synchronizedMap(new WeakHashMap<>());

    public SpringTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<ExternalTransaction> current() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.empty();
        }
        Object holder = TransactionSynchronizationManager.getResource(dataSource);
        if (holder == null) {
            return Optional.empty();
        }
        return Optional.of(tokens.computeIfAbsent(holder, h -> this::connection));
    }

    /** Spring's connection of the transaction: the one it bound to the thread (never closed here). */
    private Connection connection() {
        return DataSourceUtils.getConnection(dataSource);
    }
}
