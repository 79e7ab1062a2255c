package dev.tenantdao.samples.benefits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.benefits.Perk.Flight;
import dev.tenantdao.samples.benefits.Perk.Meal;
import dev.tenantdao.samples.benefits.Perk.Train;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Repositories of intermediate levels of joined hierarchies: {@link Leaves} (row tenancy, as a
 * role that owns nothing: row-level security on every table) and {@link Travels} (a schema per
 * tenant). Their queries join the tables of the level's subtypes only and read the level's rows
 * only, each as its subtype; their writes are the subtype's DAO's (both tables in one statement).
 */
class LevelRepositoriesTest {

    @Test
    void aJoinedLevelsRepositoryUnderRowLevelSecurity() {
        Schema.create(Postgres.shared().freshSchema("benefits_level_repository"), Benefit.class);
        RecordingDataSource app = new RecordingDataSource(
                Postgres.shared().applicationRole("tenantdao_app", "benefits_level_repository"));
        Database database = new Database(app);
        Leaves leaves = new LeavesImpl(database);
        BenefitDao benefits = new BenefitDao(database);
        for (String tenant : List.of("globex", "acme")) {
            TenantContext.runAs(tenant, () -> {
                leaves.add(new SickLeave("Ann", 3));
                leaves.add(new ParentalLeave("Bob", "Cy"));
                benefits.insert(new Allowance("Ann", 100));
                leaves.add(new SickLeave("Abe", 2));
            });
        }
        app.reset();

        assertEquals(List.of("SickLeave Ann 3 days"), describe(acme(() -> leaves.ofHolder("Ann"))),
                "not Ann's allowance, nor the other tenant's leave");
        assertEquals(1, app.statements().size(), app.statements().toString());
        String sql = app.statements().get(0);
        assertTrue(sql.contains("LEFT JOIN sick_leave") && sql.contains("LEFT JOIN parental_leave")
                && !sql.contains("allowance") && sql.contains("kind IN ('sick', 'parental')"), sql);
        assertEquals(List.of("SickLeave Abe 2 days", "SickLeave Ann 3 days"),
                describe(acme(() -> leaves.findByHolderStartsWithOrderByHolderAscIdAsc("A"))));
        Page<Leave> page = acme(() -> leaves.allBut("Abe", PageRequest.ofSize(1)));
        assertEquals(List.of("SickLeave Ann 3 days"), describe(page.content()));
        assertEquals(2, page.totalElements());
        assertEquals(List.of("ParentalLeave Bob for Cy"),
                describe(acme(() -> leaves.allBut("Abe", page.nextPageRequest())).content()));
        CursoredPage<Leave> first = acme(() -> leaves.inIdOrder(PageRequest.ofSize(2)));
        assertEquals(List.of("SickLeave Ann 3 days", "ParentalLeave Bob for Cy"), describe(first.content()));
        assertEquals(List.of("SickLeave Abe 2 days"),
                describe(acme(() -> leaves.inIdOrder(first.nextPageRequest())).content()));
        assertEquals(1, acme(() -> leaves.countByHolder("Ann")));
        assertTrue(acme(() -> leaves.existsByHolder("Bob")));
        try (Stream<Leave> all = acme(() -> leaves.everyLeave())) {
            assertEquals(3, all.count());
        }
        Benefit allowance = acme(() -> benefits.findAll(10, 0)).stream().filter(Allowance.class::isInstance)
                .findFirst().orElseThrow();
        assertTrue(acme(() -> leaves.findById(allowance.getId())).isEmpty(), "an allowance is no leave");

        SickLeave ann = (SickLeave) first.content().get(0);
        ann.setDays(6);
        List<Leave> stored = acme(() -> leaves.store(List.of(ann, new ParentalLeave("Dee", "Eli"))));
        assertEquals(List.of("SickLeave Ann 6 days", "ParentalLeave Dee for Eli"), describe(stored));
        acme(() -> {
            leaves.remove(first.content().get(1));
            leaves.deleteById(allowance.getId());          // not the level's row: left alone
            return null;
        });
        assertTrue(acme(() -> benefits.existsById(allowance.getId())));
        assertEquals(List.of("SickLeave Ann 6 days", "SickLeave Abe 2 days", "ParentalLeave Dee for Eli"),
                describe(acme(() -> leaves.everyLeave().toList())));
        assertEquals(List.of("SickLeave Ann 3 days"), describe(TenantContext.callAs("globex",
                () -> leaves.ofHolder("Ann"))), "the other tenant's, untouched");

        app.reset();
        List<Runnable> calls = List.of(() -> leaves.ofHolder("Ann"), () -> leaves.countByHolder("Ann"),
                () -> leaves.existsByHolder("Ann"), () -> leaves.everyLeave(), () -> leaves.add(new SickLeave("X", 1)),
                () -> leaves.inIdOrder(PageRequest.ofSize(1)), () -> leaves.findById(1L), () -> leaves.deleteById(1L));
        for (Runnable call : calls) {
            assertThrows(NoTenantException.class, call::run);
        }
        assertEquals(List.of(), app.statements(), "no SQL without a tenant");
    }

    @Test
    void aJoinedLevelsRepositoryInTheTenantsSchema() {
        DataSource shared = Postgres.shared().freshSchema("travels_repository");
        Database database = Database.builder(shared).schemaMapping(tenant -> "travels_repository_" + tenant).build();
        for (String tenant : List.of("acme", "globex")) {
            Postgres.shared().dropSchema("travels_repository_" + tenant);
            database.createTenant(tenant, Perk.class);
        }
        Travels travels = new TravelsImpl(database);
        PerkDao perks = new PerkDao(database);
        Train train = new Train(UUID.randomUUID(), "Ann", 1);
        Flight flight = new Flight(UUID.randomUUID(), "Ann", "KLM");
        Meal meal = new Meal(UUID.randomUUID(), "Ann", 1500);
        acme(() -> {
            travels.insertAll(List.of(train, flight));
            return perks.insert(meal);
        });
        TenantContext.callAs("globex", () -> travels.insert(new Train(UUID.randomUUID(), "Ann", 2)));

        assertEquals(Set.of(train, flight), Set.copyOf(acme(() -> travels.ofHolder("Ann"))), "not the meal");
        assertEquals(2, acme(() -> travels.countStartingWith("An")));
        assertEquals(1, TenantContext.callAs("globex", () -> travels.countStartingWith("An")));
        assertTrue(acme(() -> travels.findById(meal.id())).isEmpty());
        Train upgraded = new Train(train.id(), "Ann", 2);
        assertEquals(upgraded, acme(() -> travels.save(upgraded)));
        acme(() -> {
            travels.delete(flight);
            travels.deleteById(meal.id());                 // a meal: not the level's row
            return null;
        });
        assertEquals(List.of(upgraded), acme(() -> travels.findAll().toList()));
        assertTrue(acme(() -> perks.existsById(meal.id())));
        assertFalse(TenantContext.callAs("globex", () -> travels.findById(train.id())).isPresent());
    }

    private static String describe(Benefit benefit) {
        String own = benefit instanceof SickLeave s ? s.getDays() + " days"
                : benefit instanceof ParentalLeave p ? "for " + p.getChild()
                : ((Allowance) benefit).getCents() + " cents";
        return benefit.getClass().getSimpleName() + " " + benefit.getHolder() + " " + own;
    }

    private static List<String> describe(List<? extends Benefit> benefits) {
        return benefits.stream().map(LevelRepositoriesTest::describe).toList();
    }

    private static <X> X acme(Supplier<X> work) {
        return TenantContext.callAs("acme", work::get);
    }
}
