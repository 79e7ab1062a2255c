package dev.tenantdao.samples.invoicing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantMismatchException;
import dev.tenantdao.samples.TestSchemas;
import dev.tenantdao.testkit.RecordingDataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every generated method on PostgreSQL, for a record, a class and an application-assigned UUID id. */
class DaoMethodsTest {

    private static RecordingDataSource dataSource;
    private static InvoiceDao invoices;
    private static CustomerDao customers;
    private static InvoiceLineDao lines;
    private static Database database;
    private String tenant;
    private long customerId;

    @BeforeAll
    static void schema() {
        dataSource = TestSchemas.invoicing("dao_methods");
        database = new Database(dataSource);
        invoices = new InvoiceDao(database);
        customers = new CustomerDao(database);
        lines = new InvoiceLineDao(database);
    }

    @BeforeEach
    void newTenant() {
        tenant = "tenant-" + UUID.randomUUID();
        customerId = asTenant(() -> Fixtures.customer(database));
    }

    private <T> T asTenant(TenantContext.TenantCallable<T, RuntimeException> work) {
        return TenantContext.callAs(tenant, work);
    }

    private Invoice draft(String number) {
        return Invoice.draft(customerId, number, "EUR", new BigDecimal("12.50"), LocalDate.of(2026, 1, 31));
    }

