package dev.tenantdao.samples.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.SchemaMismatchException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * An embedded value in a schema-per-tenant entity that is also audited and soft-deleted: each tenant's
 * schema has the value's columns (verified), queries name them by path and in native SQL, deletes
 * mark rows and history keeps the value.
 */
class EmbeddedSchemaPerTenantTest {

    private static <X> X as(String tenant, Supplier<X> work) {
        return TenantContext.callAs(tenant, work::get);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    @Test
    void eachTenantsSchemaHoldsTheValuesColumns() {
        Postgres server = Postgres.shared();
        Database database = Database.builder(server.freshSchema("embedded_schema"))
                .schemaMapping(tenant -> "embedded_schema_" + tenant).build();
        for (String tenant : List.of("acme", "globex")) {
            server.dropSchema("embedded_schema_" + tenant);
            database.createTenant(tenant, Estimate.class);
            // verified against every schema-per-tenant entity of this module: only the others' tables are missing
            List<String> mismatches = assertThrows(SchemaMismatchException.class, () -> database.verifyTenant(tenant))
                    .mismatches();
            assertTrue(mismatches.stream().noneMatch(m -> m.contains("estimate")), mismatches::toString);
            assertTrue(mismatches.stream().allMatch(m -> m.endsWith("missing in schema embedded_schema_" + tenant)),
                    mismatches::toString);
        }
        EstimateDao estimates = new EstimateDao(database);
        Estimates repository = new EstimatesImpl(database);
        Estimate roof = new Estimate(1, "roof", eur("1200.00"));
        Estimate paint = new Estimate(2, "paint", new Money(new BigDecimal("300.00"), "USD"));
        Estimate open = new Estimate(3, "open", null);
        assertEquals(List.of(roof, paint, open), as("acme", () -> estimates.insertAll(List.of(roof, paint, open))));
        Estimate theirs = new Estimate(1, "theirs", eur("5.00"));
        as("globex", () -> estimates.insert(theirs));

        assertEquals(List.of(paint, roof), as("acme", () -> repository.atLeast(new BigDecimal("100"))));
        assertEquals(List.of(roof), as("acme", () -> repository.inCurrency("EUR")));
        assertEquals(List.of(theirs), as("globex", () -> repository.inCurrency("EUR")));
        assertEquals(Optional.of(open), as("acme", () -> estimates.findById(3)));

        assertTrue(as("acme", () -> estimates.deleteById(1)));
        assertEquals(List.of(), as("acme", () -> repository.inCurrency("EUR")), "a deleted row is not live");
        assertEquals(List.of(paint), as("acme", () -> repository.atLeast(new BigDecimal("100"))));
        assertEquals(List.of(roof, roof), as("acme", () -> estimates.history(1)).stream().map(HistoryEntry::entity)
                .toList(), "the delete's history row keeps the value");
        assertEquals(Optional.of(roof), as("acme", () -> estimates.findDeletedById(1)));
    }
}
