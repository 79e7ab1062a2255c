package dev.tenantdao.samples.invoicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.TestSchemas;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant B, through every generated method, never reads, counts, pages, updates or deletes a row of
 * tenant A, and the failure signals never reveal that A's ids exist.
 */
class TenantIsolationTest {

    private static InvoiceDao invoices;
    private static CustomerDao customers;
    private static List<Invoice> acmeInvoices;
    private static Customer acmeCustomer;

    @BeforeAll
    static void twoTenants() {
        Database database = new Database(TestSchemas.invoicing("tenant_isolation"));
        invoices = new InvoiceDao(database);
        customers = new CustomerDao(database);
        acmeCustomer = TenantContext.callAs("acme", () -> customers.insert(new Customer("Acme's customer", null)));
        long acme = acmeCustomer.getId();
        acmeInvoices = TenantContext.callAs("acme", () -> invoices.insertAll(List.of(
                invoice(acme, "A-1"), invoice(acme, "A-2"), invoice(acme, "A-3"))));
        TenantContext.runAs("globex", () -> {
            Customer globex = customers.insert(new Customer("Globex's customer", null));
            invoices.insert(invoice(globex.getId(), "G-1"));
        });
    }

    private static Invoice invoice(long customerId, String number) {
        return Invoice.draft(customerId, number, "EUR", BigDecimal.TEN, LocalDate.of(2026, 5, 1));
    }

    private static <T> T asGlobex(TenantContext.TenantCallable<T, RuntimeException> work) {
        return TenantContext.callAs("globex", work);
    }

    @Test
    void findByIdDoesNotSeeOtherTenantsRows() {
        for (Invoice a : acmeInvoices) {
            assertEquals(Optional.empty(), asGlobex(() -> invoices.findById(a.id())));
        }
        assertEquals(Optional.empty(), asGlobex(() -> customers.findById(acmeCustomer.getId())));
    }

    @Test
    void existsDoesNotSeeOtherTenantsRows() {
        assertFalse(asGlobex(() -> invoices.existsById(acmeInvoices.get(0).id())));
    }

    @Test
    void countAndPagesContainOnlyOwnRows() {
        assertEquals(1, asGlobex(invoices::count));
        assertEquals(List.of("G-1"), asGlobex(() -> invoices.findAll(100, 0)).stream().map(Invoice::number).toList());
        assertEquals(List.of("G-1"),
                asGlobex(() -> invoices.findAllAfter(null, 100)).stream().map(Invoice::number).toList());
        assertEquals(List.of(), asGlobex(() -> invoices.findAllAfter(Long.MAX_VALUE - 1, 100)));
        assertEquals(List.of("A-1", "A-2", "A-3"),
                TenantContext.callAs("acme", () -> invoices.findAll(100, 0)).stream().map(Invoice::number).toList());
        assertEquals(List.of("Globex's customer"),
                asGlobex(() -> customers.findAll(100, 0)).stream().map(Customer::getName).toList());
    }

    @Test
    void updateOfOtherTenantsRowReportsNotFoundAndChangesNothing() {
        Invoice target = acmeInvoices.get(0);
        RowNotFoundException e = assertThrows(RowNotFoundException.class,
                () -> asGlobex(() -> invoices.update(target.withStatus(InvoiceStatus.CANCELLED))));
        RowNotFoundException missing = assertThrows(RowNotFoundException.class,
                () -> asGlobex(() -> invoices.update(new Invoice(-1L, 1, "x", InvoiceStatus.DRAFT, "EUR",
                        BigDecimal.ONE, null, null))));
        assertEquals(e.getMessage().replace(String.valueOf(target.id()), "ID"),
                missing.getMessage().replace("-1", "ID"), "same signal as for an id that exists nowhere");
        assertEquals(InvoiceStatus.DRAFT,
                TenantContext.callAs("acme", () -> invoices.findById(target.id())).orElseThrow().status());
    }

    @Test
    void deleteOfOtherTenantsRowReportsNotFoundAndDeletesNothing() {
        Invoice target = acmeInvoices.get(1);
        assertFalse(asGlobex(() -> invoices.deleteById(target.id())));
        assertThrows(RowNotFoundException.class, () -> TenantContext.runAs("globex", () -> invoices.delete(target)));
        assertThrows(RowNotFoundException.class,
                () -> TenantContext.runAs("globex", () -> customers.delete(withoutTenant(acmeCustomer))));
        assertEquals(3, TenantContext.callAs("acme", invoices::count));
        assertEquals(1, TenantContext.callAs("acme", customers::count));
        assertEquals("Acme's customer",
                TenantContext.callAs("acme", () -> customers.findById(acmeCustomer.getId())).orElseThrow().getName());
    }

    @Test
    void sameIdInTwoTenantsAreTwoRows() {
        Database database = new Database(TestSchemas.invoicing("tenant_isolation_ids"));
        InvoiceLineDao lines = new InvoiceLineDao(database);
        java.util.UUID id = java.util.UUID.randomUUID();
        TenantContext.runAs("acme", () -> lines.insert(
                new InvoiceLine(id, Fixtures.invoice(database), 1, "acme's", 1, BigDecimal.ONE)));
        TenantContext.runAs("globex", () -> lines.insert(
                new InvoiceLine(id, Fixtures.invoice(database), 1, "globex's", 1, BigDecimal.ONE)));
        assertEquals("acme's", TenantContext.callAs("acme", () -> lines.findById(id)).orElseThrow().description());
        assertEquals("globex's", TenantContext.callAs("globex", () -> lines.findById(id)).orElseThrow().description());
        TenantContext.runAs("globex", () -> lines.deleteById(id));
        assertEquals("acme's", TenantContext.callAs("acme", () -> lines.findById(id)).orElseThrow().description());
    }

    private static Customer withoutTenant(Customer customer) {
        Customer copy = new Customer(customer.getName(), customer.getEmail());
        copy.setId(customer.getId());
        return copy;
    }
}
