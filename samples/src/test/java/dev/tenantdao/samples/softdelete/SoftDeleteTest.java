package dev.tenantdao.samples.softdelete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry.Operation;
import dev.tenantdao.runtime.RowDeletedException;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantRouting;
import dev.tenantdao.samples.softdelete.TicketStore.T;
import dev.tenantdao.testkit.Postgres;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every generated DAO method and every kind of repository method of a {@code @SoftDelete} entity, on
 * PostgreSQL, in each tenancy strategy: deletes mark rows, every other statement sees live rows
 * only, unique columns are unique among live rows, the explicit methods (restore, findDeleted*,
 * purge) reach deleted rows of the current tenant only, and the history records DELETE, RESTORE and
 * PURGE.
 */
class SoftDeleteTest {

    @Test
    void rowStrategy() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("soft_row"), RowTicket.class);
        // as the application connects: a role that owns nothing, under row-level security
        Database database = new Database(server.applicationRole("tenantdao_app", "soft_row"));
        scenario(TicketStore.of(new RowTicketDao(database), new RowTicketsImpl(database)));
    }

    @Test
    void schemaPerTenant() {
        Postgres server = Postgres.shared();
        Database database = Database.builder(server.freshSchema("soft_schema"))
                .schemaMapping(tenant -> "soft_schema_" + tenant).build();
        for (String tenant : List.of("acme", "globex")) {
            server.dropSchema("soft_schema_" + tenant);
            database.createTenant(tenant, SchemaTicket.class);
        }
        scenario(TicketStore.of(new SchemaTicketDao(database), new SchemaTicketsImpl(database)));
    }

    @Test
    void databasePerTenant() {
        Postgres server = Postgres.shared();
        Map<String, DataSource> databases = Map.of("acme", server.freshDatabase("soft_db_acme"),
                "globex", server.freshDatabase("soft_db_globex"));
        Database database = Database.builder(server.freshSchema("soft_database"))
                .routing(TenantRouting.of(databases)).build();
        for (String tenant : databases.keySet()) {
            database.createTenant(tenant, DatabaseTicket.class);
        }
        scenario(TicketStore.of(new DatabaseTicketDao(database), new DatabaseTicketsImpl(database)));
    }

    private static <X> X acme(Supplier<X> work) {
        return TenantContext.callAs("acme", work::get);
    }

    private static <X> X globex(Supplier<X> work) {
        return TenantContext.callAs("globex", work::get);
    }

    private static void scenario(TicketStore store) {
        T one = new T(1, "T-1", "printer");
        T two = new T(2, "T-2", "printer");
        T three = new T(3, "T-3", "vpn");
        acme(() -> List.of(store.insert(one), store.insert(two), store.insert(three)));
        T theirs = new T(1, "T-1", "theirs");
        globex(() -> store.insert(theirs));

        // a delete marks the row; every generated read, count, exists and write then misses it
        assertTrue(acme(() -> store.deleteById(1)));
        assertFalse(acme(() -> store.deleteById(1)), "deleted once: no live row to delete");
        assertEquals(Optional.empty(), acme(() -> store.findById(1)));
        assertFalse(acme(() -> store.existsById(1)));
        assertEquals(2, acme(store::count));
        assertEquals(List.of(two, three), acme(store::findAll));
        assertEquals(List.of(two, three), acme(() -> store.findAllAfter(0)));
        assertThrows(RowNotFoundException.class, () -> acme(() -> store.update(new T(1, "T-1", "changed"))));
        assertThrows(RowNotFoundException.class, () -> acme(() -> {
            store.delete(one);
            return null;
        }));
        assertThrows(RowDeletedException.class, () -> acme(() -> store.upsert(new T(1, "T-1", "again"))),
                "an upsert sees live rows only, and the id is still taken");
        // the other tenant's row with the same id is untouched
        assertEquals(Optional.of(theirs), globex(() -> store.findById(1)));

        // the explicit methods reach the deleted row, in its own tenant only
        assertEquals(Optional.of(one), acme(() -> store.findDeletedById(1)));
        assertEquals(Optional.empty(), acme(() -> store.findDeletedById(2)), "a live row is not deleted");
        assertEquals(List.of(one), acme(store::findAllDeleted));
        assertEquals(List.of(), globex(store::findAllDeleted));
        assertEquals(Optional.empty(), globex(() -> store.findDeletedById(1)));
        assertFalse(globex(() -> store.restore(1)), "another tenant's deleted row");
        assertFalse(globex(() -> store.purge(3)), "another tenant's row");

        // unique among live rows: the deleted row's number can be taken, and upserts meet live rows only
        T reuse = new T(10, "T-1", "new printer");
        assertEquals(reuse, acme(() -> store.insert(reuse)));
        assertEquals(new T(2, "T-2", "toner"), acme(() -> store.upsertByNumber(new T(11, "T-2", "toner"))));
        assertEquals(new T(12, "T-1", "taken"), acme(() -> {
            store.deleteById(10);
            return store.upsertByNumber(new T(12, "T-1", "taken"));     // both rows holding T-1 are deleted: an insert
        }));
        // a restore that would make two live rows share a number is refused by the partial unique index
        assertThrows(DataAccessException.class, () -> acme(() -> store.restore(1)));
        assertTrue(acme(() -> store.purge(12)));
        assertTrue(acme(() -> store.restore(1)));
        assertFalse(acme(() -> store.restore(1)), "live again: nothing to restore");
        assertEquals(Optional.of(one), acme(() -> store.findById(1)));
        assertEquals(new T(1, "T-1", "restored"), acme(() -> store.update(new T(1, "T-1", "restored"))));

        // repository methods: the same live rows
        assertTrue(acme(() -> store.deleteById(3)));
        assertEquals(Optional.empty(), acme(() -> store.findByNumber("T-3")));
        assertFalse(acme(() -> store.existsByNumber("T-3")));
        assertEquals(0, acme(() -> store.countBySubject("vpn")));
        assertEquals(List.of(), acme(() -> store.findBySubject("vpn")));
        assertEquals(List.of(), acme(() -> store.about("vpn")));
        assertFalse(acme(() -> store.retitle("T-3", "changed")), "a bulk update misses deleted rows");
        assertEquals(0, acme(() -> store.retitleAll("vpn", "changed")));
        assertEquals(Optional.of(three), acme(() -> store.findDeletedById(3)), "untouched while deleted");
        assertEquals(1, acme(() -> store.retitleAll("toner", "printer")));
        assertEquals(List.of(new T(2, "T-2", "printer")), acme(() -> store.findBySubject("printer")));
        assertEquals(1, acme(() -> store.deleteBySubject("printer")), "a derived bulk delete: a soft delete");
        assertEquals(0, acme(() -> store.deleteBySubject("printer")));
        assertEquals(1, acme(() -> store.close("T-1")), "@Delete: a soft delete");
        assertEquals(0, acme(store::count));
        assertEquals(List.of(1L, 2L, 3L, 10L), acme(store::findAllDeleted).stream().map(T::id).toList());
        assertTrue(acme(() -> store.restore(2)) && acme(() -> store.restore(3)));
        assertEquals(2, acme(() -> store.deleteAbove(0)), "JDQL DELETE: a soft delete of the live rows");
        assertEquals(4, acme(store::findAllDeleted).size());
        assertEquals(1, globex(store::count), "the other tenant's row was never touched");

        // history: the soft delete is a DELETE, the restore its own operation, the purge removes the row
        assertEquals(List.of(Operation.DELETE, Operation.UPDATE, Operation.RESTORE, Operation.DELETE, Operation.INSERT),
                acme(() -> store.history(1)));
        assertTrue(acme(() -> store.restore(1)));
        assertTrue(acme(() -> store.asOf(1, Instant.now())).isPresent());
        assertTrue(acme(() -> store.deleteById(1)));
        assertEquals(Optional.empty(), acme(() -> store.asOf(1, Instant.now())), "as of after the soft delete: gone");
        assertTrue(acme(() -> store.purge(1)));
        assertFalse(acme(() -> store.purge(1)));
        assertEquals(Optional.empty(), acme(() -> store.findDeletedById(1)));
        assertEquals(Operation.PURGE, acme(() -> store.history(1)).get(0));
        assertEquals(Optional.empty(), acme(() -> store.asOf(1, Instant.now())), "as of after the purge: gone");
        assertEquals(Optional.of(theirs), globex(() -> store.findById(1)));
    }
}
