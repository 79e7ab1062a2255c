package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.AcrossTenants;
import dev.tenantdao.annotations.Sql;
import dev.tenantdao.runtime.TenantRow;
import jakarta.data.Limit;
import jakarta.data.Sort;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.By;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Delete;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What the front desk asks of loans. */
@Repository
public interface Loans extends CrudRepository<Loan, Long> {

    @Find
    @OrderBy("dueOn")
    @OrderBy("toolCode")
    List<Loan> ofMember(long memberId, LoanStatus status);

    List<Loan> findByToolCodeStartsWithOrderByToolCodeAsc(String prefix);

    List<Loan> findByStatusInOrderByIdAsc(Collection<LoanStatus> statuses);

    List<Loan> findByToolCodeContains(String part);

    long countByStatus(LoanStatus status);

    boolean existsByToolCode(String toolCode);

    Optional<Loan> findFirstByMemberIdOrderByBorrowedOnDesc(long memberId);

    List<Loan> findByLateFee_AmountGreaterThanOrderByLateFee_AmountDesc(BigDecimal amount);

    List<Loan> findByLateFee_AmountNull(Limit limit, Sort<Loan> sort);

    @Query("WHERE status = :status AND dueOn < :today ORDER BY dueOn")
    Page<Loan> overdue(LoanStatus status, LocalDate today, PageRequest pageRequest);

    @Query("WHERE status = LoanStatus.OUT ORDER BY dueOn")
    CursoredPage<Loan> outByDueDate(PageRequest pageRequest);

    @Query("SELECT toolCode, dueOn FROM Loan WHERE memberId = :memberId ORDER BY toolCode")
    List<ToolDue> dueDates(long memberId);

    @Query("SELECT count(this) FROM Loan WHERE LOWER(toolCode) LIKE :pattern")
    long countLike(String pattern);

    @Query("UPDATE Loan SET status = LoanStatus.OVERDUE WHERE status = LoanStatus.OUT AND dueOn < :today")
    long markOverdue(LocalDate today);

    @Query("UPDATE Loan SET lateFee.amount = :amount, lateFee.currency = 'EUR' WHERE status = :status")
    int chargeLateFee(LoanStatus status, BigDecimal amount);

    @Query("DELETE FROM Loan WHERE status = LoanStatus.RETURNED AND dueOn < :before")
    long forgetReturnedBefore(LocalDate before);

    @Delete
    void deleteByToolCode(String toolCode);

    @Query("WHERE status = :status ORDER BY id")
    Stream<Loan> streamByStatus(LoanStatus status);

    @Query("WHERE dueOn < LOCAL DATE AND status IN (LoanStatus.OUT, LoanStatus.OVERDUE) AND NOT (LENGTH(toolCode) > 6) ORDER BY id(this)")
    List<Loan> pastDue();

    @Query("WHERE dueOn BETWEEN ?1 AND ?2 ORDER BY dueOn DESC")
    List<Loan> dueBetween(LocalDate from, LocalDate to);

    List<Loan> findFirst2ByStatusOrderByDueOnDesc(LoanStatus status);

    Loan findByToolCode(String toolCode);

    @Find
    List<Loan> withFeeIn(@By("lateFee.currency") String currency);

    @Sql("""
            SELECT m.name AS member, count(*) AS loans, coalesce(sum(l.late_fee_amount), 0) AS fees
            FROM tl_loan l JOIN tl_member m ON m.tenant_id = l.tenant_id AND m.id = l.member_id
            WHERE l.tenant_id = :tenant AND m.deleted_at IS NULL AND l.status = :status
            GROUP BY m.name
            ORDER BY loans DESC, member""")
    List<MemberLoans> loansPerMember(LoanStatus status);

    @Sql("UPDATE tl_loan SET status = 'LOST' WHERE tenant_id = :tenant AND tool_code = :toolCode AND status = 'OVERDUE'")
    int declareLost(String toolCode);

    @AcrossTenants
    @Query("WHERE toolCode = :toolCode ORDER BY dueOn")
    List<TenantRow<Loan>> everywhere(String toolCode);

    CursoredPage<Loan> findAllAsOf(Instant at, PageRequest pageRequest);

    @AcrossTenants
    @Find
    @OrderBy("toolCode")
    List<TenantRow<Loan>> feesIn(@By("lateFee.currency") String currency);

    /** A tool's code and when it is due back. */
    record ToolDue(String toolCode, LocalDate dueOn) {}

    /** A member's number of loans and their late fees. */
    record MemberLoans(String member, long loans, BigDecimal fees) {}
}
