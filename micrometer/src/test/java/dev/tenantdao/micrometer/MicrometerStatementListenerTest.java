package dev.tenantdao.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.StatementEvent;
import dev.tenantdao.runtime.StatementEvent.Outcome;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The listener fed events directly, as the runtime calls it: what lands in a SimpleMeterRegistry. */
class MicrometerStatementListenerTest {

    private static StatementEvent event(String operation, String tenant, long rows, Outcome outcome, long millis) {
        String entity = operation.substring(0, operation.indexOf('.'));
        return new StatementEvent(operation, entity, tenant, tenant == null ? "SHARED" : "ROW",
                "SELECT id FROM " + entity.toLowerCase() + " WHERE tenant_id = ? AND id = ?", Duration.ofMillis(millis),
                rows, outcome, outcome == Outcome.FAILURE ? "23505" : null);
    }

    private static Timer timer(SimpleMeterRegistry registry, String operation, String outcome) {
        return registry.get(MicrometerStatementListener.STATEMENTS).tag("operation", operation).tag("outcome", outcome)
                .timer();
    }

    @Test
    void oneTimerPerOperationAndOutcomeWithExactCountsAndTotals() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerStatementListener listener = MicrometerStatementListener.of(registry);

        listener.onStatement(event("Invoice.findById", "acme", 1, Outcome.SUCCESS, 3));
        listener.onStatement(event("Invoice.findById", "globex", 0, Outcome.SUCCESS, 4));
        listener.onStatement(event("Invoice.findById", "acme", 1, Outcome.SUCCESS, 5));
        listener.onStatement(event("Invoice.insert", "acme", -1, Outcome.FAILURE, 7));
        listener.onStatement(event("Invoice.insert", "acme", 1, Outcome.SUCCESS, 2));
        listener.onStatement(event("Currency.findAll", null, 3, Outcome.SUCCESS, 1));

        Timer found = timer(registry, "Invoice.findById", "success");
        assertEquals(3, found.count());
        assertEquals(12, found.totalTime(TimeUnit.MILLISECONDS), 0.0001);
        assertEquals("Invoice", found.getId().getTag("entity"));
        assertEquals("row", found.getId().getTag("strategy"));
        assertEquals(1, timer(registry, "Invoice.insert", "failure").count());
        assertEquals(7, timer(registry, "Invoice.insert", "failure").totalTime(TimeUnit.MILLISECONDS), 0.0001);
        assertEquals(1, timer(registry, "Invoice.insert", "success").count());
        Timer shared = timer(registry, "Currency.findAll", "success");
        assertEquals(1, shared.count());
        assertEquals("shared", shared.getId().getTag("strategy"));

