package dev.tenantdao.samples.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.invoicing.Customer;
import dev.tenantdao.samples.invoicing.CustomerDao;
import dev.tenantdao.samples.invoicing.Invoice;
import dev.tenantdao.samples.invoicing.InvoiceDao;
import dev.tenantdao.samples.invoicing.InvoiceSending;
import dev.tenantdao.samples.invoicing.InvoiceStatus;
import dev.tenantdao.samples.reference.Currency;
import dev.tenantdao.samples.reference.CurrencyDao;
import dev.tenantdao.testkit.junit.TenantdaoTest;
import dev.tenantdao.testkit.junit.TestSchema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link InvoiceSending} over the real {@code InvoiceDao} on PostgreSQL, with {@code @TenantdaoTest}:
 * a fresh schema with the entities' generated DDL (row-level security included), a {@code Database}
 * connecting as a role that is no superuser; what a fake cannot show: another tenant's invoice is not
 * found, and without a tenant nothing is sent.
 */
@TenantdaoTest(entities = {Currency.class, Customer.class, Invoice.class})
class InvoiceSendingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @BeforeAll
    static void euro(TestSchema schema) {
        // shared reference data, written as the schema's owner
        new CurrencyDao(new Database(schema.owner())).insert(new Currency("EUR", "Euro", (short) 2));
    }

    private static long draft(InvoiceDao invoices, CustomerDao customers, String number) {
        long customer = customers.insert(new Customer("Ada", null)).getId();
        return invoices.insert(Invoice.draft(customer, number, "EUR", new BigDecimal("12.50"), null)).id();
    }

    @Test
    void sendsADraftOfTheCurrentTenant(Database database) {
        InvoiceDao invoices = new InvoiceDao(database);
        InvoiceSending sending = new InvoiceSending(invoices);
        TenantContext.runAs("acme", () -> {
            long id = draft(invoices, new CustomerDao(database), "A-1");
            assertEquals(InvoiceStatus.SENT, sending.send(id, TODAY).status());
            assertEquals(InvoiceStatus.SENT, invoices.findById(id).orElseThrow().status());
        });
    }

    @Test
    void anotherTenantsInvoiceIsNotFoundAndStaysADraft(Database database) {
        InvoiceDao invoices = new InvoiceDao(database);
        InvoiceSending sending = new InvoiceSending(invoices);
        long globex = TenantContext.callAs("globex", () -> draft(invoices, new CustomerDao(database), "G-1"));
        TenantContext.runAs("initech", () ->
                assertThrows(NoSuchElementException.class, () -> sending.send(globex, TODAY)));
        TenantContext.runAs("globex", () ->
                assertEquals(InvoiceStatus.DRAFT, invoices.findById(globex).orElseThrow().status()));
    }

    @Test
    void withoutATenantNothingIsSent(Database database, TestSchema schema) throws SQLException {
        InvoiceSending sending = new InvoiceSending(new InvoiceDao(database));
        assertThrows(NoTenantException.class, () -> sending.send(1, TODAY));
        // row-level security holds for the test's role: raw SQL without a tenant sees no invoice
        try (Connection connection = schema.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM invoice")) {
            rows.next();
            assertEquals(0, rows.getInt(1));
        }
    }
}
