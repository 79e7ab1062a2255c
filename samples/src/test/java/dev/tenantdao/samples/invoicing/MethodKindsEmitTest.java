package dev.tenantdao.samples.invoicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.StatementEvent;
import dev.tenantdao.runtime.StatementEvent.Outcome;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.TestSchemas;
import dev.tenantdao.samples.common.Money;
import dev.tenantdao.samples.payouts.BankPayout;
import dev.tenantdao.samples.payouts.CardPayout;
import dev.tenantdao.samples.payouts.Payout;
import dev.tenantdao.samples.payouts.PayoutDao;
import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.page.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of generated method tells the listeners of each statement it sends, on PostgreSQL:
 * operation, rows and outcome per kind (DAO: insert, insertAll as a batch, upsert, findById, findAll,
 * findAllAfter, count, existsById, update, delete, deleteById, history, asOf, changesBetween; a
 * hierarchy's DAO; repository: find to a list, Optional and single result, count, exists, a page and
 * its count, a cursored page, Limit and Order, a projection, a stream, a bulk update and delete, native
 * {@code @Sql} queries and updates).
 */
class MethodKindsEmitTest {

    private static final List<StatementEvent> events = new CopyOnWriteArrayList<>();
    private static Database database;
    private static InvoiceDao dao;
    private static Invoices invoices;
    private static PayoutDao payouts;
    private static ProductDao products;

    /** What a test can know of an event: its operation, rows and outcome. */
    record Seen(String operation, long rows, Outcome outcome) {}

    private static Seen ok(String operation, long rows) {
        return new Seen(operation, rows, Outcome.SUCCESS);
    }

    @BeforeAll
    static void schema() {
        DataSource dataSource = TestSchemas.invoicing("method_kinds", Payout.class);
        database = Database.builder(dataSource).statementListener(events::add).build();
        dao = new InvoiceDao(database);
        invoices = new InvoicesImpl(database);
        payouts = new PayoutDao(database);
        products = new ProductDao(database);
    }

    @BeforeEach
    void clear() {
        events.clear();
    }

    private static List<Seen> seen() {
        return events.stream().map(e -> new Seen(e.operation(), e.rows(), e.outcome())).toList();
    }

    private static List<Invoice> drafts(long customer, String... numbers) {
        return Stream.of(numbers).map(n -> Invoice.draft(customer, n, "EUR", BigDecimal.TEN, LocalDate.of(2026, 1, 1)))
                .toList();
    }

    @Test
    void daoMethods() {
        TenantContext.runAs("kinds-dao", () -> AuditContext.runAs("tester", () -> {
            long customer = new CustomerDao(database).insert(new Customer("C", null)).getId();
            events.clear();
            Invoice one = dao.insert(drafts(customer, "D-1").get(0));
            dao.insertAll(drafts(customer, "D-2", "D-3"));
            dao.findById(one.id());
            dao.findAll(10, 0);
            dao.findAllAfter(one.id(), 10);
            dao.count();
            dao.existsById(one.id());
            Invoice sent = dao.update(one.withStatus(InvoiceStatus.SENT));
            dao.history(one.id());
            dao.asOf(one.id(), Instant.now());
            dao.changesBetween(Instant.EPOCH, Instant.now().plusSeconds(60));
            dao.delete(sent);
            dao.deleteById(-1L);
            products.upsertBySku(Product.of("SKU-1", "Widget", Money.of("1.00"), List.of(), java.util.Map.of()));
        }));
        assertEquals(List.of(
                ok("Invoice.insert", 1),
                ok("Invoice.insertAll", 2),
                ok("Invoice.findById", 1),
                ok("Invoice.findAll", 3),
                ok("Invoice.findAllAfter", 2),
                ok("Invoice.count", 1),
                ok("Invoice.existsById", 1),
                ok("Invoice.update", 1),
                ok("Invoice.history", 2),
                ok("Invoice.asOf", 1),
                ok("Invoice.changesBetween", 4),
                ok("Invoice.deleteById", 1),   // delete, without a @Version: the deleteById it calls
                ok("Invoice.deleteById", 0),
                ok("Product.upsertBySku", 1)), seen());
    }

    @Test
    void hierarchyDaoMethods() {
        TenantContext.runAs("kinds-hierarchy", () -> AuditContext.runAs("tester", () -> {
            Payout card = payouts.insert(new CardPayout(Money.of("5.00"), "Card Owner", "tok"));
            payouts.insertAll(List.of(new BankPayout(Money.of("7.00"), "Supplier", "NL91ABNA0417164300", null),
                    new CardPayout(Money.of("1.00"), "Other", "tok2")));
            payouts.findById(card.getId());
            payouts.findAll(10, 0);
            payouts.count();
        }));
        assertEquals(List.of(
                ok("CardPayout.insert", 1),
                ok("CardPayout.insertAll", 1),   // each subtype's rows through its DAO, in declaration order
                ok("BankPayout.insertAll", 1),
                ok("Payout.findById", 1),
                ok("Payout.findAll", 3),
                ok("Payout.count", 1)), seen());
        assertEquals("kinds-hierarchy", events.get(0).tenant());
    }

    @Test
    void repositoryMethods() {
        TenantContext.runAs("kinds-repository", () -> {
            long customer = new CustomerDao(database).insert(new Customer("C", null)).getId();
            dao.insertAll(drafts(customer, "R-1", "R-2", "R-3"));
            events.clear();
            invoices.findByCustomerIdAndStatusOrderByDueOnAsc(customer, InvoiceStatus.DRAFT);
            invoices.findByNumber("R-1");
            invoices.invoice("R-2");
            assertThrows(EmptyResultException.class, () -> invoices.invoice("none"));
            invoices.countByStatus(InvoiceStatus.DRAFT);
            invoices.existsByNumber("R-3");
            invoices.overdue(InvoiceStatus.DRAFT, LocalDate.of(2027, 1, 1), PageRequest.ofSize(2));
            invoices.overdueByCursor(InvoiceStatus.DRAFT, LocalDate.of(2027, 1, 1), PageRequest.ofSize(2));
            invoices.byCustomer(customer, Limit.of(2), Order.by(Sort.asc("number")));
            invoices.totals(InvoiceStatus.DRAFT);
            try (Stream<Invoice> stream = invoices.streamByStatus(InvoiceStatus.DRAFT)) {
                assertEquals(3, stream.count());
            }
            invoices.totalsByCustomer(InvoiceStatus.DRAFT);
            invoices.markPaid(InvoiceStatus.DRAFT, LocalDate.of(2027, 1, 1));
            invoices.extendDueDates(1);
            invoices.deleteByStatus(InvoiceStatus.PAID);
        });
        assertEquals(List.of(
                ok("Invoices.findByCustomerIdAndStatusOrderByDueOnAsc", 3),
                ok("Invoices.findByNumber", 1),
                ok("Invoices.invoice", 1),
                new Seen("Invoices.invoice", -1, Outcome.FAILURE),
                ok("Invoices.countByStatus", 1),
                ok("Invoices.existsByNumber", 1),
                ok("Invoices.overdue", 2),        // the page's rows, then its count

                ok("Invoices.overdue", 1),
                ok("Invoices.overdueByCursor", 3),
                ok("Invoices.overdueByCursor", 1),
                ok("Invoices.byCustomer", 2),
                ok("Invoices.totals", 3),
                ok("Invoices.streamByStatus", 3),
                ok("Invoices.totalsByCustomer", 1),
                ok("Invoices.markPaid", 3),
                ok("Invoices.extendDueDates", 0),
                ok("Invoices.deleteByStatus", 3)), seen());
    }
}
