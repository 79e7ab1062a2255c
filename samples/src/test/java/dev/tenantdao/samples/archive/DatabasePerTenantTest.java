package dev.tenantdao.samples.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantMismatchException;
import dev.tenantdao.runtime.TenantRouting;
import dev.tenantdao.runtime.UnknownTenantException;
import dev.tenantdao.samples.TestSchemas;
import dev.tenantdao.samples.reference.Currency;
import dev.tenantdao.samples.reference.CurrencyDao;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The archive, one database per tenant, on two real PostgreSQL servers: acme's database on the
 * usual server, globex's on a second one this test starts (embedded), next to shared tables in the
 * control database.
 */
class DatabasePerTenantTest {

    private static Postgres first;
    private static Postgres second;
    private static RecordingDataSource acmeDb;
    private static RecordingDataSource globexDb;
    private static RecordingDataSource control;
    private static Database database;
    private static DocumentDao documents;

    @BeforeAll
    static void twoServers() {
        first = Postgres.shared();
        second = Postgres.startEmbedded();
        acmeDb = new RecordingDataSource(first.freshDatabase("tenantdao_acme"));
        globexDb = new RecordingDataSource(second.freshDatabase("tenantdao_globex"));
        control = TestSchemas.invoicing("database_per_tenant");
        database = Database.builder(control)
                .routing(TenantRouting.of(Map.of("acme", acmeDb, "globex", globexDb)))
                .build();
        documents = new DocumentDao(database);
        database.createTenant("acme", Document.class, Attachment.class);
        database.createTenant("globex", Document.class, Attachment.class);
    }

    @Test
    void aDaoOnADatabaseWithoutRoutingFailsWhenItIsBuiltNamingTheEntity() {
        Database unrouted = new Database(control);
        int before = control.statements().size();
        dev.tenantdao.runtime.TenantDaoException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.tenantdao.runtime.TenantDaoException.class, () -> new DocumentDao(unrouted));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("Document is database-per-tenant, but this"
                + " Database has no TenantRouting"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(dev.tenantdao.runtime.TenantDaoException.class,
                () -> new AttachmentDao(unrouted), "a hierarchy root's DAO too");
        org.junit.jupiter.api.Assertions.assertThrows(dev.tenantdao.runtime.TenantDaoException.class,
                () -> new Attachment_MemoDao(unrouted), "and a subtype's");
        assertEquals(before, control.statements().size(), "nothing sent");
        new CurrencyDao(unrouted);      // a shared entity's DAO needs no routing
    }

    @Test
    void aHierarchyPerTenantDatabaseKeepsEveryTableOnItsTenantsServer() throws SQLException {
        AttachmentDao attachments = new AttachmentDao(database);
        Attachment_MemoDao memos = new Attachment_MemoDao(database);
        java.util.List<Attachment> acme = TenantContext.callAs("acme", () -> java.util.List.of(
                attachments.insert(new Attachment.Scan(0, "contract scan", 12)),
                attachments.insert(new Attachment.Memo(0, "note", "signed in blue")),
                attachments.insert(new Attachment.Link(0, "portal", "https://example.com/acme"))));
        TenantContext.runAs("globex", () -> attachments.insert(new Attachment.Memo(0, "globex note", "hi")));
        assertEquals(acme, TenantContext.callAs("acme", () -> attachments.findAll(10, 0)));
        assertEquals(1, TenantContext.callAs("globex", () -> attachments.count()));
        Attachment.Memo memo = (Attachment.Memo) acme.get(1);
        Attachment.Memo edited = new Attachment.Memo(memo.id(), memo.label(), "signed in black");
        assertEquals(edited, TenantContext.callAs("acme", () -> memos.update(edited)));
        assertEquals(2, TenantContext.callAs("acme", () -> attachments.history(memo.id())).size());
        assertEquals(3, countIn(acmeDb, "attachment"));
        assertEquals(1, countIn(acmeDb, "memo"));
        assertEquals(1, countIn(globexDb, "attachment"), "globex's rows are on the other server");
        assertEquals(1, countIn(globexDb, "memo"));
    }

