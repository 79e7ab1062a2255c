package dev.tenantdao.samples.benefits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.HistoryEntry.Operation;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.benefits.Perk.Flight;
import dev.tenantdao.samples.benefits.Perk.Meal;
import dev.tenantdao.samples.benefits.Perk.Train;
import dev.tenantdao.testkit.Postgres;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@code findAllAsOf} of joined hierarchies: {@link Benefit} with row tenancy, as a role that owns
 * nothing (row-level security on every table), and {@link Perk} with a schema per tenant, where an
 * id deleted as one subtype is inserted again as another (one history, whose last version at a time
 * says what the row was then). The root's DAO reads every row as the subtype it was, a level's and a
 * subtype's their own rows; the history of a joined row needs no join (it holds every subtype's columns).
 */
class JoinedAsOfTest {

    @Test
    void rowTenancyUnderRowLevelSecurity() {
        Schema.create(Postgres.shared().freshSchema("benefits_as_of"), Benefit.class);
        DataSource app = Postgres.shared().applicationRole("tenantdao_app", "benefits_as_of");
        Database database = new Database(app);
        BenefitDao benefits = new BenefitDao(database);
        LeaveDao leaves = new LeaveDao(database);
        SickLeaveDao sick = new SickLeaveDao(database);
        ParentalLeaveDao parental = new ParentalLeaveDao(database);
        AllowanceDao allowances = new AllowanceDao(database);
        Leaves repository = new LeavesImpl(database);

        Instant before = now();
        SickLeave flu = acme(() -> sick.insert(new SickLeave("Ann", 3)));
        Leave baby = acme(() -> leaves.insert(new ParentalLeave("Bob", "Cy")));
        Benefit lunch = acme(() -> benefits.insert(new Allowance("Dee", 1200)));
        Leave cold = acme(() -> leaves.insert(new SickLeave("Eve", 1)));
        TenantContext.callAs("globex", () -> leaves.insert(new SickLeave("Theirs", 9)));
        Instant inserted = now();
        acme(() -> {
            flu.setDays(4);
            sick.update(flu);
            assertTrue(leaves.deleteById(baby.getId()));
            return null;
        });
        Instant deleted = now();
        acme(() -> {
            flu.setDays(5);
            benefits.update(flu);
            return parental.insert(new ParentalLeave("Fay", "Gil"));
        });
        Instant now = now();

        assertEquals(List.of(), acme(() -> describe(benefits.findAllAsOf(before, 10))));
        assertEquals(List.of("SickLeave Ann 3 days", "ParentalLeave Bob for Cy", "Allowance Dee 1200 cents",
                "SickLeave Eve 1 days"), acme(() -> describe(benefits.findAllAsOf(inserted, 10))),
                "every row as its subtype, its own columns from the history");
        assertEquals(List.of("SickLeave Ann 4 days", "Allowance Dee 1200 cents", "SickLeave Eve 1 days"),
                acme(() -> describe(benefits.findAllAsOf(deleted, 10))));
        assertEquals(acme(() -> describe(benefits.findAll(10, 0))), acme(() -> describe(benefits.findAllAsOf(now, 10))));
        assertEquals(List.of("SickLeave Ann 3 days", "ParentalLeave Bob for Cy", "SickLeave Eve 1 days"),
                acme(() -> describe(leaves.findAllAsOf(inserted, 10))), "the level: leaves only");
        assertEquals(List.of("SickLeave Ann 5 days", "SickLeave Eve 1 days", "ParentalLeave Fay for Gil"),
                acme(() -> describe(leaves.findAllAsOf(now, 10))));
        assertEquals(List.of("SickLeave Eve 1 days"), acme(() -> describe(leaves.findAllAsOf(deleted, flu.getId(), 5))),
                "after Ann: Bob deleted then, Dee's no leave");
        assertEquals(List.of("SickLeave Ann 4 days", "SickLeave Eve 1 days"),
                acme(() -> describe(sick.findAllAsOf(deleted, 10))), "a subtype: its own rows");
        assertEquals(List.of("ParentalLeave Bob for Cy"), acme(() -> describe(parental.findAllAsOf(inserted, 10))));
        assertEquals(List.of(), acme(() -> describe(parental.findAllAsOf(deleted, 10))));
        assertEquals(List.of("Allowance Dee 1200 cents"), acme(() -> describe(allowances.findAllAsOf(now, lunch.getId() - 1, 10))));
        assertEquals(List.of("SickLeave Theirs 9 days"), TenantContext.callAs("globex",
                () -> describe(benefits.findAllAsOf(now, 10))), "the other tenant's only");

        // the level's repository: cursored pages of the same past, the id as cursor
        CursoredPage<Leave> first = acme(() -> repository.findAllAsOf(inserted, PageRequest.ofSize(2)));
        assertEquals(List.of("SickLeave Ann 3 days", "ParentalLeave Bob for Cy"), describe(first.content()));
        CursoredPage<Leave> second = acme(() -> repository.findAllAsOf(inserted, first.nextPageRequest()));
        assertEquals(List.of("SickLeave Eve 1 days"), describe(second.content()));
        assertFalse(second.hasNext());
    }