    @Test
    void insertReturnsTheRowWithItsGeneratedId() {
        Invoice inserted = asTenant(() -> invoices.insert(draft("N-1")));
        assertNotNull(inserted.id());
        assertEquals(new Invoice(inserted.id(), customerId, "N-1", InvoiceStatus.DRAFT, "EUR", new BigDecimal("12.50"),
                LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 2)), inserted);
        assertEquals(Optional.of(inserted), asTenant(() -> invoices.findById(inserted.id())));
    }

    @Test
    void insertOfAClassEntityFillsIdAndExposedTenant() {
        Customer customer = new Customer("Ada", "ada@example.com");
        customer.setVatId("DE123");
        customer.setCreatedAt(Instant.parse("2026-11-25T10:15:30.123456Z"));
        Customer inserted = asTenant(() -> customers.insert(customer));
        assertNotNull(inserted.getId());
        assertEquals(tenant, inserted.getTenantId());
        Customer found = asTenant(() -> customers.findById(inserted.getId())).orElseThrow();
        assertEquals("Ada", found.getName());
        assertEquals("ada@example.com", found.getEmail());
        assertEquals("DE123", found.getVatId());
        assertTrue(found.isActive());
        assertEquals(customer.getCreatedAt(), found.getCreatedAt());
        assertEquals(tenant, found.getTenantId());
    }

    @Test
    void applicationAssignedUuidIdRoundTrips() {
        long invoiceId = asTenant(() -> invoices.insert(draft("L-1"))).id();
        InvoiceLine line = InvoiceLine.of(invoiceId, 1, "Widget", 3, new BigDecimal("2.40"));
        assertEquals(line, asTenant(() -> lines.insert(line)));
        assertEquals(Optional.of(line), asTenant(() -> lines.findById(line.id())));
    }

    @Test
    void nullsRoundTrip() {
        Invoice inserted = asTenant(() -> invoices.insert(
                new Invoice(null, customerId, "N-null", InvoiceStatus.SENT, "EUR", BigDecimal.ZERO, null, null)));
        Invoice found = asTenant(() -> invoices.findById(inserted.id())).orElseThrow();
        assertEquals(null, found.issuedOn());
        assertEquals(null, found.dueOn());
        Customer customer = asTenant(() -> customers.insert(new Customer("No Mail", null)));
        assertEquals(2, asTenant(customers::count), "the fixture customer and this one");
        assertEquals(null, asTenant(() -> customers.findById(customer.getId())).orElseThrow().getEmail());
    }

    @Test
    void insertAllReturnsEveryRowInOrderWithIds() {
        List<Invoice> inserted = asTenant(() -> invoices.insertAll(List.of(draft("B-1"), draft("B-2"), draft("B-3"))));
        assertEquals(List.of("B-1", "B-2", "B-3"), inserted.stream().map(Invoice::number).toList());
        inserted.forEach(i -> assertNotNull(i.id()));
        assertEquals(3, asTenant(invoices::count));
        assertEquals(List.of(), asTenant(() -> invoices.insertAll(List.of())));
    }

    @Test
    void insertAllIsAllOrNothing() {
        long invoiceId = asTenant(() -> invoices.insert(draft("L-2"))).id();
        InvoiceLine first = InvoiceLine.of(invoiceId, 1, "a", 1, BigDecimal.ONE);
        InvoiceLine duplicate = new InvoiceLine(first.id(), invoiceId, 2, "b", 1, BigDecimal.ONE);
        DataAccessException failure = assertThrows(DataAccessException.class,
                () -> asTenant(() -> lines.insertAll(List.of(InvoiceLine.of(invoiceId, 0, "z", 1, BigDecimal.ONE), first,
                        duplicate))));
        assertEquals("23505", failure.sqlState());
        assertTrue(failure.getMessage().startsWith("InvoiceLine.insertAll failed"), failure.getMessage());
        assertEquals(0, asTenant(lines::count));
    }

    @Test
    void findByIdOfMissingRowIsEmpty() {
        assertEquals(Optional.empty(), asTenant(() -> invoices.findById(-1L)));
    }

    @Test
    void keysetPagingWalksAllRowsInIdOrder() {
        List<Invoice> inserted = asTenant(() -> invoices.insertAll(
                List.of(draft("P-1"), draft("P-2"), draft("P-3"), draft("P-4"), draft("P-5"))));
        List<Invoice> page1 = asTenant(() -> invoices.findAllAfter(null, 2));
        List<Invoice> page2 = asTenant(() -> invoices.findAllAfter(page1.get(1).id(), 2));
        List<Invoice> page3 = asTenant(() -> invoices.findAllAfter(page2.get(1).id(), 2));
        List<Invoice> page4 = asTenant(() -> invoices.findAllAfter(page3.get(0).id(), 2));
        assertEquals(inserted.subList(0, 2), page1);
        assertEquals(inserted.subList(2, 4), page2);
        assertEquals(inserted.subList(4, 5), page3);
        assertEquals(List.of(), page4);
    }

    @Test
    void offsetPaging() {
        List<Invoice> inserted = asTenant(() -> invoices.insertAll(List.of(draft("O-1"), draft("O-2"), draft("O-3"))));
        assertEquals(inserted.subList(0, 2), asTenant(() -> invoices.findAll(2, 0)));
        assertEquals(inserted.subList(2, 3), asTenant(() -> invoices.findAll(2, 2)));
        assertEquals(List.of(), asTenant(() -> invoices.findAll(0, 0)));
        assertThrows(IllegalArgumentException.class, () -> asTenant(() -> invoices.findAll(-1, 0)));
        assertThrows(IllegalArgumentException.class, () -> asTenant(() -> invoices.findAll(1, -1)));
    }

    @Test
    void countAndExists() {
        assertEquals(0, asTenant(invoices::count));
        Invoice inserted = asTenant(() -> invoices.insert(draft("C-1")));
        assertEquals(1, asTenant(invoices::count));
        assertTrue(asTenant(() -> invoices.existsById(inserted.id())));
        assertFalse(asTenant(() -> invoices.existsById(inserted.id() + 1000)));
    }

    @Test
    void updateWritesEveryColumnAndReturnsTheStoredRow() {
        Invoice inserted = asTenant(() -> invoices.insert(draft("U-1")));
        Invoice changed = new Invoice(inserted.id(), customerId, "U-1b", InvoiceStatus.PAID, "USD", new BigDecimal("99.99"),
                null, LocalDate.of(2027, 1, 1));
        assertEquals(changed, asTenant(() -> invoices.update(changed)));
        assertEquals(Optional.of(changed), asTenant(() -> invoices.findById(inserted.id())));
    }

    @Test
    void updateOfAClassEntity() {
        Customer inserted = asTenant(() -> customers.insert(new Customer("Old", "old@example.com")));
        inserted.setName("New");
        inserted.setActive(false);
        inserted.setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MICROS));
        Customer updated = asTenant(() -> customers.update(inserted));
        assertEquals("New", updated.getName());
        assertFalse(updated.isActive());
        assertEquals(inserted.getCreatedAt(), updated.getCreatedAt());
    }

    @Test
    void updateOfMissingRowThrowsRowNotFound() {
        Invoice ghost = new Invoice(-5L, 1, "X", InvoiceStatus.DRAFT, "EUR", BigDecimal.ONE, null, null);
        RowNotFoundException e = assertThrows(RowNotFoundException.class, () -> asTenant(() -> invoices.update(ghost)));
        assertEquals("No Invoice with id -5 in the current tenant", e.getMessage());
        assertEquals(-5L, e.id());
        assertThrows(NullPointerException.class, () -> asTenant(() -> invoices.update(draft("no id"))));
    }

    @Test
    void deleteAndDeleteById() {
        Invoice a = asTenant(() -> invoices.insert(draft("D-1")));
        Invoice b = asTenant(() -> invoices.insert(draft("D-2")));
        asTenant(() -> {
            invoices.delete(a);
            return null;
        });
        assertTrue(asTenant(() -> invoices.deleteById(b.id())));
        assertFalse(asTenant(() -> invoices.deleteById(b.id())), "second delete finds nothing");
        assertThrows(RowNotFoundException.class, () -> asTenant(() -> {
            invoices.delete(a);
            return null;
        }));
        assertEquals(0, asTenant(invoices::count));
    }

    @Test
    void entityCarryingAnotherTenantIsRejectedBeforeSql() {
        Customer foreign = asTenant(() -> customers.insert(new Customer("Mine", null)));
        dataSource.reset();
        assertEquals(tenant, foreign.getTenantId());
        TenantMismatchException e = assertThrows(TenantMismatchException.class,
                () -> TenantContext.callAs("someone-else", () -> customers.update(foreign)));
        assertTrue(e.getMessage().contains("belongs to tenant '" + tenant + "'"), e.getMessage());
        assertThrows(TenantMismatchException.class,
                () -> TenantContext.callAs("someone-else", () -> customers.insert(foreign)));
        assertThrows(TenantMismatchException.class,
                () -> TenantContext.callAs("someone-else", () -> customers.insertAll(List.of(foreign))));
        assertThrows(TenantMismatchException.class, () -> TenantContext.runAs("someone-else",
                () -> customers.delete(foreign)));
        assertEquals(0, dataSource.connectionCount(), "nothing was sent");
        assertEquals("Mine", asTenant(() -> customers.findById(foreign.getId())).orElseThrow().getName());
    }

    @Test
    void enumsAreStoredByName() throws Exception {
        Invoice inserted = asTenant(() -> invoices.insert(draft("T-1").withStatus(InvoiceStatus.CANCELLED)));
        assertEquals(InvoiceStatus.CANCELLED, asTenant(() -> invoices.findById(inserted.id())).orElseThrow().status());
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT status FROM invoice WHERE id = ?")) {
            statement.setLong(1, inserted.id());
            try (var rows = statement.executeQuery()) {
                assertTrue(rows.next());
                assertEquals("CANCELLED", rows.getString(1));
            }
        }
    }
}
