package dev.tenantdao.samples.softdelete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.OptimisticLockException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A soft delete and a restore change a versioned row like an update does: each moves its
 * {@code @Version} on, so a copy read before either is stale (an outside trial found a copy read
 * before a delete still updating the row after its restore).
 */
class SoftDeleteVersionTest {

    @Test
    void aSoftDeleteAndARestoreMoveTheVersionOn() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("soft_versioned"), VersionedTicket.class);
        VersionedTicketDao tickets = new VersionedTicketDao(
                new Database(server.applicationRole("tenantdao_app", "soft_versioned")));
        TenantContext.runAs("acme", () -> {
            VersionedTicket read = tickets.insert(new VersionedTicket(1, "printer", 0));
            tickets.delete(read);
            assertTrue(tickets.restore(1));
            VersionedTicket restored = tickets.findById(1).orElseThrow();
            assertEquals(read.version() + 2, restored.version(), "the delete and the restore each add one");
            OptimisticLockException stale = assertThrows(OptimisticLockException.class,
                    () -> tickets.update(new VersionedTicket(1, "stale", read.version())));
            assertEquals(read.version(), ((Number) stale.expectedVersion()).intValue());
            assertEquals(restored.version(), ((Number) stale.actualVersion()).intValue());
            assertEquals("printer", tickets.findById(1).orElseThrow().subject(), "the stale copy changed nothing");
            List<HistoryEntry<VersionedTicket>> history = tickets.history(1);
            // newest first
            assertEquals(List.of(HistoryEntry.Operation.RESTORE, HistoryEntry.Operation.DELETE,
                    HistoryEntry.Operation.INSERT), history.stream().map(HistoryEntry::operation).toList());
            assertEquals(List.of(read.version() + 2, read.version() + 1, read.version()),
                    history.stream().map(entry -> entry.entity().version()).toList(), "the row's version at each change");
        });
    }
}
