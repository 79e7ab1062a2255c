package dev.tenantdao.samples.benefits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.benefits.Perk.Flight;
import dev.tenantdao.samples.benefits.Perk.Meal;
import dev.tenantdao.samples.benefits.Perk.Train;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An intermediate level of a joined hierarchy whose tables all live in each tenant's own schema. */
class SchemaPerTenantLevelTest {

    private static DataSource dataSource;
    private static PerkDao perks;
    private static Perk_TravelDao travel;

    @BeforeAll
    static void tenants() {
        dataSource = Postgres.shared().freshSchema("perks_shared");
        Database database = Database.builder(dataSource).schemaMapping(tenant -> "perks_" + tenant).build();
        for (String tenant : List.of("acme", "globex")) {
            Postgres.shared().dropSchema("perks_" + tenant);
            database.createTenant(tenant, Perk.class);
        }
        perks = new PerkDao(database);
        travel = new Perk_TravelDao(database);
    }

    @Test
    void theLevelsDaoReadsAndWritesItsSubtypesInTheTenantsSchemaOnly() throws SQLException {
        Train train = new Train(UUID.randomUUID(), "Ann", 1);
        Flight flight = new Flight(UUID.randomUUID(), "Bob", "KLM");
        Meal meal = new Meal(UUID.randomUUID(), "Cy", 1500);
        TenantContext.runAs("acme", () -> {
            travel.insertAll(List.of(train, flight));
            perks.insert(meal);
        });
        TenantContext.runAs("globex", () -> travel.insert(new Train(UUID.randomUUID(), "Dee", 2)));
        List<Perk.Travel> read = TenantContext.callAs("acme", () -> travel.findAll(10, 0));
        assertEquals(2, read.size());
        assertTrue(read.containsAll(List.of(train, flight)), () -> "read " + read);
        assertEquals(3, TenantContext.callAs("acme", () -> perks.count()));
        assertEquals(1, TenantContext.callAs("globex", () -> travel.count()));
        assertTrue(TenantContext.callAs("globex", () -> travel.findById(train.id())).isEmpty());
        assertTrue(TenantContext.callAs("acme", () -> travel.findById(meal.id())).isEmpty(), "a meal is no travel");

        Train upgraded = new Train(train.id(), "Ann", 2);
        assertEquals(upgraded, TenantContext.callAs("acme", () -> travel.update(upgraded)));
        assertEquals(List.of(2, 1), TenantContext.callAs("acme", () -> travel.history(train.id())).stream()
                .map(entry -> ((Train) entry.entity()).travelClass()).toList());
        assertFalse(TenantContext.callAs("globex", () -> travel.deleteById(flight.id())));
        assertTrue(TenantContext.callAs("acme", () -> travel.deleteById(flight.id())));
        assertEquals(List.of(upgraded), TenantContext.callAs("acme", () -> travel.findAll(10, 0)));
        assertEquals(1, count("SELECT count(*) FROM perks_acme.train_perk WHERE travel_class = 2"));
        assertEquals(0, count("SELECT count(*) FROM perks_acme.flight_perk"), "deleted with its root row");
        assertEquals(1, count("SELECT count(*) FROM perks_globex.train_perk"));
    }

    private static int count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
