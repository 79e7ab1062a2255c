package dev.tenantdao.samples.trial.vet;

import static dev.tenantdao.samples.trial.vet.Fee.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Changes;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "What did the clinic's client list look like on the day of the audit?": {@code findAllAsOf} on a
 * soft-deleted entity (deletes, restores, purges) and a hard-deleted one (a re-insert of the same id),
 * the repository's cursored pages of the past, and {@code Changes} across clients and pets.
 */
class VetAsOfTest {

    private static final String SCHEMA = "trial_vet_asof";
    private static DataSource admin;
    private static Database database;
    private static PetOwnerDao owners;
    private static PetDao pets;
    private static PetOwners desk;

    @BeforeAll
    static void schema() {
        Postgres server = Postgres.shared();
        admin = server.freshSchema(SCHEMA);
        Schema.create(admin, PetOwner.class, Pet.class);
        database = new Database(server.applicationRole("trial_vet_asof_app", SCHEMA));
        owners = new PetOwnerDao(database);
        pets = new PetDao(database);
        desk = new PetOwnersImpl(database);
    }

    @AfterAll
    static void drop() {
        Postgres.shared().dropSchema(SCHEMA);
    }

    private static <X> X at(String clinic, Supplier<X> work) {
        return TenantContext.callAs(clinic, work::get);
    }

    private static PetOwner owner(long id, String name) {
        return new PetOwner(id, name.toLowerCase() + "@mail", name, eur("5.00"));
    }

    private static List<String> names(List<PetOwner> rows) {
        return rows.stream().map(PetOwner::name).toList();
    }

    @Test
    void theClientListAsItWasAcrossDeletesRestoresAndPurges() throws SQLException {
        Instant before = now();
        at("a1", () -> owners.insertAll(List.of(owner(1, "Ann"), owner(2, "Bob"), owner(3, "Cy"))));
        Instant t1 = now();
        at("a1", () -> owners.update(owner(1, "Ann").withName("Anne")));
        at("a1", () -> owners.deleteById(2));
        Instant t2 = now();
        at("a1", () -> owners.restore(2));
        at("a1", () -> owners.purge(3));
        at("a1", () -> owners.insert(owner(4, "Dan")));
        Instant t3 = now();
        at("a2", () -> owners.insert(owner(1, "Zed")));
        Instant t4 = now();

        assertEquals(List.of(), at("a1", () -> owners.findAllAsOf(before, 10)), "nothing yet");
        assertEquals(List.of("Ann", "Bob", "Cy"), names(at("a1", () -> owners.findAllAsOf(t1, 10))));
        assertEquals(List.of("Anne", "Cy"), names(at("a1", () -> owners.findAllAsOf(t2, 10))), "Bob soft deleted then");
        assertEquals(List.of("Anne", "Bob", "Dan"), names(at("a1", () -> owners.findAllAsOf(t3, 10))),
                "Bob restored, Cy purged, Dan new");
        Instant later = now();
        assertEquals(names(at("a1", () -> owners.findAll(10, 0))), names(at("a1", () -> owners.findAllAsOf(later, 10))),
                "as of now: the live rows");
        assertEquals(List.of("Ann", "Bob"), names(at("a1", () -> owners.findAllAsOf(t1, 2))));
        assertEquals(List.of("Cy"), names(at("a1", () -> owners.findAllAsOf(t1, 2L, 2))), "keyset: after the last id");
        assertEquals(List.of("Dan"), names(at("a1", () -> owners.findAllAsOf(t3, 2L, 5))), "past the purged id 3");
        assertEquals(List.of(), at("a2", () -> owners.findAllAsOf(t3, 10)), "Zed came after t3");
        assertEquals(List.of("Zed"), names(at("a2", () -> owners.findAllAsOf(t4, 10))), "the other clinic: its own rows");
        assertThrows(NoTenantException.class, () -> owners.findAllAsOf(t3, 10));
    }

