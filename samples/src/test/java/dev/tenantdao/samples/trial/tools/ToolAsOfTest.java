package dev.tenantdao.samples.trial.tools;

import static dev.tenantdao.samples.trial.tools.Money.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Changes;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.junit.TenantdaoTest;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A library's members and loans as they were: history, asOf, findAllAsOf and Changes across entities. */
@TenantdaoTest(entities = {Member.class, Loan.class})
class ToolAsOfTest {

    private final Database database;
    private final MemberDao members;
    private final LoanDao loans;
    private final Loans desk;

    ToolAsOfTest(Database database) {
        this.database = database;
        this.members = new MemberDao(database);
        this.loans = new LoanDao(database);
        this.desk = new LoansImpl(database);
    }

    private static List<String> names(List<Member> found) {
        return found.stream().map(Member::name).toList();
    }

    @Test
    void theMembersAsTheyWere() {
        String lib = "oakley";
        Member ann = TenantContext.callAs(lib, () -> members.insert(Member.of(1, "O-1", "Ann", eur("10"))));
        TenantContext.runAs(lib, () -> members.insert(Member.of(3, "O-3", "Cal", null)));
        TenantContext.runAs(lib, () -> members.update(ann.withName("Annie")));
        TenantContext.runAs(lib, () -> members.deleteById(3));
        TenantContext.runAs(lib, () -> members.insert(Member.of(2, "O-2", "Bo", null)));
        TenantContext.runAs("other", () -> members.insert(Member.of(1, "X-1", "Xan", null)));

        List<HistoryEntry<Member>> annHistory = TenantContext.callAs(lib, () -> members.history(1));
        Instant inserted = annHistory.get(1).changedAt();
        Instant renamed = annHistory.get(0).changedAt();
        Instant calDeleted = TenantContext.callAs(lib, () -> members.history(3)).get(0).changedAt();
        Instant boJoined = TenantContext.callAs(lib, () -> members.history(2)).get(0).changedAt();
        assertTrue(inserted.isBefore(renamed));

        assertEquals(Optional.empty(), TenantContext.callAs(lib, () -> members.asOf(1, inserted.minusMillis(1))), "before the insert");
        assertEquals("Ann", TenantContext.callAs(lib, () -> members.asOf(1, inserted)).orElseThrow().name());
        assertEquals("Annie", TenantContext.callAs(lib, () -> members.asOf(1, renamed)).orElseThrow().name());
        assertEquals(Optional.empty(), TenantContext.callAs(lib, () -> members.asOf(3, calDeleted)), "after the delete");

        assertEquals(List.of("Annie", "Cal"), TenantContext.callAs(lib, () -> names(members.findAllAsOf(renamed, 10))),
                "Cal not deleted yet, Bo not a member yet");
        assertEquals(List.of("Annie"), TenantContext.callAs(lib, () -> names(members.findAllAsOf(calDeleted, 10))));
        assertEquals(List.of("Annie", "Bo"), TenantContext.callAs(lib, () -> names(members.findAllAsOf(boJoined, 10))),
                "as of now: the live rows");
        assertEquals(List.of("Bo"), TenantContext.callAs(lib, () -> names(members.findAllAsOf(boJoined, 1, 10))), "keyset: after id 1");
        assertEquals(List.of("Xan"), TenantContext.callAs("other", () -> names(members.findAllAsOf(boJoined.plusSeconds(60), 10))),
                "another library's past is its own");
    }

    @Test
    void loansAsCursoredPagesOfThePast() {
        String lib = "pine";
        TenantContext.runAs(lib, () -> members.insert(Member.of(1, "P-1", "Pia", null)));
        List<Loan> lent = TenantContext.callAs(lib, () -> loans.insertAll(List.of(
                Loan.lend(1, "A", LocalDate.of(2026, 1, 1), 3), Loan.lend(1, "B", LocalDate.of(2026, 1, 1), 3),
                Loan.lend(1, "C", LocalDate.of(2026, 1, 1), 3))));
        Instant then = TenantContext.callAs(lib, () -> loans.history(lent.get(2).id())).get(0).changedAt();
        TenantContext.runAs(lib, () -> loans.deleteById(lent.get(0).id()));

        CursoredPage<Loan> first = TenantContext.callAs(lib, () -> desk.findAllAsOf(then, PageRequest.ofSize(2)));
        assertEquals(List.of("A", "B"), first.content().stream().map(Loan::toolCode).toList(), "A was still out then");
        assertTrue(first.hasNext());
        CursoredPage<Loan> second = TenantContext.callAs(lib, () -> desk.findAllAsOf(then, first.nextPageRequest()));
        assertEquals(List.of("C"), second.content().stream().map(Loan::toolCode).toList());
        assertThrows(UnsupportedOperationException.class, () -> TenantContext.callAs(lib,
                () -> desk.findAllAsOf(then, second.previousPageRequest())), "forward only: refused before any SQL");
    }

    @Test
    void whatOneTransactionChangedAcrossMembersAndLoans() {
        String lib = "quince";
        Member zoe = TenantContext.callAs(lib, () -> members.insert(Member.of(1, "Q-1", "Zoe", null)));
        long[] txId = new long[1];
        TenantContext.runAs(lib, "desk@quince", () -> database.useTransaction(tx -> {
            txId[0] = tx.transactionId();
            members.insert(Member.of(2, "Q-2", "Yan", null));
            loans.insert(Loan.lend(2, "DRL-9", LocalDate.of(2026, 5, 1), 7));
            members.update(zoe.withTier(Tier.PRO));
        }));
        List<HistoryEntry<?>> together = TenantContext.callAs(lib, () -> Changes.inTransactionOrder(
                members.changesInTransaction(txId[0]), loans.changesInTransaction(txId[0])));
        assertEquals(List.of("INSERT Member", "INSERT Loan", "UPDATE Member"),
                together.stream().map(e -> e.operation() + " " + e.entity().getClass().getSimpleName()).toList(),
                "in the order the transaction made them");
        assertTrue(together.stream().allMatch(e -> "desk@quince".equals(e.actor())));

        Instant from = TenantContext.callAs(lib, () -> members.history(1)).get(1).changedAt().minusMillis(1);
        Instant to = together.get(together.size() - 1).changedAt().plusMillis(1);
        List<HistoryEntry<?>> day = TenantContext.callAs(lib, () -> Changes.inTransactionOrder(
                members.changesBetween(from, to), loans.changesBetween(from, to)));
        Map<Long, List<HistoryEntry<?>>> byTransaction = Changes.byTransaction(day);
        assertEquals(2, byTransaction.size(), "Zoe's insert, then the transaction");
        assertEquals(3, byTransaction.get(txId[0]).size());
        assertFalse(byTransaction.containsKey(0L));
        assertEquals(List.of(), TenantContext.callAs("rowan", () -> members.changesInTransaction(txId[0])),
                "another library sees none of it");
    }
}
