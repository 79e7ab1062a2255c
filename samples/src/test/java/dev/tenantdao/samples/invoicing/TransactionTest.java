package dev.tenantdao.samples.invoicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantMismatchException;
import dev.tenantdao.samples.TestSchemas;
import dev.tenantdao.testkit.RecordingDataSource;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DAO calls sharing one transaction: one connection, commit together, roll back together. */
class TransactionTest {

    private static RecordingDataSource dataSource;
    private static Database database;
    private static InvoiceDao invoices;
    private static InvoiceLineDao lines;

    @BeforeAll
    static void schema() {
        dataSource = TestSchemas.invoicing("transactions");
        database = new Database(dataSource);
        invoices = new InvoiceDao(database);
        lines = new InvoiceLineDao(database);
    }

    private static String newTenant() {
        return "t-" + UUID.randomUUID();
    }

    @Test
    void callsInATransactionShareOneConnectionAndCommitTogether() {
        String tenant = newTenant();
        long customer = TenantContext.callAs(tenant, () -> Fixtures.customer(database));
        dataSource.reset();
        TenantContext.runAs(tenant, () -> database.useTransaction(tx -> {
            Invoice invoice = invoices.insert(Invoice.draft(customer, "TX-1", "EUR", BigDecimal.TEN, null));
            lines.insert(InvoiceLine.of(invoice.id(), 1, "one", 1, BigDecimal.TEN));
            invoices.update(invoice.withStatus(InvoiceStatus.SENT));
        }));
        assertEquals(1, dataSource.connectionCount());
        assertEquals(1, TenantContext.callAs(tenant, invoices::count));
        assertEquals(1, TenantContext.callAs(tenant, lines::count));
    }

    @Test
    void aFailureRollsBackEveryStatementOfTheTransaction() {
        String tenant = newTenant();
        IllegalStateException failure = new IllegalStateException("payment provider down");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> TenantContext.runAs(tenant, () -> database.useTransaction(tx -> {
                    Invoice invoice = invoices.insert(Invoice.draft(Fixtures.customer(database), "TX-2", "EUR", BigDecimal.TEN, null));
                    lines.insertAll(List.of(InvoiceLine.of(invoice.id(), 1, "a", 1, BigDecimal.ONE),
                            InvoiceLine.of(invoice.id(), 2, "b", 1, BigDecimal.ONE)));
                    invoices.update(invoice.withStatus(InvoiceStatus.SENT));
                    throw failure;
                })));
        assertSame(failure, thrown, "the exception reaches the caller unchanged");
        assertEquals(0, TenantContext.callAs(tenant, invoices::count));
        assertEquals(0, TenantContext.callAs(tenant, lines::count));
    }

    @Test
    void aDaoFailureRollsBackEarlierStatements() {
        String tenant = newTenant();
        assertThrows(RowNotFoundException.class, () -> TenantContext.runAs(tenant, () -> database.useTransaction(tx -> {
            invoices.insert(Invoice.draft(Fixtures.customer(database), "TX-3", "EUR", BigDecimal.TEN, null));
            invoices.deleteById(-1L);
            invoices.update(new Invoice(-1L, 1L, "ghost", InvoiceStatus.DRAFT, "EUR", BigDecimal.ONE, null, null));
        })));
        assertEquals(0, TenantContext.callAs(tenant, invoices::count));
    }

    @Test
    void rollbackOnlyDiscardsWork() {
        String tenant = newTenant();
        TenantContext.runAs(tenant, () -> database.useTransaction(tx -> {
            invoices.insert(Invoice.draft(Fixtures.customer(database), "TX-4", "EUR", BigDecimal.TEN, null));
            tx.setRollbackOnly();
        }));
        assertEquals(0, TenantContext.callAs(tenant, invoices::count));
    }

    @Test
    void changingTheTenantInsideATransactionIsRejectedAndRollsBack() {
        String tenant = newTenant();
        String other = newTenant();
        TenantMismatchException e = assertThrows(TenantMismatchException.class,
                () -> TenantContext.runAs(tenant, () -> database.useTransaction(tx -> {
                    invoices.insert(Invoice.draft(Fixtures.customer(database), "TX-5", "EUR", BigDecimal.TEN, null));
                    TenantContext.runAs(other, invoices::count);
                })));
        assertEquals("The current tenant changed inside a transaction bound to tenant '" + tenant + "' (now '" + other
                + "'); a transaction belongs to one tenant", e.getMessage());
        assertEquals(0, TenantContext.callAs(tenant, invoices::count));
        assertEquals(0, TenantContext.callAs(other, invoices::count));
    }

    @Test
    void nestedTransactionsJoinTheOuterOne() {
        String tenant = newTenant();
        long customer = TenantContext.callAs(tenant, () -> Fixtures.customer(database));
        dataSource.reset();
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs(tenant, () -> database.useTransaction(outer -> {
            database.useTransaction(inner -> invoices.insert(Invoice.draft(customer, "TX-6", "EUR", BigDecimal.TEN, null)));
            throw new IllegalStateException("outer fails after inner returned");
        })));
        assertEquals(1, dataSource.connectionCount());
        assertEquals(0, TenantContext.callAs(tenant, invoices::count));
    }

    @Test
    void resultsAreReturned() {
        String tenant = newTenant();
        Invoice invoice = TenantContext.callAs(tenant, () -> database.inTransaction(
                tx -> invoices.insert(Invoice.draft(Fixtures.customer(database), "TX-7", "EUR", BigDecimal.TEN, null))));
        assertEquals("TX-7", TenantContext.callAs(tenant, () -> invoices.findById(invoice.id())).orElseThrow().number());
    }
}
