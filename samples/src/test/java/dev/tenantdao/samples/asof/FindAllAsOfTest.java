package dev.tenantdao.samples.asof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantRouting;
import dev.tenantdao.samples.softdelete.DatabaseTicket;
import dev.tenantdao.samples.softdelete.DatabaseTicketDao;
import dev.tenantdao.samples.softdelete.RowTicket;
import dev.tenantdao.samples.softdelete.RowTicketDao;
import dev.tenantdao.samples.softdelete.SchemaTicket;
import dev.tenantdao.samples.softdelete.SchemaTicketDao;
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
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@code findAllAsOf(at, [afterId,] limit)}: every row of a tenant as it was at a time, keyset-paged
 * in id order, on PostgreSQL, in each tenancy strategy (the row strategy through a role that owns
 * nothing, under row-level security): updates, deletes, a re-insert of a deleted id, rows inserted
 * later, the other tenant's rows; and for a {@code @SoftDelete} entity a soft delete (a DELETE
 * history row: gone as of then), a restore and a purge.
 */
class FindAllAsOfTest {

    /** The generated methods of one note or ticket DAO, over "id=text" strings. */
    interface Store {
        void insert(long id, String text);

        void update(long id, String text);

        void delete(long id);

        /** {@code findAllAsOf(at, limit)}. */
        List<String> asOf(Instant at, int limit);

        /** {@code findAllAsOf(at, afterId, limit)}. */
        List<String> asOfAfter(Instant at, long afterId, int limit);

        /** The live rows, {@code findAll}. */
        List<String> live();

        /** Soft deleted only: {@code restore(id)}. */
        default void restore(long id) {
            throw new UnsupportedOperationException();
        }

        /** Soft deleted only: {@code purge(id)}. */
        default void purge(long id) {
            throw new UnsupportedOperationException();
        }
    }


    // ---- hard deletes ------------------------------------------------------------------------------

