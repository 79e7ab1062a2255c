package dev.tenantdao.samples.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.ExternalTransactions;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantMismatchException;
import dev.tenantdao.runtime.TenantRouting;
import dev.tenantdao.samples.TestSchemas;
import dev.tenantdao.testkit.Postgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Inside the application's transaction (on the control database), a database-per-tenant DAO call
 * outside any block keeps its own connection, and one inside database.inTransaction is refused (its
 * rows could not be part of the block): never committed halfway (found by a review).
 */
class ExternalTransactionDatabasePerTenantTest {

    private static Document doc(String title) {
        return new Document(UUID.randomUUID(), title, title.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    @Test
    void aBlockInTheApplicationsTransactionRefusesWorkOnATenantsOwnDatabase() throws Exception {
        DataSource acmeDb = Postgres.shared().freshDatabase("tenantdao_external_acme");
        DataSource control = TestSchemas.invoicing("external_db_per_tenant");
        ThreadLocal<ExternalTransactions.ExternalTransaction> open = new ThreadLocal<>();
        Database database = Database.builder(control).routing(TenantRouting.of(Map.of("acme", acmeDb)))
                .externalTransactions(() -> Optional.ofNullable(open.get())).build();
        database.createTenant("acme", Document.class);
        DocumentDao documents = new DocumentDao(database);
        try (Connection app = control.getConnection()) {
            app.setAutoCommit(false);
            open.set(() -> app);
            try {
                TenantContext.runAs("acme", () -> documents.insert(doc("alone")));   // its own database, its own connection
                assertThrows(TenantMismatchException.class, () -> TenantContext.runAs("acme", () -> database.useTransaction(tx -> {
                    documents.insert(doc("in the block"));
                })));
            } finally {
                open.remove();
                app.rollback();
            }
        }
        assertEquals(1, TenantContext.callAs("acme", () -> documents.count()), "only the call outside the block");
    }
}