    @Test
    void theRepositoryPagesThroughThePastWithACursor() throws SQLException {
        at("a3", () -> owners.insertAll(List.of(owner(1, "Eli"), owner(2, "Flo"), owner(3, "Gus"))));
        Instant t = now();
        at("a3", () -> owners.deleteById(1));
        CursoredPage<PetOwner> first = at("a3", () -> desk.findAllAsOf(t, PageRequest.ofSize(2)));
        assertEquals(List.of("Eli", "Flo"), names(first.content()), "Eli was live then");
        assertTrue(first.hasNext());
        CursoredPage<PetOwner> second = at("a3", () -> desk.findAllAsOf(t, first.nextPageRequest()));
        assertEquals(List.of("Gus"), names(second.content()));
        assertThrows(RuntimeException.class, () -> at("a3", () -> desk.findAllAsOf(t, second.previousPageRequest())),
                "README: forward only, a previous-page request is refused");
    }

    @Test
    void aHardDeletedPetInsertedAgainIsAbsentInTheGap() throws SQLException {
        at("a4", () -> owners.insert(owner(1, "Hal")));
        at("a4", () -> pets.insert(new Pet(1, 1, "Rex", "dog", Weight.kg("30.0"))));
        Instant alive = now();
        assertTrue(at("a4", () -> pets.deleteById(1)));
        Instant gap = now();
        at("a4", () -> pets.insert(new Pet(1, 1, "Rex II", "dog", Weight.kg("4.2"))));
        assertEquals(List.of("Rex"), at("a4", () -> pets.findAllAsOf(alive, 10)).stream().map(Pet::name).toList());
        assertEquals(List.of(), at("a4", () -> pets.findAllAsOf(gap, 10)), "deleted by then, though inserted again later");
        Instant later = now();
        assertEquals(List.of(Weight.kg("4.2")), at("a4", () -> pets.findAllAsOf(later, 10)).stream().map(Pet::weight).toList());
        assertEquals(List.of(3L, 2L, 1L), at("a4", () -> pets.history(1)).stream().map(HistoryEntry::version).toList(),
                "one history across lives: INSERT, DELETE, INSERT");
    }

    @Test
    void changesAcrossClientsAndPetsInTransactionOrder() throws SQLException {
        Instant from = now();
        at("a5", () -> owners.insert(owner(1, "Ida")));
        TenantContext.runAs("a5", () -> database.useTransaction(tx -> {
            pets.insert(new Pet(1, 1, "Mia", "cat", Weight.kg("3.1")));
            owners.update(owner(1, "Ida").withName("Ida K"));
            pets.update(new Pet(1, 1, "Mia", "cat", Weight.kg("3.3")));
        }));
        at("a5", () -> owners.deleteById(1));
        Instant to = now();
        List<HistoryEntry<?>> day = at("a5", () -> Changes.inTransactionOrder(owners.changesBetween(from, to),
                pets.changesBetween(from, to)));
        assertEquals(List.of("PetOwner INSERT", "Pet INSERT", "PetOwner UPDATE", "Pet UPDATE", "PetOwner DELETE"),
                day.stream().map(e -> e.entity().getClass().getSimpleName() + " " + e.operation()).toList(),
                "transactions by their first change, each in the order its changes were made");
        Map<Long, List<HistoryEntry<?>>> byTransaction = Changes.byTransaction(day);
        assertEquals(3, byTransaction.size());
        long together = day.get(1).transactionId();
        assertEquals(3, byTransaction.get(together).size());
        List<HistoryEntry<?>> one = at("a5", () -> Changes.inTransactionOrder(owners.changesInTransaction(together),
                pets.changesInTransaction(together)));
        assertEquals(day.subList(1, 4), one, "what that one transaction changed");
        assertFalse(at("a6", () -> owners.changesInTransaction(together)).size() > 0, "not another clinic's");
    }

    private static Instant now() throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT clock_timestamp()")) {
            rows.next();
            return rows.getTimestamp(1).toInstant();
        }
    }
}