    private static long countIn(DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rows = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Document document(String title) {
        return new Document(UUID.randomUUID(), title, title.getBytes(StandardCharsets.UTF_8),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void theTwoTenantsAreOnTwoServers() throws SQLException {
        assertNotEquals(port(acmeDb), port(globexDb));
    }

    private static int port(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rows = c.createStatement().executeQuery("SELECT inet_server_port()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void eachTenantsRowsLiveInItsOwnDatabase() {
        acmeDb.reset();
        globexDb.reset();
        Document contract = document("Acme contract");
        TenantContext.runAs("acme", () -> documents.insert(contract));
        TenantContext.runAs("globex", () -> documents.insertAll(List.of(document("Globex NDA"), document("Globex SOW"))));
        assertTrue(acmeDb.connectionCount() > 0);
        assertTrue(globexDb.connectionCount() > 0);

        Document found = TenantContext.callAs("acme", () -> documents.findById(contract.id())).orElseThrow();
        assertArrayEquals(contract.content(), found.content());
        assertEquals(Optional.empty(), TenantContext.callAs("globex", () -> documents.findById(contract.id())));
        assertFalse(TenantContext.callAs("globex", () -> documents.deleteById(contract.id())));
        assertTrue(TenantContext.callAs("acme", () -> documents.existsById(contract.id())));
        assertEquals(2, TenantContext.callAs("globex", documents::count));
        assertEquals(List.of("Globex NDA", "Globex SOW"), TenantContext.callAs("globex",
                () -> documents.findAll(10, 0)).stream().map(Document::title).sorted().toList());
    }

    @Test
    void sharedTablesStayInTheControlDatabase() {
        CurrencyDao currencies = new CurrencyDao(database);
        assertEquals(Optional.of(new Currency("EUR", "Euro", (short) 2)),
                TenantContext.callAs("globex", () -> currencies.findById("EUR")));
    }

    @Test
    void unknownTenantFailsBeforeSql() {
        acmeDb.reset();
        globexDb.reset();
        UnknownTenantException e = assertThrows(UnknownTenantException.class,
                () -> TenantContext.callAs("initech", documents::count));
        assertEquals("No database is configured for tenant 'initech'", e.getMessage());
        assertEquals(0, acmeDb.connectionCount() + globexDb.connectionCount());
    }

    @Test
    void aTransactionStaysInOneDatabase() {
        assertThrows(TenantMismatchException.class, () -> TenantContext.runAs("acme", () -> database.useTransaction(tx -> {
            new CurrencyDao(database).count();      // control database
            documents.count();                      // acme's database: not the same transaction
        })));
        Document doc = document("rolled back");
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs("acme", () -> database.useTransaction(tx -> {
            documents.insert(doc);
            throw new IllegalStateException("abort");
        })));
        assertEquals(Optional.empty(), TenantContext.callAs("acme", () -> documents.findById(doc.id())));
    }

    @Test
    void lazyRoutingOpensDataSourcesOnFirstUseAndBoundsThem() {
        AtomicInteger created = new AtomicInteger();
        TenantRouting lazy = TenantRouting.lazy(tenant -> {
            created.incrementAndGet();
            return switch (tenant) {
                case "acme" -> acmeDb;
                case "globex" -> globexDb;
                default -> null;
            };
        }, 1);
        Database routed = Database.builder(control).routing(lazy).build();
        DocumentDao dao = new DocumentDao(routed);
        assertEquals(0, created.get(), "nothing opened before first use");
        TenantContext.callAs("acme", dao::count);
        TenantContext.callAs("acme", dao::count);
        assertEquals(1, created.get());
        TenantContext.callAs("globex", dao::count);
        TenantContext.callAs("acme", dao::count);
        assertEquals(3, created.get(), "at most one data source kept: acme was evicted by globex");
        assertThrows(UnknownTenantException.class, () -> TenantContext.callAs("initech", dao::count));
    }

    @Test
    void historyLivesInTheTenantsDatabaseAndBatchesWriteItPerRow() {
        List<Document> batch = List.of(document("H1"), document("H2"));
        TenantContext.runAs("globex", () -> documents.insertAll(batch));
        for (Document document : batch) {
            List<dev.tenantdao.runtime.HistoryEntry<Document>> history =
                    TenantContext.callAs("globex", () -> documents.history(document.id()));
            assertEquals(1, history.size());
            assertArrayEquals(document.content(), history.get(0).entity().content());
            assertEquals(List.of(), TenantContext.callAs("acme", () -> documents.history(document.id())));
        }
    }
}
