package dev.tenantdao.runtime;

import java.sql.Connection;
import java.util.Optional;

/**
 * The application's own transactions (a framework's, or code of its own): while one is open on the
 * calling thread, every DAO call on the {@link Database}'s main data source joins it, using its
 * connection and never committing, rolling back, changing auto-commit or closing it. Work that
 * would open a transaction of its own ({@code insertAll}, writes with hooks, hierarchies,
 * {@link Database#inTransaction}) joins instead, so the application's commit or rollback decides for
 * all of it. The tenant rules hold as in a {@link Transaction}: the transaction belongs to the first
 * tenant that uses it, another tenant is refused with {@link TenantMismatchException} before any SQL,
 * and under row-level security the tenant setting is made once on its connection (so the
 * application's own SQL in it sees the tenant's rows too). Database-per-tenant entities, whose rows
 * are in another database, keep their own connections.
 *
 * <pre>{@code
 * Database database = Database.builder(dataSource).externalTransactions(myTransactions).build();
 * }</pre>
 */
@FunctionalInterface
public interface ExternalTransactions {

    /**
     * The transaction the application has open on the calling thread on the database's main data
     * source, or empty. The same object for as long as that transaction is open (DAO calls in it
     * are told apart from those of another transaction by it).
     */
    Optional<ExternalTransaction> current();

    /** None: DAO calls take their own connections (the default). */
    static ExternalTransactions none() {
        return Optional::empty;
    }

    /** One open transaction of the application's. */
    @FunctionalInterface
    interface ExternalTransaction {
        /** Its connection, in the transaction (auto-commit off); tenantdao uses it and leaves it as it is. */
        Connection connection();

        /**
         * The tenant the transaction already belongs to, when the integration set the tenant setting
         * itself at its start (Jdbi's does): DAO calls under another tenant are then refused. Default: none.
         */
        default java.util.Optional<String> tenant() {
            return java.util.Optional.empty();
        }
    }
}
