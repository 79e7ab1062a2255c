package dev.tenantdao.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated DAOs on PostgreSQL, as the application role, with the listener registered on the
 * {@code Database}: what a SimpleMeterRegistry holds after real statements, a unique violation and a
 * shared entity's statements among them.
 */
class MicrometerOnPostgresTest {

    private static DataSource app;

    @BeforeAll
    static void schema() {
        DataSource owner = Postgres.shared().freshSchema("metrics_e2e");
        Schema.create(owner, Country.class, Ticket.class);
        app = Postgres.shared().applicationRole("tenantdao_app", "metrics_e2e");
    }

    private static Timer timer(MeterRegistry registry, String operation, String outcome) {
        return registry.get("tenantdao.statements").tag("operation", operation).tag("outcome", outcome).timer();
    }

    private static Timer tenantTimer(MeterRegistry registry, String tenant, String outcome) {
        return registry.get("tenantdao.tenant.statements").tag("tenant", tenant).tag("outcome", outcome).timer();
    }

    @Test
    void everyStatementIsTimedByOperationAndOutcomeAndByTenantUpToTheBound() {
        MeterRegistry registry = new SimpleMeterRegistry();
        Database database = Database.builder(app)
                .statementListener(MicrometerStatementListener.builder(registry).tenantTags(2).build())
                .build();
        TicketDao tickets = new TicketDao(database);
        CountryDao countries = new CountryDao(database);

        countries.insert(new Country("PT", "Portugal"));
        countries.insert(new Country("NO", "Norway"));
        assertEquals(2, countries.findAll(10, 0).size());
        TenantContext.runAs("acme", () -> {
            Ticket first = tickets.insert(Ticket.of("T-1", "printer on fire"));
            tickets.insert(Ticket.of("T-2", "no coffee"));
            assertTrue(tickets.findById(first.id()).isPresent());
            DataAccessException duplicate = assertThrows(DataAccessException.class,
                    () -> tickets.insert(Ticket.of("T-1", "the same number again")));
            assertEquals("23505", duplicate.sqlState());
        });
        TenantContext.runAs("globex", () -> tickets.insert(Ticket.of("T-1", "globex's own T-1")));
        TenantContext.runAs("initech", () -> {
            tickets.insert(Ticket.of("T-1", "initech's"));
            assertEquals(1, tickets.count());
        });

        assertEquals(4, timer(registry, "Ticket.insert", "success").count());
        assertEquals(1, timer(registry, "Ticket.insert", "failure").count());
        assertEquals(1, timer(registry, "Ticket.findById", "success").count());
        assertEquals(1, timer(registry, "Ticket.count", "success").count());
        assertEquals(2, timer(registry, "Country.insert", "success").count());
        assertEquals(1, timer(registry, "Country.findAll", "success").count());
        Timer failed = timer(registry, "Ticket.insert", "failure");
        assertEquals("Ticket", failed.getId().getTag("entity"));
        assertEquals("row", failed.getId().getTag("strategy"));
        assertEquals("shared", timer(registry, "Country.findAll", "success").getId().getTag("strategy"));
        assertEquals(6, registry.get("tenantdao.statements").timers().size(), "one timer per operation and outcome");

        // acme and globex came first and have their own tag; initech is beyond the bound of 2
        assertEquals(3, tenantTimer(registry, "acme", "success").count());
        assertEquals(1, tenantTimer(registry, "acme", "failure").count());
        assertEquals(1, tenantTimer(registry, "globex", "success").count());
        assertEquals(2, tenantTimer(registry, "other", "success").count());
        Set<String> tenantTags = registry.get("tenantdao.tenant.statements").meters().stream().map(Meter::getId)
                .map(id -> id.getTag("tenant")).collect(Collectors.toSet());
        assertEquals(Set.of("acme", "globex", "other"), tenantTags, "the shared entity's statements are no tenant's");

        DistributionSummary insertedRows = registry.get("tenantdao.statements.rows").tag("operation", "Ticket.insert")
                .summary();
        assertEquals(4, insertedRows.count(), "the failed insert's rows are unknown");
        assertEquals(4, insertedRows.totalAmount(), 0.0001);
        assertEquals(2, registry.get("tenantdao.statements.rows").tag("operation", "Country.findAll").summary()
                .totalAmount(), 0.0001);
        System.out.println(((SimpleMeterRegistry) registry).getMetersAsString());
    }
}