    @Test
    void rowStrategy() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("asof_row"), AsOfRowNote.class);
        Database database = new Database(server.applicationRole("tenantdao_app", "asof_row"));
        AsOfRowNoteDao dao = new AsOfRowNoteDao(database);
        scenario(new Store() {
            public void insert(long id, String text) { dao.insert(new AsOfRowNote(id, text)); }
            public void update(long id, String text) { dao.update(new AsOfRowNote(id, text)); }
            public void delete(long id) { assertTrue(dao.deleteById(id)); }
            public List<String> asOf(Instant at, int limit) { return dao.findAllAsOf(at, limit).stream().map(n -> n.id() + "=" + n.text()).toList(); }
            public List<String> asOfAfter(Instant at, long after, int limit) { return dao.findAllAsOf(at, after, limit).stream().map(n -> n.id() + "=" + n.text()).toList(); }
            public List<String> live() { return dao.findAll(100, 0).stream().map(n -> n.id() + "=" + n.text()).toList(); }
        });
    }

    @Test
    void schemaPerTenant() {
        Postgres server = Postgres.shared();
        Database database = Database.builder(server.freshSchema("asof_schema"))
                .schemaMapping(tenant -> "asof_schema_" + tenant).build();
        for (String tenant : List.of("acme", "globex")) {
            server.dropSchema("asof_schema_" + tenant);
            database.createTenant(tenant, AsOfSchemaNote.class);
        }
        AsOfSchemaNoteDao dao = new AsOfSchemaNoteDao(database);
        scenario(new Store() {
            public void insert(long id, String text) { dao.insert(new AsOfSchemaNote(id, text)); }
            public void update(long id, String text) { dao.update(new AsOfSchemaNote(id, text)); }
            public void delete(long id) { assertTrue(dao.deleteById(id)); }
            public List<String> asOf(Instant at, int limit) { return dao.findAllAsOf(at, limit).stream().map(n -> n.id() + "=" + n.text()).toList(); }
            public List<String> asOfAfter(Instant at, long after, int limit) { return dao.findAllAsOf(at, after, limit).stream().map(n -> n.id() + "=" + n.text()).toList(); }
            public List<String> live() { return dao.findAll(100, 0).stream().map(n -> n.id() + "=" + n.text()).toList(); }
        });
    }

    @Test
    void databasePerTenant() {
        Database database = databasePerTenant("asof_db", AsOfDatabaseNote.class);
        AsOfDatabaseNoteDao dao = new AsOfDatabaseNoteDao(database);
        scenario(new Store() {
            public void insert(long id, String text) { dao.insert(new AsOfDatabaseNote(id, text)); }
            public void update(long id, String text) { dao.update(new AsOfDatabaseNote(id, text)); }
            public void delete(long id) { assertTrue(dao.deleteById(id)); }
            public List<String> asOf(Instant at, int limit) { return dao.findAllAsOf(at, limit).stream().map(n -> n.id() + "=" + n.text()).toList(); }
            public List<String> asOfAfter(Instant at, long after, int limit) { return dao.findAllAsOf(at, after, limit).stream().map(n -> n.id() + "=" + n.text()).toList(); }
            public List<String> live() { return dao.findAll(100, 0).stream().map(n -> n.id() + "=" + n.text()).toList(); }
        });
    }

    private static Database databasePerTenant(String prefix, Class<?> entity) {
        Postgres server = Postgres.shared();
        Map<String, DataSource> databases = Map.of("acme", server.freshDatabase(prefix + "_acme"),
                "globex", server.freshDatabase(prefix + "_globex"));
        Database database = Database.builder(server.freshSchema(prefix)).routing(TenantRouting.of(databases)).build();
        for (String tenant : databases.keySet()) {
            database.createTenant(tenant, entity);
        }
        return database;
    }

    private static void scenario(Store store) {
        Instant before = now();
        acme(() -> {
            store.insert(1, "a1");
            store.insert(2, "b1");
            store.insert(3, "c1");
            store.insert(4, "d1");
        });
        globex(() -> store.insert(1, "theirs"));
        Instant inserted = now();
        acme(() -> {
            store.update(2, "b2");
            store.delete(3);
        });
        Instant deleted = now();
        acme(() -> {
            store.insert(3, "c2");          // the same id again, after its delete: one history across its lives
            store.delete(4);
            store.insert(5, "e1");
            store.update(2, "b3");
            store.update(2, "b4");
        });
        Instant now = now();

        assertEquals(List.of(), acme(() -> store.asOf(before, 10)), "before any insert");
        assertEquals(List.of("1=a1", "2=b1", "3=c1", "4=d1"), acme(() -> store.asOf(inserted, 10)));
        assertEquals(List.of("1=a1", "2=b2", "4=d1"), acme(() -> store.asOf(deleted, 10)),
                "3 deleted by then, though inserted again later");
        assertEquals(List.of("1=a1", "2=b4", "3=c2", "5=e1"), acme(() -> store.asOf(now, 10)));
        assertEquals(acme(store::live), acme(() -> store.asOf(now, 10)), "as of now: the live rows");
        assertEquals(List.of("1=theirs"), globex(() -> store.asOf(now, 10)), "the other tenant's rows only");
        assertEquals(List.of(), globex(() -> store.asOf(before, 10)));

        // keyset pages: full pages across deleted ids, the last one short, then empty
        assertEquals(List.of("1=a1", "2=b2"), acme(() -> store.asOf(deleted, 2)));
        assertEquals(List.of("4=d1"), acme(() -> store.asOfAfter(deleted, 2, 2)), "3 skipped: deleted then");
        assertEquals(List.of(), acme(() -> store.asOfAfter(deleted, 4, 2)));
        assertEquals(List.of("2=b1", "3=c1"), acme(() -> store.asOfAfter(inserted, 1, 2)));
        assertEquals(List.of("3=c2", "5=e1"), acme(() -> store.asOfAfter(now, 2, 2)));
        assertEquals(List.of(), acme(() -> store.asOf(now, 0)));
    }

    /** The repository method: a cursored page of the past, the cursor the last id, forward only. */
    @Test
    void repositoryCursoredPages() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("asof_repository"), AsOfRowNote.class);
        Database database = new Database(server.applicationRole("tenantdao_app", "asof_repository"));
        AsOfRowNoteDao dao = new AsOfRowNoteDao(database);
        AsOfRowNotes notes = new AsOfRowNotesImpl(database);
        acme(() -> {
            for (long id = 1; id <= 5; id++) {
                dao.insert(new AsOfRowNote(id, "v1"));
            }
        });
        Instant at = now();
        acme(() -> {
            dao.deleteById(2);
            dao.update(new AsOfRowNote(3, "v2"));
            dao.insert(new AsOfRowNote(6, "later"));
        });

        CursoredPage<AsOfRowNote> first = acme(() -> notes.findAllAsOf(at, PageRequest.ofSize(2)));
        assertEquals(List.of(new AsOfRowNote(1, "v1"), new AsOfRowNote(2, "v1")), first.content());
        assertTrue(first.hasNext());
        assertFalse(first.hasTotals(), "no total is counted");
        CursoredPage<AsOfRowNote> second = acme(() -> notes.findAllAsOf(at, first.nextPageRequest()));
        assertEquals(List.of(new AsOfRowNote(3, "v1"), new AsOfRowNote(4, "v1")), second.content());
        CursoredPage<AsOfRowNote> third = acme(() -> notes.findAllAsOf(at, second.nextPageRequest()));
        assertEquals(List.of(new AsOfRowNote(5, "v1")), third.content());
        assertFalse(third.hasNext());
        assertEquals(List.of(new AsOfRowNote(1, "v1"), new AsOfRowNote(3, "v2"), new AsOfRowNote(4, "v1")),
                acme(() -> notes.findAllAsOf(now(), PageRequest.ofSize(3))).content());
        assertEquals(List.of(), globex(() -> notes.findAllAsOf(at, PageRequest.ofSize(3))).content());
        assertThrows(UnsupportedOperationException.class,
                () -> acme(() -> notes.findAllAsOf(at, second.previousPageRequest())), "forward only");
        assertThrows(UnsupportedOperationException.class,
                () -> acme(() -> notes.findAllAsOf(at, PageRequest.ofPage(2).size(2))), "by cursor, not by offset");
    }

    // ---- soft deletes ------------------------------------------------------------------------------

    @Test
    void softDeletedRowStrategy() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("asof_soft_row"), RowTicket.class);
        Database database = new Database(server.applicationRole("tenantdao_app", "asof_soft_row"));
        RowTicketDao dao = new RowTicketDao(database);
        softDeleteScenario(new Store() {
            public void insert(long id, String text) { dao.insert(new RowTicket(id, "T-" + id, text)); }
            public void update(long id, String text) { dao.update(new RowTicket(id, "T-" + id, text)); }
            public void delete(long id) { assertTrue(dao.deleteById(id)); }
            public void restore(long id) { assertTrue(dao.restore(id)); }
            public void purge(long id) { assertTrue(dao.purge(id)); }
            public List<String> asOf(Instant at, int limit) { return dao.findAllAsOf(at, limit).stream().map(n -> n.id() + "=" + n.subject()).toList(); }
            public List<String> asOfAfter(Instant at, long after, int limit) { return dao.findAllAsOf(at, after, limit).stream().map(n -> n.id() + "=" + n.subject()).toList(); }
            public List<String> live() { return dao.findAll(100, 0).stream().map(n -> n.id() + "=" + n.subject()).toList(); }
        });
    }

    @Test
    void softDeletedSchemaPerTenant() {
        Postgres server = Postgres.shared();
        Database database = Database.builder(server.freshSchema("asof_soft_schema"))
                .schemaMapping(tenant -> "asof_soft_schema_" + tenant).build();
        for (String tenant : List.of("acme", "globex")) {
            server.dropSchema("asof_soft_schema_" + tenant);
            database.createTenant(tenant, SchemaTicket.class);
        }
        SchemaTicketDao dao = new SchemaTicketDao(database);
        softDeleteScenario(new Store() {
            public void insert(long id, String text) { dao.insert(new SchemaTicket(id, "T-" + id, text)); }
            public void update(long id, String text) { dao.update(new SchemaTicket(id, "T-" + id, text)); }
            public void delete(long id) { assertTrue(dao.deleteById(id)); }
            public void restore(long id) { assertTrue(dao.restore(id)); }
            public void purge(long id) { assertTrue(dao.purge(id)); }
            public List<String> asOf(Instant at, int limit) { return dao.findAllAsOf(at, limit).stream().map(n -> n.id() + "=" + n.subject()).toList(); }
            public List<String> asOfAfter(Instant at, long after, int limit) { return dao.findAllAsOf(at, after, limit).stream().map(n -> n.id() + "=" + n.subject()).toList(); }
            public List<String> live() { return dao.findAll(100, 0).stream().map(n -> n.id() + "=" + n.subject()).toList(); }
        });
    }

    @Test
    void softDeletedDatabasePerTenant() {
        DatabaseTicketDao dao = new DatabaseTicketDao(databasePerTenant("asof_soft_db", DatabaseTicket.class));
        softDeleteScenario(new Store() {
            public void insert(long id, String text) { dao.insert(new DatabaseTicket(id, "T-" + id, text)); }
            public void update(long id, String text) { dao.update(new DatabaseTicket(id, "T-" + id, text)); }
            public void delete(long id) { assertTrue(dao.deleteById(id)); }
            public void restore(long id) { assertTrue(dao.restore(id)); }
            public void purge(long id) { assertTrue(dao.purge(id)); }
            public List<String> asOf(Instant at, int limit) { return dao.findAllAsOf(at, limit).stream().map(n -> n.id() + "=" + n.subject()).toList(); }
            public List<String> asOfAfter(Instant at, long after, int limit) { return dao.findAllAsOf(at, after, limit).stream().map(n -> n.id() + "=" + n.subject()).toList(); }
            public List<String> live() { return dao.findAll(100, 0).stream().map(n -> n.id() + "=" + n.subject()).toList(); }
        });
    }

    private static void softDeleteScenario(Store store) {
        acme(() -> {
            store.insert(1, "printer");
            store.insert(2, "vpn");
            store.insert(3, "mail");
        });
        globex(() -> store.insert(2, "theirs"));
        Instant inserted = now();
        acme(() -> store.delete(2));                // a soft delete: the row stays, its history says DELETE
        Instant softDeleted = now();
        acme(() -> {
            store.restore(2);
            store.update(2, "vpn again");
            store.delete(3);
            store.purge(3);
        });
        Instant now = now();

        assertEquals(List.of("1=printer", "2=vpn", "3=mail"), acme(() -> store.asOf(inserted, 10)));
        assertEquals(List.of("1=printer", "3=mail"), acme(() -> store.asOf(softDeleted, 10)),
                "soft deleted by then: gone as of then");
        assertEquals(List.of("3=mail"), acme(() -> store.asOfAfter(softDeleted, 1, 10)));
        assertEquals(List.of("1=printer", "2=vpn again"), acme(() -> store.asOf(now, 10)), "restored; 3 purged");
        assertEquals(acme(store::live), acme(() -> store.asOf(now, 10)));
        assertEquals(List.of("2=theirs"), globex(() -> store.asOf(now, 10)));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static void acme(Runnable work) {
        TenantContext.runAs("acme", work::run);
    }

    private static <X> X acme(Supplier<X> work) {
        return TenantContext.callAs("acme", work::get);
    }

    private static void globex(Runnable work) {
        TenantContext.runAs("globex", work::run);
    }

    private static <X> X globex(Supplier<X> work) {
        return TenantContext.callAs("globex", work::get);
    }

    /** The database clock, which history rows use ({@code clock_timestamp()}). */
    private static Instant now() {
        try (Connection c = Postgres.shared().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT clock_timestamp()")) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