    @Test
    void schemaPerTenantAcrossATypeChange() {
        DataSource shared = Postgres.shared().freshSchema("perks_as_of");
        Database database = Database.builder(shared).schemaMapping(tenant -> "perks_as_of_" + tenant).build();
        for (String tenant : List.of("acme", "globex")) {
            Postgres.shared().dropSchema("perks_as_of_" + tenant);
            database.createTenant(tenant, Perk.class);
        }
        PerkDao perks = new PerkDao(database);
        Perk_TravelDao travel = new Perk_TravelDao(database);
        Perk_TrainDao trains = new Perk_TrainDao(database);
        Perk_MealDao meals = new Perk_MealDao(database);
        Travels repository = new TravelsImpl(database);

        UUID changing = UUID.randomUUID();
        Train train = new Train(changing, "Ann", 1);
        Flight flight = new Flight(UUID.randomUUID(), "Bob", "KLM");
        Meal lunch = new Meal(UUID.randomUUID(), "Cy", 1500);
        acme(() -> {
            travel.insertAll(List.of(train, flight));
            return perks.insert(lunch);
        });
        TenantContext.callAs("globex", () -> perks.insert(new Train(changing, "Theirs", 2)));
        Instant inserted = now();
        acme(() -> {
            assertTrue(travel.deleteById(changing));
            return meals.insert(new Meal(changing, "Ann", 900));        // the same id again, now a meal
        });
        Instant changed = now();

        assertEquals(Set.of(train, flight, lunch), acme(() -> Set.copyOf(perks.findAllAsOf(inserted, 10))));
        assertEquals(Set.of(new Meal(changing, "Ann", 900), flight, lunch),
                acme(() -> Set.copyOf(perks.findAllAsOf(changed, 10))), "as of then, the row is a meal");
        assertEquals(Set.of(train, flight), acme(() -> Set.copyOf(travel.findAllAsOf(inserted, 10))));
        assertEquals(List.of(flight), acme(() -> travel.findAllAsOf(changed, 10)), "no longer travel");
        assertEquals(List.of(train), acme(() -> trains.findAllAsOf(inserted, 10)));
        assertEquals(List.of(), acme(() -> trains.findAllAsOf(changed, 10)));
        assertEquals(Set.of(new Meal(changing, "Ann", 900), lunch), acme(() -> Set.copyOf(meals.findAllAsOf(changed, 10))));
        assertEquals(List.of(lunch), acme(() -> meals.findAllAsOf(inserted, 10)), "not a meal yet");
        assertEquals(List.of(new Train(changing, "Theirs", 2)),
                TenantContext.callAs("globex", () -> perks.findAllAsOf(changed, 10)), "in the other tenant's schema");
        List<HistoryEntry<Perk>> lives = acme(() -> perks.history(changing));
        assertEquals(List.of(Operation.INSERT, Operation.DELETE, Operation.INSERT),
                lives.stream().map(HistoryEntry::operation).toList(), "one history across both lives");
        assertEquals(List.of(Meal.class, Train.class, Train.class),
                lives.stream().map(entry -> entry.entity().getClass()).toList());

        // keyset pages: the first row's id, then the rest after it
        List<Perk> all = acme(() -> perks.findAllAsOf(changed, 10));
        assertEquals(all.subList(0, 1), acme(() -> perks.findAllAsOf(changed, 1)));
        assertEquals(all.subList(1, 3), acme(() -> perks.findAllAsOf(changed, all.get(0).id(), 5)));
        CursoredPage<Perk.Travel> page = acme(() -> repository.findAllAsOf(inserted, PageRequest.ofSize(1)));
        assertEquals(1, page.content().size());
        assertEquals(Set.of(train, flight), Set.of(page.content().get(0),
                acme(() -> repository.findAllAsOf(inserted, page.nextPageRequest())).content().get(0)));
    }

    private static String describe(Benefit benefit) {
        String own = benefit instanceof SickLeave s ? s.getDays() + " days"
                : benefit instanceof ParentalLeave p ? "for " + p.getChild()
                : ((Allowance) benefit).getCents() + " cents";
        return benefit.getClass().getSimpleName() + " " + benefit.getHolder() + " " + own;
    }

    private static List<String> describe(List<? extends Benefit> benefits) {
        return benefits.stream().map(JoinedAsOfTest::describe).toList();
    }

    private static <X> X acme(Supplier<X> work) {
        return TenantContext.callAs("acme", work::get);
    }

    /** The database clock, which history rows use ({@code clock_timestamp()}). */
    static Instant now() {
        try (Connection c = Postgres.shared().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT clock_timestamp()")) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
