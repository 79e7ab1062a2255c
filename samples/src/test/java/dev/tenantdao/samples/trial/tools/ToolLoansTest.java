package dev.tenantdao.samples.trial.tools;

import static dev.tenantdao.samples.trial.tools.Money.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.OptimisticLockException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantMismatchException;
import dev.tenantdao.testkit.junit.TenantdaoTest;
import jakarta.data.Limit;
import jakarta.data.Sort;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Loans through their Jakarta Data repository: finders, JDQL pages and cursors, bulk statements, streams, native SQL. */
@TenantdaoTest(entities = {Member.class, Loan.class})
class ToolLoansTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private final Database database;
    private final MemberDao members;
    private final LoanDao loans;
    private final Loans desk;

    ToolLoansTest(Database database) {
        this.database = database;
        this.members = new MemberDao(database);
        this.loans = new LoanDao(database);
        this.desk = new LoansImpl(database);
    }

    /** Ada (1) and Ben (2); five loans, in this order: L1 .. L5. */
    private List<Loan> lend(String library) {
        return TenantContext.callAs(library, () -> {
            members.insertAll(List.of(Member.of(1, library + "-1", "Ada", eur("20")), Member.of(2, library + "-2", "Ben", null)));
            return loans.insertAll(List.of(
                    Loan.lend(1, "DRL-01", LocalDate.of(2026, 3, 1), 7),
                    Loan.lend(1, "SAW-01", LocalDate.of(2026, 3, 5), 7),
                    Loan.lend(2, "DRL-02", LocalDate.of(2026, 2, 20), 7),
                    Loan.lend(2, "LAD-01", LocalDate.of(2026, 2, 1), 7).withStatus(LoanStatus.RETURNED),
                    Loan.lend(1, "DRL%X", LocalDate.of(2026, 3, 9), 7)));
        });
    }

    private static List<String> codes(List<Loan> found) {
        return found.stream().map(Loan::toolCode).toList();
    }

    @Test
    void derivedFindersAndFindMethods() {
        List<Loan> l = lend("ash");
        lend("birch");
        assertEquals(5, l.size());
        assertTrue(l.get(0).id() < l.get(4).id(), "insertAll returns the rows in list order");
        assertEquals(List.of("DRL-01", "SAW-01", "DRL%X"), TenantContext.callAs("ash", () -> codes(desk.ofMember(1, LoanStatus.OUT))));
        assertEquals(List.of("DRL%X"), TenantContext.callAs("ash", () -> codes(desk.findByToolCodeStartsWithOrderByToolCodeAsc("DRL%"))),
                "% is matched literally");
        assertEquals(3, TenantContext.callAs("ash", () -> desk.findByToolCodeStartsWithOrderByToolCodeAsc("DRL")).size());
        assertEquals(List.of(), TenantContext.callAs("ash", () -> desk.findByToolCodeContains("_")), "_ is no wildcard");
        assertEquals(List.of("DRL%X"), TenantContext.callAs("ash", () -> codes(desk.findByToolCodeContains("%"))));
        assertEquals(List.of("LAD-01"), TenantContext.callAs("ash",
                () -> codes(desk.findByStatusInOrderByIdAsc(List.of(LoanStatus.RETURNED, LoanStatus.LOST)))));
        assertEquals(4, TenantContext.callAs("ash", () -> desk.countByStatus(LoanStatus.OUT)));
        assertTrue(TenantContext.callAs("ash", () -> desk.existsByToolCode("LAD-01")));
        assertFalse(TenantContext.callAs("ash", () -> desk.existsByToolCode("LAD-99")));
        assertEquals("DRL%X", TenantContext.callAs("ash", () -> desk.findFirstByMemberIdOrderByBorrowedOnDesc(1)).orElseThrow().toolCode());
        assertEquals(Optional.empty(), TenantContext.callAs("cedar", () -> desk.findFirstByMemberIdOrderByBorrowedOnDesc(1)));
        assertEquals(Optional.of(l.get(0)), TenantContext.callAs("ash", () -> desk.findById(l.get(0).id())));
        assertEquals(Optional.empty(), TenantContext.callAs("birch", () -> desk.findById(l.get(0).id())),
                "ash's id in birch: birch's identity drew other ids");
        assertThrows(NoTenantException.class, () -> desk.ofMember(1, LoanStatus.OUT));
        assertThrows(NoTenantException.class, () -> desk.countByStatus(LoanStatus.OUT));
    }

    @Test
    void pagesCursorsProjectionsAndSorts() {
        List<Loan> l = lend("dell");
        Page<Loan> first = TenantContext.callAs("dell", () -> desk.overdue(LoanStatus.OUT, TODAY,
                PageRequest.ofSize(1)));
        assertEquals(List.of("DRL-02"), codes(first.content()));
        assertEquals(2, first.totalElements());
        assertEquals(2, first.totalPages());
        assertTrue(first.hasNext());
        Page<Loan> second = TenantContext.callAs("dell", () -> desk.overdue(LoanStatus.OUT, TODAY, first.nextPageRequest()));
        assertEquals(List.of("DRL-01"), codes(second.content()));
        assertFalse(second.hasNext());

        CursoredPage<Loan> soonest = TenantContext.callAs("dell", () -> desk.outByDueDate(PageRequest.ofSize(2)));
        assertEquals(List.of("DRL-02", "DRL-01"), codes(soonest.content()));
        assertTrue(soonest.hasNext());
        TenantContext.runAs("dell", () -> loans.insert(Loan.lend(2, "GLU-01", LocalDate.of(2026, 1, 1), 1)));
        CursoredPage<Loan> later = TenantContext.callAs("dell", () -> desk.outByDueDate(soonest.nextPageRequest()));
        assertEquals(List.of("SAW-01", "DRL%X"), codes(later.content()), "a row inserted before the cursor shifts nothing");

        assertEquals(List.of(new Loans.ToolDue("DRL-02", LocalDate.of(2026, 2, 27)), new Loans.ToolDue("LAD-01", LocalDate.of(2026, 2, 8))),
                TenantContext.callAs("dell", () -> desk.dueDates(2).stream().filter(d -> !d.toolCode().startsWith("GLU")).toList()));
        assertEquals(3, TenantContext.callAs("dell", () -> desk.countLike("drl%")));
        assertEquals(List.of(l.get(4).id(), l.get(1).id()), TenantContext.callAs("dell",
                () -> desk.findByLateFee_AmountNull(Limit.of(2), Sort.desc("dueOn"))).stream().map(Loan::id).toList());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> TenantContext.callAs("dell",
                () -> desk.findByLateFee_AmountNull(Limit.of(2), Sort.asc("colour"))), "an unknown attribute: refused before any SQL");
        assertTrue(unknown.getMessage().startsWith("Cannot sort by colour"), unknown.getMessage());
    }

    @Test
    void aBulkUpdateWritesHistoryOnlyForTheRowsItChanged() {
        List<Loan> l = lend("elm");
        lend("fir");
        assertEquals(2, TenantContext.callAs("elm", "night-job", () -> desk.markOverdue(TODAY)));
        assertEquals(0, TenantContext.callAs("elm", () -> desk.markOverdue(TODAY)));
        Loan overdue = TenantContext.callAs("elm", () -> loans.findById(l.get(0).id())).orElseThrow();
        assertEquals(LoanStatus.OVERDUE, overdue.status());
        assertEquals(l.get(0).version() + 1, overdue.version(), "a bulk update increments the @Version");
        List<HistoryEntry<Loan>> history = TenantContext.callAs("elm", () -> loans.history(l.get(0).id()));
        assertEquals(List.of(HistoryEntry.Operation.UPDATE, HistoryEntry.Operation.INSERT),
                history.stream().map(HistoryEntry::operation).toList());
        assertEquals("night-job", history.get(0).actor());
        assertEquals(1, TenantContext.callAs("elm", () -> loans.history(l.get(1).id())).size(), "not overdue: no history row");
        assertEquals(4, TenantContext.callAs("fir", () -> desk.countByStatus(LoanStatus.OUT)), "fir's loans are fir's");

        assertEquals(2, TenantContext.callAs("elm", () -> desk.chargeLateFee(LoanStatus.OVERDUE, new BigDecimal("4.50"))));
        assertEquals(List.of(eur("4.50"), eur("4.50")), TenantContext.callAs("elm",
                () -> desk.findByLateFee_AmountGreaterThanOrderByLateFee_AmountDesc(BigDecimal.ONE)).stream().map(Loan::lateFee).toList());
        assertEquals(List.of(new Loans.MemberLoans("Ada", 1, new BigDecimal("4.50")), new Loans.MemberLoans("Ben", 1, new BigDecimal("4.50"))),
                TenantContext.callAs("elm", () -> desk.loansPerMember(LoanStatus.OVERDUE)));
        assertEquals(1, TenantContext.callAs("elm", () -> desk.declareLost("DRL-02")));
        assertEquals(0, TenantContext.callAs("fir", () -> desk.declareLost("DRL-02")), "fir's DRL-02 is not overdue");
        assertEquals(List.of(new Loans.MemberLoans("Ada", 1, new BigDecimal("4.50"))),
                TenantContext.callAs("elm", () -> desk.loansPerMember(LoanStatus.OVERDUE)));
        assertEquals(List.of(), TenantContext.callAs("fir", () -> desk.loansPerMember(LoanStatus.OVERDUE)));
    }

    @Test
    void bulkDeletes() {
        List<Loan> l = lend("gum");
        lend("hazel");
        assertEquals(1, TenantContext.callAs("gum", () -> desk.forgetReturnedBefore(LocalDate.of(2026, 3, 1))));
        assertEquals(4, TenantContext.callAs("gum", loans::count));
        assertEquals(HistoryEntry.Operation.DELETE, TenantContext.callAs("gum", () -> loans.history(l.get(3).id())).get(0).operation());
        TenantContext.runAs("gum", () -> desk.deleteByToolCode("SAW-01"));
        assertEquals(3, TenantContext.callAs("gum", loans::count));
        assertEquals(5, TenantContext.callAs("hazel", loans::count), "hazel keeps its loans");
    }

    @Test
    void streamsAreReadThroughACursorAndClosed() {
        List<Loan> l = lend("ivy");
        lend("juniper");
        try (Stream<Loan> out = TenantContext.callAs("ivy", () -> desk.streamByStatus(LoanStatus.OUT))) {
            assertEquals(List.of(l.get(0).id(), l.get(1).id(), l.get(2).id(), l.get(4).id()), out.map(Loan::id).toList());
        }
        List<String> inATransaction = TenantContext.callAs("ivy", () -> database.inTransaction(tx -> {
            try (Stream<Loan> returned = desk.streamByStatus(LoanStatus.RETURNED)) {
                return returned.map(Loan::toolCode).toList();
            }
        }));
        assertEquals(List.of("LAD-01"), inATransaction);
        assertThrows(NoTenantException.class, () -> desk.streamByStatus(LoanStatus.OUT));
    }

    @Test
    void staleLoansAreRefusedByTheDaoAndTheRepository() {
        Loan ada = lend("kauri").get(0);
        Loan returned = TenantContext.callAs("kauri", () -> loans.update(ada.withStatus(LoanStatus.RETURNED)));
        assertEquals(ada.version() + 1, returned.version());
        OptimisticLockException stale = assertThrows(OptimisticLockException.class,
                () -> TenantContext.runAs("kauri", () -> loans.update(ada.withStatus(LoanStatus.LOST))));
        assertTrue(stale.getMessage().contains(String.valueOf(ada.version())), stale.getMessage());
        assertThrows(OptimisticLockException.class, () -> TenantContext.runAs("kauri", () -> loans.delete(ada)));
        assertThrows(OptimisticLockingFailureException.class,
                () -> TenantContext.runAs("kauri", () -> desk.update(ada.withStatus(LoanStatus.LOST))));
        assertThrows(OptimisticLockingFailureException.class,
                () -> TenantContext.runAs("kauri", () -> desk.save(ada.withStatus(LoanStatus.LOST))));
        assertEquals(LoanStatus.RETURNED, TenantContext.callAs("kauri", () -> loans.findById(ada.id())).orElseThrow().status());
        Loan saved = TenantContext.callAs("kauri", () -> desk.save(returned.withStatus(LoanStatus.OUT)));
        assertEquals(returned.version() + 1, saved.version());
    }

    @Test
    void aTransactionIsOneLibrarysAndAllOrNothing() {
        lend("larch");
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs("larch", () -> database.useTransaction(tx -> {
            loans.insert(Loan.lend(1, "NEW-01", TODAY, 3));
            throw new IllegalStateException("the member changed their mind");
        })));
        assertFalse(TenantContext.callAs("larch", () -> desk.existsByToolCode("NEW-01")), "rolled back");
        assertThrows(TenantMismatchException.class, () -> TenantContext.runAs("larch", () -> database.useTransaction(tx ->
                TenantContext.runAs("maple", loans::count))));
    }
}
