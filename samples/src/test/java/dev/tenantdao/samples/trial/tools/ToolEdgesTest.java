package dev.tenantdao.samples.trial.tools;

import static dev.tenantdao.samples.trial.tools.Money.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantMismatchException;
import dev.tenantdao.testkit.junit.TenantdaoTest;
import jakarta.data.exceptions.EntityExistsException;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Corners a library runs into: re-used cards, restored members in the past, repository lifecycle exceptions. */
@TenantdaoTest(entities = {Member.class, Loan.class})
class ToolEdgesTest {

    private final MemberDao members;
    private final MemberDesk desk;

    private final Database membersDatabase;

    ToolEdgesTest(Database database) {
        membersDatabase = database;
        members = new MemberDao(database);
        desk = new MemberDeskImpl(database);
    }

    @Test
    void aCardOfALeftMemberCanBeGivenOutAgainByUpsert() {
        TenantContext.runAs("ash", () -> members.insert(Member.of(1, "A-1", "Old", null)));
        TenantContext.runAs("ash", () -> members.deleteById(1));
        Member newcomer = TenantContext.callAs("ash", () -> members.upsertByCard(Member.of(2, "A-1", "New", null)));
        assertEquals(2, newcomer.id(), "the deleted row's card does not conflict");
        Member renamed = TenantContext.callAs("ash", () -> members.upsertByCard(Member.of(2, "A-1", "Newer", null)));
        assertEquals("Newer", renamed.name());
        assertEquals(1, TenantContext.callAs("ash", members::count));
        assertEquals("Old", TenantContext.callAs("ash", () -> members.findDeletedById(1)).orElseThrow().name(), "left alone");
        assertThrows(RowNotFoundException.class, () -> TenantContext.runAs("ash",
                () -> members.update(Member.of(1, "A-9", "Ghost", null))), "a deleted member is not updated");
        assertFalse(TenantContext.callAs("ash", () -> members.restore(2)), "a live member is not restored");
    }

    @Test
    void aRestoredMemberIsBackInThePast() {
        TenantContext.runAs("birch", () -> members.insert(Member.of(1, "B-1", "Bea", null)));
        TenantContext.runAs("birch", () -> members.insert(Member.of(2, "B-2", "Bo", null)));
        TenantContext.runAs("birch", () -> members.deleteById(1));
        TenantContext.runAs("birch", () -> members.restore(1));
        TenantContext.runAs("birch", () -> members.purge(2));
        List<HistoryEntry<Member>> bea = TenantContext.callAs("birch", () -> members.history(1));
        List<HistoryEntry<Member>> bo = TenantContext.callAs("birch", () -> members.history(2));
        Instant deleted = bea.get(1).changedAt();
        Instant restored = bea.get(0).changedAt();
        Instant purged = bo.get(0).changedAt();
        assertEquals(List.of(HistoryEntry.Operation.RESTORE, HistoryEntry.Operation.DELETE, HistoryEntry.Operation.INSERT),
                bea.stream().map(HistoryEntry::operation).toList());
        assertEquals(List.of(3L, 2L, 1L), bea.stream().map(HistoryEntry::version).toList());
        assertEquals(List.of("Bo"), TenantContext.callAs("birch", () -> members.findAllAsOf(deleted, 10)).stream().map(Member::name).toList());
        assertEquals(List.of("Bea", "Bo"), TenantContext.callAs("birch", () -> members.findAllAsOf(restored, 10)).stream()
                .map(Member::name).toList());
        assertEquals(List.of("Bea"), TenantContext.callAs("birch", () -> members.findAllAsOf(purged, 10)).stream()
                .map(Member::name).toList(), "a purge ends the row's past too");
        assertEquals(Optional.empty(), TenantContext.callAs("birch", () -> members.asOf(2, purged)));
    }

    @Test
    void theRepositorysLifecycleExceptionsAreJakartaDatas() {
        TenantContext.runAs("cedar", () -> desk.insert(Member.of(1, "C-1", "Cy", eur("5"))));
        assertThrows(EntityExistsException.class, () -> TenantContext.runAs("cedar", () -> desk.insert(Member.of(1, "C-2", "Twin", null))),
                "a duplicate key");
        assertThrows(EntityExistsException.class, () -> TenantContext.runAs("cedar", () -> desk.insert(Member.of(2, "C-1", "Same card", null))),
                "a duplicate card");
        assertThrows(OptimisticLockingFailureException.class,
                () -> TenantContext.runAs("cedar", () -> desk.update(Member.of(9, "C-9", "Nobody", null))), "no such row");
        Member saved = TenantContext.callAs("cedar", () -> desk.save(Member.of(3, "C-3", "Cat", null)));
        assertEquals("cedar", saved.library(), "save inserts a new id");
        TenantContext.runAs("cedar", () -> desk.delete(saved));
        assertTrue(TenantContext.callAs("cedar", () -> members.findDeletedById(3)).isPresent(), "a repository delete is soft");
        assertEquals(Optional.empty(), TenantContext.callAs("dale", () -> desk.findById(1L)));
        assertEquals(1, TenantContext.callAs("cedar", () -> desk.findAll().count()));
    }

    @Test
    void aMemberWithLoansCannotBePurgedButCanLeave() {
        LoanDao loans = new LoanDao(membersDatabase);
        TenantContext.runAs("gum", () -> members.insert(Member.of(1, "G-1", "Gil", null)));
        TenantContext.runAs("gum", () -> loans.insert(Loan.lend(1, "DRL-01", java.time.LocalDate.of(2026, 1, 1), 7)));
        assertTrue(TenantContext.callAs("gum", () -> members.deleteById(1)), "a soft delete keeps the row the loan points at");
        DataAccessException refused = assertThrows(DataAccessException.class, () -> TenantContext.callAs("gum", () -> members.purge(1)));
        assertEquals("23503", refused.sqlState());
        assertTrue(TenantContext.callAs("gum", () -> members.findDeletedById(1)).isPresent(), "still there, deleted");
        assertThrows(TenantMismatchException.class, () -> TenantContext.runAs("gum", () -> members.insertAll(List.of(
                Member.of(2, "G-2", "Ok", null), new Member(3, "hazel", "G-3", "Wrong", null, Tier.BASIC, null)))));
        assertEquals(0, TenantContext.callAs("gum", members::count), "nothing inserted");
    }

    @Test
    void nestedLibraryBlocksRestoreTheOuterOne() {
        TenantContext.runAs("elm", () -> members.insert(Member.of(1, "E-1", "Eli", null)));
        TenantContext.runAs("fir", () -> {
            assertEquals(0, members.count());
            assertEquals(1, TenantContext.callAs("elm", members::count));
            assertEquals(0, members.count(), "back in fir");
            assertThrows(IllegalStateException.class, () -> TenantContext.runAs("elm", () -> {
                throw new IllegalStateException("boom");
            }));
            assertEquals(Optional.of("fir"), TenantContext.current(), "restored on an exception too");
        });
        assertEquals(Optional.empty(), TenantContext.current());
    }
}
