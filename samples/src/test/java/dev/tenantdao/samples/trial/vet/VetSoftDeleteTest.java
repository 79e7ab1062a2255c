package dev.tenantdao.samples.trial.vet;

import static dev.tenantdao.samples.trial.vet.Fee.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.RowDeletedException;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A vet chain's clients, soft deleted: the DAO's explicit methods for deleted rows, uniques among live
 * rows, history of deletes and restores, and the repository seeing live rows only. As the application
 * connects: a role that owns nothing, under row-level security. Each test has its clinics (tenants).
 */
class VetSoftDeleteTest {

    private static final String SCHEMA = "trial_vet_soft";
    private static final String APP = "trial_vet_soft_app";
    private static DataSource app;
    private static PetOwnerDao owners;
    private static PetOwners desk;

    @BeforeAll
    static void schema() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema(SCHEMA), PetOwner.class, Pet.class);
        app = server.applicationRole(APP, SCHEMA);
        Database database = new Database(app);
        owners = new PetOwnerDao(database);
        desk = new PetOwnersImpl(database);
    }

    @AfterAll
    static void drop() {
        Postgres.shared().dropSchema(SCHEMA);
    }

    private static <X> X at(String clinic, Supplier<X> work) {
        return TenantContext.callAs(clinic, work::get);
    }

    private static PetOwner owner(long id, String email, String name) {
        return new PetOwner(id, email, name, eur("0.00"));
    }

    @Test
    void deleteMarksTheRowAndOnlyTheExplicitMethodsSeeIt() {
        PetOwner ann = owner(1, "ann@mail", "Ann");
        at("oak", () -> owners.insert(ann));
        at("oak", () -> owners.insert(owner(2, "bob@mail", "Bob")));
        assertTrue(at("oak", () -> owners.deleteById(1)));
        assertFalse(at("oak", () -> owners.deleteById(1)), "deleted once: no live row to delete");
        assertEquals(Optional.empty(), at("oak", () -> owners.findById(1)));
        assertFalse(at("oak", () -> owners.existsById(1)));
        assertEquals(1, at("oak", () -> owners.count()));
        assertEquals(List.of(2L), at("oak", () -> owners.findAll(10, 0)).stream().map(PetOwner::id).toList());
        assertEquals(Optional.of(ann), at("oak", () -> owners.findDeletedById(1)));
        assertEquals(List.of(ann), at("oak", () -> owners.findAllDeleted(10, 0)));
        assertEquals(Optional.empty(), at("elm", () -> owners.findDeletedById(1)), "another clinic sees no deleted row");
        assertFalse(at("elm", () -> owners.restore(1)), "nor restores it");
        assertFalse(at("elm", () -> owners.purge(1)), "nor purges it");
        assertTrue(at("oak", () -> owners.restore(1)));
        assertEquals(Optional.of(ann), at("oak", () -> owners.findById(1)));
        assertFalse(at("oak", () -> owners.restore(1)), "a live row is not restored again");
    }

    @Test
    void anUpdateOfADeletedRowFindsNoRow() {
        at("pine", () -> owners.insert(owner(1, "cy@mail", "Cy")));
        assertTrue(at("pine", () -> owners.deleteById(1)));
        assertThrows(RowNotFoundException.class, () -> at("pine", () -> owners.update(owner(1, "cy@mail", "Cyrus"))),
                "README: update of no live row in the tenant is RowNotFoundException");
        assertEquals("Cy", at("pine", () -> owners.findDeletedById(1)).orElseThrow().name(), "the deleted row unchanged");
    }

    @Test
    void uniqueEmailsHoldAmongLiveRowsOnly() {
        at("birch", () -> owners.insert(owner(1, "dee@mail", "Dee")));
        assertThrows(DataAccessException.class, () -> at("birch", () -> owners.insert(owner(2, "dee@mail", "Dee 2"))),
                "two live clients cannot share an email");
        assertTrue(at("birch", () -> owners.deleteById(1)));
        PetOwner again = owner(2, "dee@mail", "Dee again");
        assertEquals(again, at("birch", () -> owners.insert(again)), "a deleted client's email can be used again");
        DataAccessException refused = assertThrows(DataAccessException.class, () -> at("birch", () -> owners.restore(1)));
        assertEquals("23505", sqlState(refused), "restore refused: a live row took its email");
        assertTrue(at("birch", () -> owners.purge(1)));
        assertEquals(Optional.empty(), at("birch", () -> owners.findDeletedById(1)));
    }

    @Test
    void upsertsMeetLiveRowsOnly() {
        at("ash", () -> owners.insert(owner(1, "eve@mail", "Eve")));
        assertTrue(at("ash", () -> owners.deleteById(1)));
        assertThrows(RowDeletedException.class, () -> at("ash", () -> owners.upsert(owner(1, "eve@mail", "Eve B"))),
                "README: an upsert whose id is held by a deleted row throws RowDeletedException");
        PetOwner byEmail = at("ash", () -> owners.upsertByEmail(owner(5, "eve@mail", "Eve new")));
        assertEquals(5, byEmail.id(), "the deleted row's email is free: the upsert inserts");
        PetOwner updated = at("ash", () -> owners.upsertByEmail(owner(6, "eve@mail", "Eve newer")));
        assertEquals(5, updated.id(), "the live row's email conflicts: it is updated");
        assertEquals("Eve newer", updated.name());
        assertEquals("Eve", at("ash", () -> owners.findDeletedById(1)).orElseThrow().name());
    }

    @Test
    void historyRecordsDeleteRestoreAndPurge() {
        at("yew", () -> owners.insert(owner(1, "fay@mail", "Fay")));
        at("yew", () -> owners.update(owner(1, "fay@mail", "Faye")));
        assertTrue(at("yew", () -> owners.deleteById(1)));
        assertTrue(at("yew", () -> owners.restore(1)));
        assertTrue(at("yew", () -> owners.purge(1)));
        List<HistoryEntry<PetOwner>> history = at("yew", () -> owners.history(1));
        assertEquals(List.of(HistoryEntry.Operation.PURGE, HistoryEntry.Operation.RESTORE, HistoryEntry.Operation.DELETE,
                        HistoryEntry.Operation.UPDATE, HistoryEntry.Operation.INSERT),
                history.stream().map(HistoryEntry::operation).toList(), "newest first");
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), history.stream().map(HistoryEntry::version).toList());
        assertEquals("Faye", history.get(0).entity().name(), "a purge records the last values");
        assertEquals(eur("0.00"), history.get(2).entity().credit(), "the embedded credit is in history");
        assertEquals(Optional.empty(), at("yew", () -> owners.findDeletedById(1)));
        assertEquals(List.of(), at("elm2", () -> owners.history(1)), "another clinic sees no history");
    }

    @Test
    void repositoryReadsCountsAndUpdatesSeeLiveRowsOnly() {
        at("rowan", () -> owners.insertAll(List.of(
                new PetOwner(1, "gus@mail", "Gus", eur("10.00")),
                new PetOwner(2, "gwen@mail", "Gwen", eur("30.00")),
                new PetOwner(3, "hal@mail", "Hal", new Fee(new BigDecimal("20.00"), "GBP")),
                new PetOwner(4, "gil@mail", "Gil", eur("50.00")))));
        at("other", () -> owners.insert(new PetOwner(1, "gus@mail", "Gus", eur("99.00"))));
        assertTrue(at("rowan", () -> owners.deleteById(4)));
        assertEquals(Optional.empty(), at("rowan", () -> desk.findByEmail("gil@mail")));
        assertFalse(at("rowan", () -> desk.existsByEmail("gil@mail")));
        assertTrue(at("rowan", () -> desk.existsByEmail("gus@mail")));
        assertEquals(List.of("Gus", "Gwen"), at("rowan", () -> desk.findByNameStartsWithOrderByIdAsc("G")).stream()
                .map(PetOwner::name).toList());
        assertEquals(2, at("rowan", () -> desk.countByCredit_Currency("EUR")));
        assertEquals(List.of("Hal", "Gwen"), at("rowan", () -> desk.inCredit(new BigDecimal("15"))).stream()
                .map(PetOwner::name).toList(), "JDQL on an embedded path, ordered by it; the deleted Gil left out");
        assertFalse(at("rowan", () -> desk.rename("gil@mail", "Gilbert")), "a bulk update does not touch a deleted row");
        assertEquals("Gil", at("rowan", () -> owners.findDeletedById(4)).orElseThrow().name());
        Page<PetOwner> first = at("rowan", () -> desk.named("G%", PageRequest.ofSize(1).withTotal()));
        assertEquals(2, first.totalElements(), "the total counts live rows");
        assertEquals(List.of("Gus"), first.content().stream().map(PetOwner::name).toList());
        Page<PetOwner> second = at("rowan", () -> desk.named("G%", first.nextPageRequest()));
        assertEquals(List.of("Gwen"), second.content().stream().map(PetOwner::name).toList());
        assertEquals(3, at("rowan", () -> desk.findAll().toList()).size());
    }

    @Test
    void repositoryDeletesAreSoftDeletes() {
        at("maple", () -> owners.insertAll(List.of(owner(1, "ian@mail", "Ian"), owner(2, "ivy@mail", "Ivy"),
                owner(3, "ian2@mail", "Ian"))));
        assertEquals(2, at("maple", () -> desk.deleteByName("Ian")));
        assertEquals(0, at("maple", () -> desk.deleteByName("Ian")), "already deleted rows are not deleted again");
        assertEquals(2, at("maple", () -> owners.findAllDeleted(10, 0)).size());
        at("maple", () -> { desk.deleteById(2L); return null; });
        assertEquals(Optional.of(owner(2, "ivy@mail", "Ivy")), at("maple", () -> owners.findDeletedById(2)));
        assertEquals(0, at("maple", () -> owners.count()));
        List<HistoryEntry<PetOwner>> history = at("maple", () -> owners.history(2));
        assertEquals(HistoryEntry.Operation.DELETE, history.get(0).operation(), "a repository delete is history's DELETE");
    }

    @Test
    void rowLevelSecurityStillAppliesToDeletedRows() throws SQLException {
        at("cedar", () -> owners.insert(owner(1, "jo@mail", "Jo")));
        at("cedar", () -> owners.deleteById(1));
        at("fir", () -> owners.insert(owner(1, "kim@mail", "Kim")));
        assertEquals(1, countAsApp("cedar"), "raw SQL as the application role: its own deleted row, nothing more");
        assertEquals(0, countAsApp(""), "no tenant: no row at all");
    }

    @Test
    void everyMethodForDeletedRowsNeedsATenant() {
        assertThrows(NoTenantException.class, () -> owners.restore(1));
        assertThrows(NoTenantException.class, () -> owners.purge(1));
        assertThrows(NoTenantException.class, () -> owners.findDeletedById(1));
        assertThrows(NoTenantException.class, () -> owners.findAllDeleted(10, 0));
        assertThrows(NoTenantException.class, () -> desk.deleteByName("x"));
    }

    private static long countAsApp(String tenant) throws SQLException {
        try (Connection connection = app.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SELECT set_config('tenantdao.tenant', '" + tenant + "', true)");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM vet_owner WHERE tenant_id IN ('cedar', 'fir')")) {
                rows.next();
                long count = rows.getLong(1);
                connection.rollback();
                return count;
            }
        }
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        assertNotNull(null, "no SQLException in " + failure);
        return null;
    }
}
