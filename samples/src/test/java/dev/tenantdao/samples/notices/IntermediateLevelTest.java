package dev.tenantdao.samples.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.HistoryEntry.Operation;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.common.HookTrail;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An intermediate level of a single-table hierarchy ({@code Message}: email and text, between
 * {@code Notice} and them) and its DAO, as the application connects (row-level security applies).
 */
class IntermediateLevelTest {

    private static DataSource admin;
    private static RecordingDataSource app;
    private static NoticeDao notices;
    private static MessageDao messages;
    private static EmailNoticeDao emails;
    private static OtherNoticeDao others;

    @BeforeAll
    static void schema() {
        admin = Postgres.shared().freshSchema("notices_level");
        Schema.create(admin, Notice.class);
        app = new RecordingDataSource(Postgres.shared().applicationRole("tenantdao_app", "notices_level"));
        Database database = new Database(app);
        notices = new NoticeDao(database);
        messages = new MessageDao(database);
        emails = new EmailNoticeDao(database);
        others = new OtherNoticeDao(database);
    }

    private static <T> T as(String tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> AuditContext.callAs("ops", work::get));
    }

    @Test
    void theLevelsDaoReadsItsConcreteSubtypesOnlyInOneQueryEach() throws SQLException {
        EmailNotice email = as("reads", () -> emails.insert(new EmailNotice("ann@example.com", "hi", "Hello")));
        Message sms = as("reads", () -> messages.insert(new SmsNotice("Bob", "hi", "+31 6 1234")));
        OtherNotice other = as("reads", () -> others.insert(new OtherNotice("Cid", "hi")));
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO notice (tenant_id, channel, recipient) VALUES ('reads', 'pigeon', 'Dee')");
        }
        app.reset();
        assertEquals(List.of(email, sms), as("reads", () -> messages.findAll(10, 0)));
        assertEquals(1, app.statements().stream().filter(sql -> sql.contains("FROM notice")).count());
        assertTrue(app.statements().stream().anyMatch(sql -> sql.contains("channel IN ('email', 'sms')")),
                () -> app.statements().toString());
        assertEquals(List.of(sms), as("reads", () -> messages.findAllAfter(email.id(), 10)));
        assertEquals(2, as("reads", () -> messages.count()));
        assertEquals(4, as("reads", () -> notices.count()));
        assertTrue(as("reads", () -> messages.findById(other.id())).isEmpty(), "not a message");
        assertFalse(as("reads", () -> messages.existsById(other.id())));
        assertFalse(as("reads", () -> messages.deleteById(other.id())), "the level deletes its own rows only");
        assertTrue(as("reads", () -> notices.existsById(other.id())));
    }

    @Test
    void theLevelsWritesGoThroughTheConcreteSubtypesDaoAndItsHooksRunBetweenTheRootsAndTheSubtypes() {
        HookTrail.take();
        Message stored = as("writes", () -> messages.insert(new EmailNotice("eve@example.com", "hi", "S")));
        assertEquals(List.of("Message.beforeInsert", "MessageTrail.beforeInsert"), HookTrail.take());
        List<Message> batch = as("writes", () -> messages.insertAll(List.of(new SmsNotice("Fay", "a", "1"),
                new EmailNotice("gus@example.com", "b", "T"))));
        assertEquals(List.of(SmsNotice.class, EmailNotice.class), batch.stream().map(Object::getClass).toList());
        HookTrail.take();
        Message changed = as("writes", () -> messages.update(new EmailNotice(stored.id(), "eve@example.com", "bye", "S2")));
        assertEquals(new EmailNotice(stored.id(), "eve@example.com", "bye", "S2"), changed);
        as("writes", () -> messages.findById(stored.id()));
        assertEquals(List.of("Notice.afterLoad", "Message.afterLoad", "MessageTrail.afterLoad", "EmailNotice.afterLoad"),
                HookTrail.take(), "the root's, the level's, then the subtype's");
        as("writes", () -> notices.findById(stored.id()));
        assertEquals(List.of("Notice.afterLoad", "Message.afterLoad", "MessageTrail.afterLoad", "EmailNotice.afterLoad"),
                HookTrail.take(), "the same through the root's DAO");
        as("writes", () -> emails.findById(stored.id()));
        assertEquals(List.of("Notice.afterLoad", "Message.afterLoad", "MessageTrail.afterLoad", "EmailNotice.afterLoad"),
                HookTrail.take(), "and through the subtype's");
        as("writes", () -> others.insert(new OtherNotice("Hal", "x")));
        as("writes", () -> notices.findAll(10, 0));
        List<String> trail = HookTrail.take();
        assertEquals("Notice.afterLoad", trail.get(trail.size() - 1), "the fallback runs the root's hooks only");
        assertThrows(IllegalArgumentException.class, () -> as("writes", () -> messages.insert(new SmsNotice(" ", "x", "2"))));
        assertEquals(4, as("writes", () -> notices.count()), "the level's hook refused it before any SQL");
        assertTrue(as("writes", () -> messages.deleteById(stored.id())));
        as("writes", () -> {
            messages.delete(batch.get(0));
            return null;
        });
        assertEquals(List.of(batch.get(1)), as("writes", () -> messages.findAll(10, 0)));
    }

    @Test
    void theLevelsHistoryHoldsItsRowsOnlyEachAsItsSubtype() throws SQLException {
        EmailNotice email = as("history", () -> emails.insert(new EmailNotice("ivy@example.com", "v1", "S")));
        as("history", () -> messages.update(new EmailNotice(email.id(), "ivy@example.com", "v2", "S")));
        OtherNotice other = as("history", () -> others.insert(new OtherNotice("Jay", "x")));
        List<HistoryEntry<Message>> history = as("history", () -> messages.history(email.id()));
        assertEquals(List.of(Operation.UPDATE, Operation.INSERT), history.stream().map(HistoryEntry::operation).toList());
        assertEquals("v2", history.get(0).entity().body());
        assertEquals(EmailNotice.class, history.get(1).entity().getClass());
        assertTrue(as("history", () -> messages.history(other.id())).isEmpty(), "not a message's history");
        assertEquals(1, as("history", () -> notices.history(other.id())).size());
    }

    @Test
    void anotherTenantsMessagesNeverAppearAndRowLevelSecurityConfinesRawSql() throws SQLException {
        EmailNotice mine = as("tenant_a", () -> emails.insert(new EmailNotice("kim@example.com", "a", "S")));
        as("tenant_b", () -> messages.insert(new SmsNotice("Lou", "b", "3")));
        assertEquals(List.of(mine), as("tenant_a", () -> messages.findAll(10, 0)));
        assertEquals(1, as("tenant_b", () -> messages.count()));
        assertTrue(as("tenant_b", () -> messages.findById(mine.id())).isEmpty());
        assertFalse(as("tenant_b", () -> messages.deleteById(mine.id())));
        assertThrows(dev.tenantdao.runtime.RowNotFoundException.class,
                () -> as("tenant_b", () -> messages.update(new EmailNotice(mine.id(), "x", "stolen", "S"))));
        assertTrue(as("tenant_b", () -> messages.history(mine.id())).isEmpty());
        Integer visible = TenantContext.callAs("tenant_b", () -> new Database(app).inTransaction(tx -> {
            try (Statement s = tx.connection().createStatement();
                    ResultSet rows = s.executeQuery("SELECT count(*) FROM notice WHERE tenant_id = 'tenant_a'")) {
                rows.next();
                return rows.getInt(1);
            }
        }));
        assertEquals(0, visible, "row-level security: tenant_b's connection sees none of tenant_a's rows");
        assertEquals("a", as("tenant_a", () -> messages.findById(mine.id())).orElseThrow().body(), "untouched");
    }
}
