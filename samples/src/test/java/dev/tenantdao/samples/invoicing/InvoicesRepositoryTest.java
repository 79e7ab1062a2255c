package dev.tenantdao.samples.invoicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.TestSchemas;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.exceptions.NonUniqueResultException;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample {@link Invoices} repository on PostgreSQL, connected as an application role under
 * row-level security (the tenant predicate and the policy both apply): every query form, each
 * checked to see the current tenant's rows only, with another tenant's rows in the same table.
 */
class InvoicesRepositoryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static Database database;
    private static RecordingDataSource recorded;
    private static Invoices invoices;
    private static InvoiceDao dao;
    private String tenant;
    private long customer;
    private long otherCustomer;

    @BeforeAll
    static void schema() {
        TestSchemas.invoicing("repositories");
        DataSource app = Postgres.shared().applicationRole("tenantdao_repositories", "repositories");
        recorded = new RecordingDataSource(app);
        database = new Database(recorded);
        invoices = new InvoicesImpl(database);
        dao = new InvoiceDao(database);
    }

    @BeforeEach
    void twoTenants() {
        tenant = "t-" + UUID.randomUUID();
        // another tenant's rows, the same numbers and statuses: a query that leaked would find them
        String other = "o-" + UUID.randomUUID();
        TenantContext.runAs(other, () -> {
            long otherOnes = Fixtures.customer(database);
            for (Invoice invoice : rows(otherOnes)) {
                dao.insert(invoice);
            }
        });
        customer = as(() -> Fixtures.customer(database));
        otherCustomer = as(() -> Fixtures.customer(database));
        as(() -> dao.insertAll(rows(customer)));
        as(() -> dao.insert(new Invoice(null, otherCustomer, "B-1", InvoiceStatus.SENT, "EUR", new BigDecimal("7.00"),
                TODAY.minusDays(90), TODAY.minusDays(60))));
        recorded.reset();
    }

    /** A-1 draft, A-2 sent and overdue, A-3 sent not yet due, A-4 paid, A-5 sent overdue with no issue date. */
    private static List<Invoice> rows(long customer) {
        return List.of(
                new Invoice(null, customer, "A-1", InvoiceStatus.DRAFT, "EUR", new BigDecimal("10.00"), null, null),
                new Invoice(null, customer, "A-2", InvoiceStatus.SENT, "EUR", new BigDecimal("20.00"),
                        TODAY.minusDays(40), TODAY.minusDays(10)),
                new Invoice(null, customer, "A-3", InvoiceStatus.SENT, "EUR", new BigDecimal("30.00"),
                        TODAY.minusDays(5), TODAY.plusDays(25)),
                new Invoice(null, customer, "A-4", InvoiceStatus.PAID, "EUR", new BigDecimal("40.00"),
                        TODAY.minusDays(50), TODAY.minusDays(20)),
                new Invoice(null, customer, "A-5", InvoiceStatus.SENT, "USD", new BigDecimal("50.00"), null,
                        TODAY.minusDays(30)));
    }

    private <T> T as(TenantContext.TenantCallable<T, RuntimeException> work) {
        return TenantContext.callAs(tenant, work);
    }

    private static List<String> numbers(List<Invoice> found) {
        return found.stream().map(Invoice::number).toList();
    }

    @Test
    void findByParametersOrdersByTheAnnotation() {
        assertEquals(List.of("A-5", "A-2", "A-3"), numbers(as(() -> invoices.openInvoices(customer, InvoiceStatus.SENT))));
        assertEquals(List.of("A-5", "A-2", "A-3"), numbers(as(() ->
                invoices.findByCustomerIdAndStatusOrderByDueOnAsc(customer, InvoiceStatus.SENT))));
    }

    @Test
    void pagesByOffsetWithAndWithoutTheTotal() {
        Page<Invoice> first = as(() -> invoices.overdue(InvoiceStatus.SENT, TODAY, PageRequest.ofSize(2)));
        // B-1 (due 60 days ago) of the other customer, A-5 (30), A-2 (10); never the other tenant's
        assertEquals(List.of("B-1", "A-5"), numbers(first.content()));
        assertEquals(3, first.totalElements());
        assertEquals(2, first.totalPages());
        assertTrue(first.hasNext());
        Page<Invoice> second = as(() -> invoices.overdue(InvoiceStatus.SENT, TODAY, first.nextPageRequest()));
        assertEquals(List.of("A-2"), numbers(second.content()));
        assertFalse(second.hasNext());

        Page<Invoice> untotalled = as(() -> invoices.overdue(InvoiceStatus.SENT, TODAY,
                PageRequest.ofSize(2).withoutTotal()));
        assertEquals(List.of("B-1", "A-5"), numbers(untotalled.content()));
        assertTrue(untotalled.hasNext());
        assertFalse(untotalled.hasTotals());
    }

    @Test
    void pagesByCursorForwardAndBack() {
        // overdue and SENT, B-1 (by number); the other tenant's never appear
        CursoredPage<Invoice> first = as(() -> invoices.overdueByCursor(InvoiceStatus.SENT, TODAY,
                PageRequest.ofSize(2)));
        assertEquals(List.of("A-2", "A-5"), numbers(first.content()));
        assertTrue(first.hasNext());
        assertFalse(first.hasPrevious());
        assertEquals(3, first.totalElements());
        CursoredPage<Invoice> second = as(() -> invoices.overdueByCursor(InvoiceStatus.SENT, TODAY,
                first.nextPageRequest()));
        assertEquals(List.of("B-1"), numbers(second.content()));
        assertFalse(second.hasNext());
        assertTrue(second.hasPrevious());
        // a row inserted before the cursor does not shift the next page (it would with offsets)
        as(() -> dao.insert(new Invoice(null, customer, "A-0", InvoiceStatus.SENT, "EUR", BigDecimal.ONE,
                TODAY.minusDays(9), TODAY.minusDays(1))));
        CursoredPage<Invoice> back = as(() -> invoices.overdueByCursor(InvoiceStatus.SENT, TODAY,
                second.previousPageRequest()));
        assertEquals(List.of("A-2", "A-5"), numbers(back.content()));
        assertTrue(back.hasPrevious(), "A-0 is before it now");
        assertTrue(back.hasNext());
        assertEquals(List.of("B-1"), numbers(as(() -> invoices.overdueByCursor(InvoiceStatus.SENT, TODAY,
                back.nextPageRequest())).content()));
        // a cursor of another shape is refused before any SQL
        recorded.reset();
        assertThrows(IllegalArgumentException.class, () -> as(() -> invoices.overdueByCursor(InvoiceStatus.SENT, TODAY,
                PageRequest.afterCursor(PageRequest.Cursor.forKey("A-2"), 2, 2, false))));
        assertEquals(List.of(), recorded.statements());
    }

    @Test
    void countsAndExistenceSeeTheTenantOnly() {
        assertEquals(4, as(() -> invoices.countByStatus(InvoiceStatus.SENT)));
        assertTrue(as(() -> invoices.existsByNumber("A-4")));
        assertFalse(as(() -> invoices.existsByNumber("Z-9")));
    }

    @Test
    void singleResultsAndTheirExceptions() {
        assertEquals("A-3", as(() -> invoices.findByNumber("A-3")).orElseThrow().number());
        assertEquals(Optional.empty(), as(() -> invoices.findByNumber("Z-9")));
        as(() -> dao.insert(new Invoice(null, customer, "A-3", InvoiceStatus.DRAFT, "EUR", BigDecimal.ONE, null, null)));
        assertThrows(NonUniqueResultException.class, () -> as(() -> invoices.findByNumber("A-3")));
    }

    @Test
    void keywordsOfMethodNames() {
        assertEquals(List.of("A-1", "A-4"), numbers(as(() ->
                invoices.findByStatusInOrderByNumber(List.of(InvoiceStatus.DRAFT, InvoiceStatus.PAID)))));
        assertEquals(List.of(), numbers(as(() -> invoices.findByStatusInOrderByNumber(List.of()))));
        assertEquals(List.of("A-1", "A-2", "A-3", "A-4", "A-5"), numbers(as(() ->
                invoices.findByNumberStartsWithOrderByNumber("A-"))));
        // the value is matched literally: '%' and '_' are not wildcards
        assertEquals(List.of(), numbers(as(() -> invoices.findByNumberStartsWithOrderByNumber("%"))));
        assertEquals(List.of("A-5", "A-4"), numbers(as(() -> invoices.findFirst2ByCustomerIdOrderByTotalDesc(customer))));
        assertEquals(List.of("A-2", "A-3"), numbers(as(() -> invoices.findByTotalBetweenOrderByNumber(
                new BigDecimal("15"), new BigDecimal("35")))));
        assertEquals(List.of("A-1"), numbers(as(() -> invoices.findByDueOnNullOrderByNumber())));
    }

    @Test
    void projectionsReadOnlyTheirColumns() {
        assertEquals(List.of(new Invoices.NumberAndTotal("A-2", new BigDecimal("20.00")),
                        new Invoices.NumberAndTotal("A-3", new BigDecimal("30.00")),
                        new Invoices.NumberAndTotal("A-5", new BigDecimal("50.00")),
                        new Invoices.NumberAndTotal("B-1", new BigDecimal("7.00"))),
                as(() -> invoices.totals(InvoiceStatus.SENT)));
        assertTrue(recorded.statements().get(recorded.statements().size() - 1).contains("SELECT number, total, id"),
                recorded.statements().toString());
        assertEquals(5, as(() -> invoices.totalsOf(customer)).size());
        assertEquals(List.of("A-1", "A-2", "A-3", "A-4", "A-5"), as(() -> invoices.numbersOf(customer)));
    }

    @Test
    void aBulkUpdateIsOneAuditedStatement() {
        long before = as(() -> invoices.findByNumber("A-2")).orElseThrow().id();
        recorded.reset();
        assertEquals(3, as(() -> invoices.markPaid(InvoiceStatus.SENT, TODAY)));
        assertEquals(1, recorded.statements().size(), recorded.statements().toString());
        assertEquals(List.of("A-2", "A-4", "A-5", "B-1"), numbers(as(() ->
                invoices.findByStatusInOrderByNumber(List.of(InvoiceStatus.PAID)))));
        // one history row per changed row, with the next version; none for rows it did not change
        List<HistoryEntry<Invoice>> history = as(() -> dao.history(before));
        assertEquals(List.of("UPDATE", "INSERT"), history.stream().map(e -> e.operation().toString()).toList());
        assertEquals(InvoiceStatus.PAID, history.get(0).entity().status());
        assertEquals(2, history.get(0).version());
        // PAID again: the statement matches no SENT rows, records nothing
        assertEquals(0, as(() -> invoices.markPaid(InvoiceStatus.SENT, TODAY)));
        assertEquals(2, as(() -> dao.history(before)).size());
    }

    @Test
    void aPartialUpdateByIdIsOneRoundTrip() {
        long id = as(() -> invoices.findByNumber("A-1")).orElseThrow().id();
        recorded.reset();
        assertTrue(as(() -> invoices.changeTotal(id, new BigDecimal("11.00"))));
        assertEquals(1, recorded.statements().size());
        assertEquals(new BigDecimal("11.00"), as(() -> dao.findById(id)).orElseThrow().total());
        assertFalse(as(() -> invoices.changeTotal(-1, BigDecimal.ONE)));
        // another tenant's invoice cannot be changed by its id
        assertFalse(TenantContext.callAs("stranger", () -> invoices.changeTotal(id, BigDecimal.ZERO)));
        assertEquals(new BigDecimal("11.00"), as(() -> dao.findById(id)).orElseThrow().total());
    }

    @Test
    void aBulkDeleteRecordsEachRow() {
        long paid = as(() -> invoices.findByNumber("A-4")).orElseThrow().id();
        assertEquals(1, as(() -> invoices.deleteByStatus(InvoiceStatus.PAID)));
        assertEquals(Optional.empty(), as(() -> dao.findById(paid)));
        assertEquals(List.of("DELETE", "INSERT"), as(() -> dao.history(paid)).stream()
                .map(e -> e.operation().toString()).toList());
        assertEquals(5, as(() -> invoices.countByStatus(InvoiceStatus.SENT)
                + invoices.countByStatus(InvoiceStatus.DRAFT)));
    }

    @Test
    void aStreamReadsThroughACursorUntilClosed() {
        try (Stream<Invoice> sent = as(() -> invoices.streamByStatus(InvoiceStatus.SENT))) {
            assertEquals(List.of("A-2", "A-3", "A-5", "B-1"), sent.map(Invoice::number).sorted().toList());
        }
        // the inherited findAll() streams too
        try (Stream<Invoice> all = as(() -> invoices.findAll())) {
            assertEquals(6, all.count());
        }
    }

    @Test
    void limitsAndOrdersGivenAtRunTime() {
        assertEquals(List.of("A-5", "A-4"), numbers(as(() -> invoices.byCustomer(customer, Limit.of(2),
                Order.by(Sort.desc("total"))))));
        assertEquals(List.of("A-2", "A-3"), numbers(as(() -> invoices.byCustomer(customer, Limit.range(2, 3),
                Order.by(Sort.asc("number"))))));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> as(() ->
                invoices.byCustomer(customer, Limit.of(2), Order.by(Sort.asc("tenantId; DROP TABLE invoice")))));
        assertTrue(unknown.getMessage().contains("Invoice has no such attribute"), unknown.getMessage());
        Page<Invoice> page = as(() -> invoices.findAll(PageRequest.ofPage(2, 2, true), Order.by(Sort.asc("number"))));
        assertEquals(List.of("A-3", "A-4"), numbers(page.content()));
        assertEquals(6, page.totalElements());
    }

    @Test
    void inheritedCrudMethodsGoThroughTheDao() {
        Invoice inserted = as(() -> invoices.insert(Invoice.draft(customer, "C-1", "EUR", BigDecimal.ONE, TODAY)));
        assertEquals(Optional.of(inserted), as(() -> invoices.findById(inserted.id())));
        Invoice updated = as(() -> invoices.update(inserted.withTotal(BigDecimal.TEN)));
        assertEquals(0, BigDecimal.TEN.compareTo(updated.total()));
        Invoice saved = as(() -> invoices.save(updated.withStatus(InvoiceStatus.SENT)));
        assertEquals(InvoiceStatus.SENT, saved.status());
        List<Invoice> many = as(() -> invoices.insertAll(List.of(Invoice.draft(customer, "C-2", "EUR", BigDecimal.ONE,
                TODAY), Invoice.draft(customer, "C-3", "EUR", BigDecimal.ONE, TODAY))));
        assertEquals(List.of("C-2", "C-3"), numbers(many));
        as(() -> {
            invoices.deleteAll(many);
            invoices.delete(saved);
            return null;
        });
        assertEquals(Optional.empty(), as(() -> invoices.findById(inserted.id())));
        assertThrows(OptimisticLockingFailureException.class, () -> as(() -> {
            invoices.delete(saved);
            return null;
        }));
        assertThrows(OptimisticLockingFailureException.class, () -> as(() -> invoices.update(saved)));
        // another tenant's id is not found
        long a1 = as(() -> invoices.findByNumber("A-1")).orElseThrow().id();
        assertEquals(Optional.empty(), TenantContext.callAs("stranger", () -> invoices.findById(a1)));
        TenantContext.runAs("stranger", () -> invoices.deleteById(a1));
        assertTrue(as(() -> invoices.findById(a1)).isPresent());
    }

    @Test
    void everyMethodThrowsBeforeAnySqlWithoutATenant() {
        recorded.reset();
        int connections = recorded.connectionCount();
        List<Runnable> calls = List.of(
                () -> invoices.openInvoices(customer, InvoiceStatus.SENT),
                () -> invoices.findByCustomerIdAndStatusOrderByDueOnAsc(customer, InvoiceStatus.SENT),
                () -> invoices.overdue(InvoiceStatus.SENT, TODAY, PageRequest.ofSize(2)),
                () -> invoices.overdueByCursor(InvoiceStatus.SENT, TODAY, PageRequest.ofSize(2)),
                () -> invoices.countByStatus(InvoiceStatus.SENT),
                () -> invoices.existsByNumber("A-1"),
                () -> invoices.findByNumber("A-1"),
                () -> invoices.invoice("A-1"),
                () -> invoices.findByStatusInOrderByNumber(List.of(InvoiceStatus.SENT)),
                () -> invoices.findByNumberStartsWithOrderByNumber("A"),
                () -> invoices.findFirst2ByCustomerIdOrderByTotalDesc(customer),
                () -> invoices.findByTotalBetweenOrderByNumber(BigDecimal.ONE, BigDecimal.TEN),
                () -> invoices.findByDueOnNullOrderByNumber(),
                () -> invoices.totals(InvoiceStatus.SENT),
                () -> invoices.totalsOf(customer),
                () -> invoices.numbersOf(customer),
                () -> invoices.markPaid(InvoiceStatus.SENT, TODAY),
                () -> invoices.changeTotal(1, BigDecimal.ONE),
                () -> invoices.deleteByStatus(InvoiceStatus.PAID),
                () -> invoices.streamByStatus(InvoiceStatus.SENT),
                () -> invoices.byCustomer(customer, Limit.of(1), Order.by()),
                () -> invoices.findAll(),
                () -> invoices.findAll(PageRequest.ofSize(1), Order.by()),
                () -> invoices.findById(1L),
                () -> invoices.deleteById(1L),
                () -> invoices.insert(Invoice.draft(customer, "X", "EUR", BigDecimal.ONE, null)),
                () -> invoices.insertAll(List.of(Invoice.draft(customer, "X", "EUR", BigDecimal.ONE, null))),
                () -> invoices.update(new Invoice(1L, customer, "X", InvoiceStatus.DRAFT, "EUR", BigDecimal.ONE, null,
                        null)),
                () -> invoices.save(Invoice.draft(customer, "X", "EUR", BigDecimal.ONE, null)),
                () -> invoices.totalsByCustomer(InvoiceStatus.SENT),
                () -> invoices.extendDueDates(1),
                () -> invoices.countInAllTenants());
        // every abstract method of Invoices and its supertypes is called above
        long declared = java.util.Arrays.stream(Invoices.class.getMethods())
                .filter(m -> java.lang.reflect.Modifier.isAbstract(m.getModifiers())).count();
        assertEquals(declared - 4, calls.size(), "updateAll, saveAll, deleteAll and delete take entities the"
                + " DAO checks");
        for (Runnable call : calls) {
            assertThrows(NoTenantException.class, call::run);
        }
        assertEquals(connections, recorded.connectionCount());
        assertEquals(List.of(), recorded.statements());
    }

    @Test
    void nativeSqlProvenAtCompileTimeRunsForTheTenant() {
        List<Invoices.CustomerTotal> totals = as(() -> invoices.totalsByCustomer(InvoiceStatus.SENT));
        // both customers are named alike; the other tenant's three sent invoices (100.00, under a customer of the
        // same name) are not counted
        assertEquals(List.of(new Invoices.CustomerTotal("Fixture customer", 4, new BigDecimal("107.00"))), totals);
        LocalDate before = as(() -> invoices.findByNumber("A-2")).orElseThrow().dueOn();
        assertEquals(4, as(() -> invoices.extendDueDates(7)));
        assertEquals(before.plusDays(7), as(() -> invoices.findByNumber("A-2")).orElseThrow().dueOn());
        // cross-tenant SQL is not proven, but row-level security still holds it to the tenant set
        assertEquals(6, as(() -> invoices.countInAllTenants()));
    }

    @Test
    void aSingleEntityResultIsExactlyOneRow() {
        assertEquals("A-2", as(() -> invoices.invoice("A-2")).number());
        assertThrows(EmptyResultException.class, () -> as(() -> invoices.invoice("Z-9")));
    }
}
