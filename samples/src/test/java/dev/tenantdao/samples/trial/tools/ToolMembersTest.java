package dev.tenantdao.samples.trial.tools;

import static dev.tenantdao.samples.trial.tools.Money.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.ConversionException;
import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.InvalidTenantException;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.RowDeletedException;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantMismatchException;
import dev.tenantdao.testkit.junit.TenantdaoTest;
import dev.tenantdao.testkit.junit.TestSchema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Members of a tool library: the row strategy under row-level security (the extension's role owns
 * nothing), a deposit over two columns, a phone through a converter, soft delete and the audit trail.
 * Each test uses libraries of its own (the tests share the schema).
 */
@TenantdaoTest(entities = {Member.class, Loan.class})
class ToolMembersTest {

    private final MemberDao members;
    private final Members queries;

    ToolMembersTest(Database database) {
        this.members = new MemberDao(database);
        this.queries = new MembersImpl(database);
    }

    @Test
    void aMemberBelongsToItsLibraryOnly() {
        Member saved = TenantContext.callAs("north", () -> members.insert(
                new Member(1, null, "N-001", "Ada", eur("25.00"), Tier.MAKER, Phone.parse("+44 (20) 7946-0000"))));
        assertEquals("north", saved.library(), "@TenantId: insert returns the row with its tenant");
        assertEquals(new Phone("+442079460000"), saved.phone());
        Member read = TenantContext.callAs("north", () -> members.findById(1)).orElseThrow();
        assertEquals(saved, read);
        assertEquals(new BigDecimal("25.00"), read.deposit().amount(), "numeric keeps its scale");
        assertEquals("EUR", read.deposit().currency());
        assertEquals(Optional.empty(), TenantContext.callAs("south", () -> members.findById(1)), "not south's row");
        assertFalse(TenantContext.callAs("south", () -> members.existsById(1)));
        assertEquals(0, TenantContext.callAs("south", members::count));
        assertEquals(1, TenantContext.callAs("north", members::count));
        assertThrows(NoTenantException.class, members::count, "no tenant: refused before any SQL");
        assertThrows(NoTenantException.class, () -> queries.findByCard("N-001"));
        assertThrows(TenantMismatchException.class, () -> TenantContext.runAs("north",
                () -> members.insert(new Member(2, "south", "N-002", "Spy", null, Tier.BASIC, null))));
        assertThrows(RowNotFoundException.class, () -> TenantContext.runAs("south",
                () -> members.update(saved.withName("Ada (south)").withLibraryCleared())),
                "update of another library's row: not found");
        assertEquals("Ada", TenantContext.callAs("north", () -> members.findById(1)).orElseThrow().name());
    }

    @Test
    void twoLibrariesMayUseTheSameIdAndTheSameCard() {
        TenantContext.runAs("east", () -> members.insert(Member.of(7, "C-7", "Eve", eur("10"))));
        TenantContext.runAs("west", () -> members.insert(Member.of(7, "C-7", "Wes", eur("20"))));
        assertEquals("Eve", TenantContext.callAs("east", () -> members.findById(7)).orElseThrow().name());
        assertEquals("Wes", TenantContext.callAs("west", () -> queries.findByCard("C-7")).orElseThrow().name());
        DataAccessException duplicate = assertThrows(DataAccessException.class,
                () -> TenantContext.runAs("east", () -> members.insert(Member.of(8, "C-7", "Twin", null))));
        assertEquals("23505", duplicate.sqlState(), "the card is unique within a library");
    }

    @Test
    void aMemberWithoutDepositReadsBackWithoutOne() {
        TenantContext.runAs("hill", () -> members.insertAll(List.of(
                Member.of(1, "H-1", "Hal", null),
                Member.of(2, "H-2", "Hue", new Money(new BigDecimal("5"), null)))));
        assertNull(TenantContext.callAs("hill", () -> members.findById(1)).orElseThrow().deposit(),
                "every component column NULL: a null value");
        assertEquals(new Money(new BigDecimal("5"), null),
                TenantContext.callAs("hill", () -> members.findById(2)).orElseThrow().deposit(),
                "one component NULL: still a value");
    }

