package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.References;
import dev.tenantdao.annotations.Version;
import java.time.LocalDate;

/** A tool lent to a member: generated id, optimistic locking, a late fee, audited. */
@Entity(table = "tl_loan")
@Audited
public record Loan(
        @Id(generated = true) Long id,
        @References(Member.class) long memberId,
        @Column(nullable = false) String toolCode,
        @Column(nullable = false) LocalDate borrowedOn,
        @Column(nullable = false) LocalDate dueOn,
        @Column(nullable = false) LoanStatus status,
        @Embedded Money lateFee,
        @Version int version) {

    public static Loan lend(long memberId, String toolCode, LocalDate on, int days) {
        return new Loan(null, memberId, toolCode, on, on.plusDays(days), LoanStatus.OUT, null, 0);
    }

    public Loan withStatus(LoanStatus newStatus) {
        return new Loan(id, memberId, toolCode, borrowedOn, dueOn, newStatus, lateFee, version);
    }
}