        assertEquals(4, registry.find(MicrometerStatementListener.STATEMENTS).timers().size(),
                "one timer per operation and outcome, however many tenants");
        assertEquals(Set.of("operation", "entity", "strategy", "outcome"),
                registry.get(MicrometerStatementListener.STATEMENTS).meters().stream()
                        .flatMap(meter -> meter.getId().getTags().stream()).map(tag -> tag.getKey())
                        .collect(Collectors.toSet()),
                "no tenant tag unless switched on");
        assertTrue(registry.find(MicrometerStatementListener.TENANT_STATEMENTS).meters().isEmpty());
        assertTrue(registry.find(MicrometerStatementListener.TENANT_ROWS).meters().isEmpty());
    }

    @Test
    void rowsPerStatementLeaveOutStatementsWhoseRowsAreUnknown() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerStatementListener listener = MicrometerStatementListener.of(registry);
        listener.onStatement(event("Invoice.findAll", "acme", 10, Outcome.SUCCESS, 1));
        listener.onStatement(event("Invoice.findAll", "acme", 4, Outcome.SUCCESS, 1));
        listener.onStatement(event("Invoice.findAll", "acme", -1, Outcome.FAILURE, 1));

        DistributionSummary rows = registry.get(MicrometerStatementListener.ROWS).tag("operation", "Invoice.findAll")
                .summary();
        assertEquals(2, rows.count());
        assertEquals(14, rows.totalAmount(), 0.0001);
        assertEquals(10, rows.max(), 0.0001);
        assertEquals("rows", rows.getId().getBaseUnit());
        assertEquals(3, registry.get(MicrometerStatementListener.STATEMENTS).timers().stream()
                .mapToLong(Timer::count).sum());
    }

    @Test
    void rowsCanBeSwitchedOff() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerStatementListener listener = MicrometerStatementListener.builder(registry).rows(false).tenantTags(5).build();
        listener.onStatement(event("Invoice.findAll", "acme", 10, Outcome.SUCCESS, 1));
        assertNull(registry.find(MicrometerStatementListener.ROWS).meter());
        assertNull(registry.find(MicrometerStatementListener.TENANT_ROWS).meter());
        assertEquals(1, registry.get(MicrometerStatementListener.TENANT_STATEMENTS).tag("tenant", "acme").timer().count());
    }

    @Test
    void perTenantTimersCountEachTenantsStatementsByOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerStatementListener listener = MicrometerStatementListener.builder(registry).tenantTags(10).build();
        for (int i = 0; i < 5; i++) {
            listener.onStatement(event("Invoice.findById", "acme", 1, Outcome.SUCCESS, 2));
        }
        listener.onStatement(event("Invoice.insert", "acme", -1, Outcome.FAILURE, 2));
        listener.onStatement(event("Invoice.findById", "globex", 1, Outcome.SUCCESS, 2));
        listener.onStatement(event("Invoice.findAll", "globex", 30, Outcome.SUCCESS, 9));
        listener.onStatement(event("Currency.findAll", null, 3, Outcome.SUCCESS, 1));

        assertEquals(5, tenantTimer(registry, "acme", "success").count());
        assertEquals(1, tenantTimer(registry, "acme", "failure").count());
        assertEquals(2, tenantTimer(registry, "globex", "success").count());
        assertEquals(11, tenantTimer(registry, "globex", "success").totalTime(TimeUnit.MILLISECONDS), 0.0001);
        assertEquals(3, registry.find(MicrometerStatementListener.TENANT_STATEMENTS).timers().size(),
                "the shared entity's statement is no tenant's");
        assertEquals(31, registry.get(MicrometerStatementListener.TENANT_ROWS).tag("tenant", "globex").summary()
                .totalAmount(), 0.0001);
        assertEquals(5, registry.get(MicrometerStatementListener.TENANT_ROWS).tag("tenant", "acme").summary().count(),
                "the failure's rows are unknown");
        // the per-operation timer has no tenant tag even now: tenants are never multiplied by operations
        assertTrue(registry.get(MicrometerStatementListener.STATEMENTS).meters().stream()
                .allMatch(meter -> meter.getId().getTag("tenant") == null));
    }

    @Test
    void beyondTheBoundTenantsAreRecordedAsOtherAndTheFirstKeepTheirTags() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerStatementListener listener = MicrometerStatementListener.builder(registry).tenantTags(3).build();
        for (int t = 1; t <= 10; t++) {
            for (int i = 0; i < t; i++) {       // tenant t sends t statements
                listener.onStatement(event("Invoice.findById", "tenant" + t, 1, Outcome.SUCCESS, 1));
            }
        }
        listener.onStatement(event("Invoice.findById", "tenant2", 1, Outcome.SUCCESS, 1));   // still tagged

        assertEquals(Set.of("tenant1", "tenant2", "tenant3"), listener.taggedTenants());
        Set<String> tagValues = registry.get(MicrometerStatementListener.TENANT_STATEMENTS).meters().stream()
                .map(Meter::getId).map(id -> id.getTag("tenant")).collect(Collectors.toSet());
        assertEquals(Set.of("tenant1", "tenant2", "tenant3", "other"), tagValues, "at most 3 tenants + other");
        assertEquals(1, tenantTimer(registry, "tenant1", "success").count());
        assertEquals(3, tenantTimer(registry, "tenant2", "success").count());
        assertEquals(3, tenantTimer(registry, "tenant3", "success").count());
        assertEquals(4 + 5 + 6 + 7 + 8 + 9 + 10, tenantTimer(registry, "other", "success").count());
        assertEquals(56, timer(registry, "Invoice.findById", "success").count(), "every statement in the timer");
    }

    @Test
    void aBoundOfOneAndANegativeBound() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerStatementListener listener = MicrometerStatementListener.builder(registry).tenantTags(1).build();
        listener.onStatement(event("Invoice.findById", "b", 1, Outcome.SUCCESS, 1));
        listener.onStatement(event("Invoice.findById", "a", 1, Outcome.FAILURE, 1));
        assertEquals(1, tenantTimer(registry, "b", "success").count());
        assertEquals(1, tenantTimer(registry, "other", "failure").count());
        assertThrows(IllegalArgumentException.class, () -> MicrometerStatementListener.builder(registry).tenantTags(-1));
    }

    @Test
    void theBoundHoldsUnderConcurrentTenants() throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerStatementListener listener = MicrometerStatementListener.builder(registry).tenantTags(5).build();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            int offset = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    listener.onStatement(event("Invoice.findById", "t" + ((i + offset) % 40), 1, Outcome.SUCCESS, 1));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(5, listener.taggedTenants().size());
        assertEquals(6, registry.get(MicrometerStatementListener.TENANT_STATEMENTS).timers().size());
        assertEquals(1600, registry.get(MicrometerStatementListener.TENANT_STATEMENTS).timers().stream()
                .mapToLong(Timer::count).sum());
    }

    private static Timer tenantTimer(SimpleMeterRegistry registry, String tenant, String outcome) {
        return registry.get(MicrometerStatementListener.TENANT_STATEMENTS).tag("tenant", tenant).tag("outcome", outcome)
                .timer();
    }
}