    @Test
    void leavingTheLibraryIsASoftDeleteThatCanBeUndone() {
        TenantContext.runAs("dale", "desk@dale", () -> members.insert(Member.of(1, "D-1", "Dot", eur("15"))));
        assertTrue(TenantContext.callAs("dale", () -> members.deleteById(1)));
        assertFalse(TenantContext.callAs("dale", () -> members.deleteById(1)), "no live row to delete the second time");
        assertEquals(Optional.empty(), TenantContext.callAs("dale", () -> members.findById(1)));
        assertEquals(0, TenantContext.callAs("dale", members::count));
        assertEquals("Dot", TenantContext.callAs("dale", () -> members.findDeletedById(1)).orElseThrow().name());
        assertEquals(List.of(1L), TenantContext.callAs("dale", () -> members.findAllDeleted(10, 0)).stream()
                .map(Member::id).toList());
        assertEquals(Optional.empty(), TenantContext.callAs("vale", () -> members.findDeletedById(1)),
                "deleted rows are the library's too");

        RowDeletedException upsertOfDeleted = assertThrows(RowDeletedException.class,
                () -> TenantContext.runAs("dale", () -> members.upsert(Member.of(1, "D-1", "Dot again", null))));
        assertTrue(upsertOfDeleted.getMessage().contains("1"), upsertOfDeleted.getMessage());

        TenantContext.runAs("dale", () -> members.insert(Member.of(2, "D-1", "Dan", null)));
        DataAccessException taken = assertThrows(DataAccessException.class,
                () -> TenantContext.runAs("dale", () -> members.restore(1)));
        assertEquals("23505", taken.sqlState(), "a live member took the card meanwhile");
        assertTrue(TenantContext.callAs("dale", () -> members.purge(2)));
        assertTrue(TenantContext.callAs("dale", () -> members.restore(1)));
        assertFalse(TenantContext.callAs("dale", () -> members.restore(1)), "no deleted row any more");
        assertEquals("Dot", TenantContext.callAs("dale", () -> members.findById(1)).orElseThrow().name());

        List<HistoryEntry.Operation> operations = TenantContext.callAs("dale", () -> members.history(1)).stream()
                .map(HistoryEntry::operation).toList();
        assertEquals(List.of(HistoryEntry.Operation.RESTORE, HistoryEntry.Operation.DELETE, HistoryEntry.Operation.INSERT),
                operations, "newest first");
        List<HistoryEntry<Member>> dan = TenantContext.callAs("dale", () -> members.history(2));
        assertEquals(List.of(HistoryEntry.Operation.PURGE, HistoryEntry.Operation.INSERT),
                dan.stream().map(HistoryEntry::operation).toList());
        assertEquals("desk@dale", TenantContext.callAs("dale", () -> members.history(1)).get(2).actor());
    }

    @Test
    void repositoryDeletesAreSoftToo() {
        TenantContext.runAs("fen", () -> members.insertAll(List.of(
                Member.of(1, "F-1", "Fay", eur("5")),
                Member.of(2, "F-2", "Fred", eur("50")).withTier(Tier.PRO),
                Member.of(3, "F-3", "Flo", new Money(new BigDecimal("30"), "GBP")),
                Member.of(4, "F-4", "Finn", eur("40")))));
        assertEquals(List.of("Fay", "Finn", "Flo", "Fred"),
                TenantContext.callAs("fen", () -> queries.findByNameIgnoreCaseStartsWithOrderByNameAsc("f")).stream()
                        .map(Member::name).toList());
        assertEquals(List.of("Fred", "Finn", "Fay"),
                TenantContext.callAs("fen", () -> queries.findByDeposit_CurrencyOrderByDeposit_AmountDesc("EUR")).stream()
                        .map(Member::name).toList(), "a derived finder over the embedded deposit's components");
        assertEquals(3, TenantContext.callAs("fen", () -> queries.deleteByTier(Tier.BASIC)));
        assertEquals(1, TenantContext.callAs("fen", members::count));
        assertEquals(3, TenantContext.callAs("fen", () -> members.findAllDeleted(10, 0)).size(),
                "README: every repository delete marks the row");
        assertEquals(HistoryEntry.Operation.DELETE, TenantContext.callAs("fen", () -> members.history(3)).get(0).operation());
    }

    @Test
    void anUpdateThatChangesNothingWritesNoHistory() {
        Member moss = TenantContext.callAs("moss", () -> members.insert(Member.of(1, "M-1", "Mo", eur("5"))));
        Member renamed = TenantContext.callAs("moss", "desk@moss", () -> members.update(moss.withName("Morgan")));
        TenantContext.runAs("moss", () -> members.update(renamed));
        List<HistoryEntry<Member>> history = TenantContext.callAs("moss", () -> members.history(1));
        assertEquals(List.of(2L, 1L), history.stream().map(HistoryEntry::version).toList());
        assertEquals("Morgan", history.get(0).entity().name());
        assertEquals("desk@moss", history.get(0).actor());
        assertEquals(HistoryEntry.Operation.UPDATE, history.get(0).operation());
    }

    @Test
    void aStoredPhoneTheConverterRefusesNamesTheRow(TestSchema schema) throws SQLException {
        TenantContext.runAs("glen", () -> members.insert(Member.of(42, "G-42", "Gus", null).withPhone(new Phone("0123456"))));
        try (Connection owner = schema.owner().getConnection(); Statement statement = owner.createStatement()) {
            statement.execute("UPDATE " + schema.name() + ".tl_member SET phone = 'bad' WHERE tenant_id = 'glen' AND id = 42");
        }
        ConversionException refused = assertThrows(ConversionException.class,
                () -> TenantContext.callAs("glen", () -> members.findById(42)));
        assertEquals("PhoneConverter failed reading Member.phone (column phone, id 42): not a phone number: bad",
                refused.getMessage());
        assertEquals("phone", refused.column());
        assertEquals(42L, refused.id());
    }

    @Test
    void aLibraryIdIsOneWellFormedString() {
        assertThrows(InvalidTenantException.class, () -> TenantContext.callAs(" north", members::count),
                "surrounding white space");
        assertThrows(InvalidTenantException.class, () -> TenantContext.callAs("", members::count));
        assertThrows(InvalidTenantException.class, () -> TenantContext.callAs("x".repeat(129), members::count));
    }
}
