package dev.tenantdao.samples.invoicing;

import dev.tenantdao.annotations.CrossTenant;
import dev.tenantdao.annotations.Sql;
import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The invoices of the current tenant, as an application asks for them: a Jakarta Data repository
 * whose implementation ({@code InvoicesImpl}) tenantdao generates, every query confined to the tenant.
 */
@Repository
public interface Invoices extends CrudRepository<Invoice, Long> {

    /** A customer's open invoices, those due first first. */
    @Find
    @OrderBy("dueOn")
    List<Invoice> openInvoices(long customerId, InvoiceStatus status);

    /** The same, by method name. */
    List<Invoice> findByCustomerIdAndStatusOrderByDueOnAsc(long customerId, InvoiceStatus status);

    /** Invoices still in {@code status} after their due date, a page at a time. */
    @Query("WHERE status = :status AND dueOn < :today ORDER BY dueOn")
    Page<Invoice> overdue(InvoiceStatus status, LocalDate today, PageRequest pageRequest);

    /** Overdue invoices by cursor: each page continues after the last one's (number, id), an index range scan. */
    @Query("WHERE status = :status AND dueOn < :today ORDER BY number")
    CursoredPage<Invoice> overdueByCursor(InvoiceStatus status, LocalDate today, PageRequest pageRequest);

    long countByStatus(InvoiceStatus status);

    boolean existsByNumber(String number);

    Optional<Invoice> findByNumber(String number);

    /** The invoice numbered {@code number}: exactly one, else EmptyResultException or NonUniqueResultException. */
    @Query("WHERE number = :number")
    Invoice invoice(String number);

    List<Invoice> findByStatusInOrderByNumber(List<InvoiceStatus> statuses);

    List<Invoice> findByNumberStartsWithOrderByNumber(String prefix);

    List<Invoice> findFirst2ByCustomerIdOrderByTotalDesc(long customerId);

    List<Invoice> findByTotalBetweenOrderByNumber(BigDecimal low, BigDecimal high);

    List<Invoice> findByDueOnNullOrderByNumber();

    /** Each invoice's number and total: a projection reading only those columns. */
    @Query("SELECT number, total FROM Invoice WHERE status = :status ORDER BY number")
    List<NumberAndTotal> totals(InvoiceStatus status);

    /** A projection by its record's components. */
    @Find
    @OrderBy("number")
    List<NumberAndTotal> totalsOf(long customerId);

    @Query("SELECT number FROM Invoice WHERE customerId = :customerId ORDER BY number")
    List<String> numbersOf(long customerId);

    /** Marks every invoice in {@code from} due before {@code before} as paid, in one audited statement. */
    @Query("UPDATE Invoice SET status = InvoiceStatus.PAID WHERE status = :from AND dueOn < :before")
    long markPaid(InvoiceStatus from, LocalDate before);

    /** Changes one invoice's total: one round trip. */
    @Query("UPDATE Invoice SET total = :total WHERE id = :id")
    boolean changeTotal(long id, BigDecimal total);

    long deleteByStatus(InvoiceStatus status);

    @Find
    Stream<Invoice> streamByStatus(InvoiceStatus status);

    @Find
    List<Invoice> byCustomer(long customerId, Limit limit, Order<Invoice> order);

    /** What each customer owes, in PostgreSQL's own SQL: proven confined to the tenant when it compiles. */
    @Sql("""
            SELECT c.name AS customer, count(*) AS invoices, sum(i.total) AS total
            FROM invoice i JOIN customer c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id
            WHERE i.tenant_id = :tenant AND i.status = :status
            GROUP BY c.name
            ORDER BY total DESC, customer""")
    List<CustomerTotal> totalsByCustomer(InvoiceStatus status);

    /** Moves the due date of every sent invoice: native SQL that writes. */
    @Sql("UPDATE invoice SET due_on = due_on + :days WHERE tenant_id = :tenant AND status = 'SENT'")
    int extendDueDates(int days);

    /** Every tenant's invoices, for operators: no proof, listed in the cross-tenant report; under row-level security still one tenant's. */
    @CrossTenant(reason = "operators' count of invoices across all tenants")
    @Sql("SELECT count(*) FROM invoice")
    long countInAllTenants();

    /** An invoice's number and total. */
    record NumberAndTotal(String number, BigDecimal total) {}

    /** A customer's invoices and what they add up to. */
    record CustomerTotal(String customer, long invoices, BigDecimal total) {}
}
