package dev.tenantdao.samples.invoicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.TestSchemas;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Row-level security as the second wall, tested as the application connects: a role that is not a
 * superuser, has no BYPASSRLS and owns no table. Raw SQL, with no tenant predicate at all, only
 * ever sees and writes the rows of the tenant the runtime set, and nothing without one.
 */
class RowLevelSecurityTest {

    private static DataSource app;
    private static Database database;
    private static InvoiceDao invoices;
    private static long acmeCustomer;

    @BeforeAll
    static void schemaAndRole() {
        TestSchemas.invoicing("rls");
        app = Postgres.shared().applicationRole("tenantdao_app", "rls");
        database = new Database(app);
        invoices = new InvoiceDao(database);
        acmeCustomer = TenantContext.callAs("acme", () -> Fixtures.customer(database));
        long globexCustomer = TenantContext.callAs("globex", () -> Fixtures.customer(database));
        TenantContext.runAs("acme", () -> invoices.insert(Invoice.draft(acmeCustomer, "A-1", "EUR", BigDecimal.TEN, null)));
        TenantContext.runAs("globex", () -> invoices.insert(
                Invoice.draft(globexCustomer, "G-1", "EUR", BigDecimal.TEN, null)));
    }

    @Test
    void theApplicationRoleIsSubjectToPolicies() throws SQLException {
        try (Connection c = app.getConnection();
                ResultSet rows = c.createStatement().executeQuery(
                        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            rows.next();
            assertEquals(false, rows.getBoolean(1));
            assertEquals(false, rows.getBoolean(2));
        }
    }

    @Test
    void daosWorkUnderRowLevelSecurity() {
        Invoice inserted = TenantContext.callAs("acme",
                () -> invoices.insert(Invoice.draft(acmeCustomer, "A-2", "EUR", BigDecimal.ONE, null)));
        assertEquals("A-2", TenantContext.callAs("acme", () -> invoices.findById(inserted.id())).orElseThrow().number());
        TenantContext.runAs("acme", () -> invoices.update(inserted.withStatus(InvoiceStatus.PAID)));
        TenantContext.runAs("acme", () -> invoices.delete(inserted));
    }

    @Test
    void rawSqlInARuntimeTransactionSeesAndChangesOnlyItsTenant() throws SQLException {
        long[] seen = new long[3];
        TenantContext.runAs("acme", () -> database.useTransaction(tx -> {
            try (Statement s = tx.connection().createStatement()) {
                try (ResultSet rows = s.executeQuery("SELECT count(*), count(DISTINCT tenant_id) FROM invoice")) {
                    rows.next();
                    seen[0] = rows.getLong(1);
                    seen[1] = rows.getLong(2);
                }
                seen[2] = s.executeUpdate("UPDATE invoice SET number = number");   // no WHERE at all
            }
            tx.setRollbackOnly();
        }));
        assertEquals(TenantContext.callAs("acme", invoices::count), seen[0]);
        assertEquals(1, seen[1], "one tenant visible");
        assertEquals(seen[0], seen[2], "the unfiltered update touched only acme's rows");
    }

    @Test
    void rawSqlCannotWriteAnotherTenantsRow() {
        SQLException e = assertThrows(SQLException.class, () -> TenantContext.runAs("acme",
                () -> database.useTransaction(tx -> {
                    try (PreparedStatement s = tx.connection().prepareStatement(
                            "INSERT INTO invoice (tenant_id, customer_id, number, status, currency, total)"
                                    + " VALUES ('globex', ?, 'forged', 'DRAFT', 'EUR', 1)")) {
                        s.setLong(1, acmeCustomer);
                        s.executeUpdate();
                    }
                })));
        assertEquals("42501", e.getSQLState(), e.getMessage());
    }

    @Test
    void withoutATenantNothingIsVisibleOrWritable() throws SQLException {
        try (Connection c = app.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("SELECT count(*) FROM invoice")) {
                rows.next();
                assertEquals(0, rows.getLong(1));
            }
            assertEquals(0, s.executeUpdate("DELETE FROM invoice"));
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO customer (tenant_id, name, active) VALUES ('acme', 'forged', true)"));
            assertEquals("42501", e.getSQLState());
        }
        assertTrue(TenantContext.callAs("acme", invoices::count) > 0, "the delete above removed nothing");
    }

    @Test
    void aPooledConnectionKeepsNoTenant() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setDataSource(app);
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Database pooled = new Database(pool);
            assertTrue(TenantContext.callAs("acme", () -> new InvoiceDao(pooled).count()) > 0);
            try (Connection same = pool.getConnection(); Statement s = same.createStatement();
                    ResultSet rows = s.executeQuery(
                            "SELECT count(*), current_setting('tenantdao.tenant', true) FROM invoice")) {
                rows.next();
                assertEquals(0, rows.getLong(1), "the pooled connection carries no tenant");
                assertTrue(rows.getString(2) == null || rows.getString(2).isEmpty());
            }
        }
    }

    /**
     * Outside a transaction the tenant is set for the session and cleared by the same round trip; a
     * statement that fails never reaches the clearing statement, so the runtime clears it: the pooled
     * connection keeps no tenant either way, and sees none of acme's rows.
     */
    @Test
    void aPooledConnectionKeepsNoTenantAfterAFailedStatementEither() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setDataSource(app);
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            InvoiceDao pooledInvoices = new InvoiceDao(new Database(pool));
            assertThrows(dev.tenantdao.runtime.DataAccessException.class, () -> TenantContext.runAs("acme", () ->
                    pooledInvoices.insert(Invoice.draft(-1, "no such customer", "EUR", BigDecimal.ONE, null))));
            try (Connection same = pool.getConnection(); Statement s = same.createStatement();
                    ResultSet rows = s.executeQuery(
                            "SELECT count(*), current_setting('tenantdao.tenant', true) FROM invoice")) {
                rows.next();
                assertEquals(0, rows.getLong(1), "the pooled connection carries no tenant after the failure");
                assertTrue(rows.getString(2) == null || rows.getString(2).isEmpty(), rows.getString(2));
            }
        }
    }

    /**
     * The path where the tenant setting is not in front of each statement: a JDBC batch (products
     * have an array column, so {@code insertAll} cannot be one set-based statement) sets it once.
     */
    @Test
    void aBatchUnderRowLevelSecuritySetsTheTenantOnce() {
        ProductDao products = new ProductDao(database);
        java.util.List<Product> batch = java.util.List.of(
                Product.of("RLS-1", "One", dev.tenantdao.samples.common.Money.of("1.00"), java.util.List.of("a"), java.util.Map.of()),
                Product.of("RLS-2", "Two", dev.tenantdao.samples.common.Money.of("2.00"), java.util.List.of("b", "c"), java.util.Map.of()));
        java.util.List<Product> stored = TenantContext.callAs("acme", () -> products.insertAll(batch));
        assertEquals(java.util.List.of("RLS-1", "RLS-2"), stored.stream().map(Product::sku).toList());
        assertEquals(java.util.List.of("b", "c"), stored.get(1).tags());
        assertEquals(stored, TenantContext.callAs("acme", () -> products.findAll(10, 0)).stream()
                .filter(p -> p.sku().startsWith("RLS-")).toList());
        assertEquals(0, TenantContext.callAs("globex", () -> products.findAll(10, 0)).stream()
                .filter(p -> p.sku().startsWith("RLS-")).count(), "globex sees none of acme's products");
    }
}
