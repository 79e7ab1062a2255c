package dev.tenantdao.samples.invoicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.ExternalTransactions;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantMismatchException;
import dev.tenantdao.samples.TestSchemas;
import dev.tenantdao.samples.common.Money;
import dev.tenantdao.samples.payouts.CardPayout;
import dev.tenantdao.samples.payouts.Payout;
import dev.tenantdao.samples.payouts.PayoutDao;
import dev.tenantdao.samples.payouts.WalletPayout;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DAO calls join the application's own transaction (ExternalTransactions): every kind of call that
 * would open a transaction of its own joins instead, so the application's rollback undoes all of it
 * and its commit keeps all of it; the transaction belongs to one tenant; under row-level security the
 * application's own SQL in it sees the tenant's rows.
 */
class ExternalTransactionsTest {

    /** The application's transactions, kept as a framework keeps them: a connection per thread while one is open. */
    static final class AppTransactions implements ExternalTransactions {
        private final DataSource dataSource;
        private final ThreadLocal<ExternalTransaction> open = new ThreadLocal<>();

        AppTransactions(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Optional<ExternalTransaction> current() {
            return Optional.ofNullable(open.get());
        }

        interface Work {
            void run(Connection connection) throws Exception;
        }

        /** Runs {@code work} in a transaction of the application's, then commits or rolls back as told. */
        void inTransaction(boolean commit, Work work) throws Exception {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                open.set(() -> connection);
                try {
                    work.run(connection);
                    assertFalse(connection.getAutoCommit(), "tenantdao never changes the application's auto-commit");
                    if (commit) {
                        connection.commit();
                    } else {
                        connection.rollback();
                    }
                } catch (Exception | Error e) {
                    connection.rollback();
                    throw e;
                } finally {
                    open.remove();
                }
            }
        }
    }

    private static RecordingDataSource owner;
    private static RecordingDataSource app;
    private static AppTransactions transactions;
    private static Database database;

    @BeforeAll
    static void schema() {
        owner = TestSchemas.invoicing("external_transactions", Payout.class);
        app = new RecordingDataSource(Postgres.shared().applicationRole("tenantdao_app", "external_transactions"));
        transactions = new AppTransactions(app);
        database = Database.builder(app).externalTransactions(transactions).build();
    }

    /** Every kind of DAO work: audited insert, set-based insertAll, a hooked insert, a hierarchy, a nested inTransaction. */
    private static void everyKindOfWrite(Connection connection, String tenant) throws Exception {
        TenantContext.runAs(tenant, () -> {
            long customer = new CustomerDao(database).insert(new Customer("Hooked", " MIXED@Example.com ")).getId();
            InvoiceDao invoices = new InvoiceDao(database);
            invoices.insert(Invoice.draft(customer, "X-1", "EUR", BigDecimal.ONE, null));
            invoices.insertAll(List.of(Invoice.draft(customer, "X-2", "EUR", BigDecimal.TEN, null),
                    Invoice.draft(customer, "X-3", "USD", BigDecimal.TEN, null)));
            new PayoutDao(database).insertAll(List.of(new CardPayout(Money.of("1.00"), "r", "tok"),
                    new WalletPayout(Money.of("2.00"), "w", "wallet", 1)));
            database.useTransaction(tx -> invoices.insert(Invoice.draft(customer, "X-4", "EUR", BigDecimal.ONE, null)));
        });
        assertFalse(connection.isClosed(), "tenantdao never closes the application's connection");
    }

    private static long count(String table, String tenant) throws SQLException {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table + " WHERE tenant_id = '" + tenant + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void theApplicationsRollbackUndoesEveryDaoWriteAndItsHistory() throws Exception {
        transactions.inTransaction(false, connection -> everyKindOfWrite(connection, "rolled_back"));
        for (String table : List.of("customer", "invoice", "invoice_history", "payout")) {
            assertEquals(0, count(table, "rolled_back"), table + ": nothing of the rolled-back transaction stays");
        }
    }

    @Test
    void theApplicationsCommitKeepsAllOfIt() throws Exception {
        transactions.inTransaction(true, connection -> everyKindOfWrite(connection, "committed"));
        assertEquals(1, count("customer", "committed"));
        assertEquals(4, count("invoice", "committed"));
        assertEquals(4, count("invoice_history", "committed"));
        assertEquals(2, count("payout", "committed"));
    }

    @Test
    void daoCallsSeeTheApplicationsOwnUncommittedWrites() throws Exception {
        transactions.inTransaction(false, connection -> {
            TenantContext.runAs("sees_own", () -> {
                long customer = new CustomerDao(database).insert(new Customer("Seen", null)).getId();
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate("UPDATE customer SET name = 'Renamed by the application' WHERE id = " + customer);
                }
                assertEquals("Renamed by the application",
                        new CustomerDao(database).findById(customer).orElseThrow().getName());
            });
        });
    }

    @Test
    void aSecondTenantInTheSameTransactionIsRefusedBeforeAnySql() throws Exception {
        transactions.inTransaction(false, connection -> {
            TenantContext.runAs("first", () -> new CustomerDao(database).count());
            int before = app.statements().size();
            TenantMismatchException e = assertThrows(TenantMismatchException.class,
                    () -> TenantContext.callAs("second", () -> new CustomerDao(database).count()));
            assertEquals("first", e.boundTenant());
            assertEquals("second", e.requestedTenant());
            assertEquals(before, app.statements().size(), "refused before any SQL");
        });
    }

    @Test
    void underRowLevelSecurityTheApplicationsOwnSqlSeesTheTenantsRowsAfterADaoCall() throws Exception {
        transactions.inTransaction(true, connection -> TenantContext.runAs("rls_one",
                () -> new CustomerDao(database).insert(new Customer("One", null))));
        transactions.inTransaction(true, connection -> TenantContext.runAs("rls_two",
                () -> new CustomerDao(database).insert(new Customer("Two", null))));
        transactions.inTransaction(false, connection -> {
            TenantContext.runAs("rls_one", () -> new CustomerDao(database).count());    // the setting, made once
            try (Statement s = connection.createStatement();
                    ResultSet rows = s.executeQuery("SELECT name FROM customer WHERE tenant_id LIKE 'rls_%'")) {
                assertEquals(true, rows.next());
                assertEquals("One", rows.getString(1), "the application's own SQL sees rls_one's rows only");
                assertFalse(rows.next());
            }
        });
    }
}
