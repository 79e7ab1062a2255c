package dev.tenantdao.samples.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.HistoryEntry.Operation;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
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
 * A single-table hierarchy with a fallback subtype ({@code OtherNotice}), as the application
 * connects (a role that is no superuser and owns nothing: row-level security applies). Rows of
 * channels no subtype claims are written by plain SQL, as another service would.
 */
class FallbackSubtypeTest {

    private static DataSource admin;
    private static NoticeDao notices;
    private static EmailNoticeDao emails;
    private static OtherNoticeDao others;

    @BeforeAll
    static void schema() {
        admin = Postgres.shared().freshSchema("notices_fallback");
        Schema.create(admin, Notice.class);
        Database database = new Database(Postgres.shared().applicationRole("tenantdao_app", "notices_fallback"));
        notices = new NoticeDao(database);
        emails = new EmailNoticeDao(database);
        others = new OtherNoticeDao(database);
    }

    private static <T> T as(String tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> AuditContext.callAs("ops", work::get));
    }

    /** A row of {@code channel}, written by another service: no DAO of this version claims it. */
    private static long written(String tenant, String channel, String recipient) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("INSERT INTO notice (tenant_id, channel, recipient, body) VALUES ('"
                        + tenant + "', '" + channel + "', '" + recipient + "', 'hello') RETURNING id")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aRowOfAChannelNoSubtypeClaimsLoadsAsTheFallbackKnowingItsChannel() throws SQLException {
        long pigeon = written("loft", "pigeon", "Ann");
        EmailNotice email = as("loft", () -> emails.insert(new EmailNotice("Bob", "hi", "Subject")));
        Notice loaded = as("loft", () -> notices.findById(pigeon)).orElseThrow();
        assertEquals(new OtherNotice(pigeon, "Ann", "hello", "pigeon"), loaded);
        assertEquals(List.of(new OtherNotice(pigeon, "Ann", "hello", "pigeon"), email),
                as("loft", () -> notices.findAll(10, 0)), "the root's DAO: each row as its subtype, none an error");
        assertEquals(List.of(new OtherNotice(pigeon, "Ann", "hello", "pigeon")), as("loft", () -> others.findAll(10, 0)),
                "the fallback's DAO: its rows, never another subtype's");
        assertEquals(1, as("loft", () -> others.count()));
        assertFalse(as("loft", () -> others.existsById(email.id())));
        assertTrue(as("loft", () -> emails.findById(pigeon)).isEmpty());
    }

    @Test
    void theFallbacksOwnInsertsWriteItsOwnValue() throws SQLException {
        OtherNotice stored = as("own_value", () -> others.insert(new OtherNotice("Cid", "note")));
        assertEquals("other", stored.channel(), "read back as written");
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT channel FROM notice WHERE tenant_id = 'own_value'")) {
            rows.next();
            assertEquals("other", rows.getString(1));
        }
        assertEquals(List.of(stored), as("own_value", () -> notices.findAll(10, 0)));
        Notice viaRoot = as("own_value", () -> notices.insert(new OtherNotice("Dee", "note")));
        assertEquals("other", ((OtherNotice) viaRoot).channel());
    }

    @Test
    void updatesAndDeletesThroughTheFallbackKeepTheRowsChannelAndHistoryLoadsItAsTheFallback() throws SQLException {
        long telex = written("history_tenant", "telex", "Eve");
        OtherNotice row = (OtherNotice) as("history_tenant", () -> notices.findById(telex)).orElseThrow();
        OtherNotice updated = as("history_tenant", () -> others.update(new OtherNotice(row.id(), "Eve", "changed", null)));
        assertEquals(new OtherNotice(telex, "Eve", "changed", "telex"), updated, "the channel is not written");
        List<HistoryEntry<Notice>> history = as("history_tenant", () -> notices.history(telex));
        assertEquals(List.of(Operation.UPDATE), history.stream().map(HistoryEntry::operation).toList(),
                "(the insert by plain SQL wrote no history)");
        assertEquals(updated, history.get(0).entity(), "the root's history: the unknown channel's row as the fallback");
        assertEquals(updated, as("history_tenant", () -> others.history(telex)).get(0).entity());
        assertTrue(as("history_tenant", () -> others.deleteById(telex)));
        assertEquals(Operation.DELETE, as("history_tenant", () -> notices.history(telex)).get(0).operation());
        assertInstanceOf(OtherNotice.class, as("history_tenant", () -> notices.history(telex)).get(0).entity());
    }

    @Test
    void anotherTenantsRowsOfUnknownChannelsNeverAppear() throws SQLException {
        long mine = written("tenant_a", "fax", "Fay");
        written("tenant_b", "fax", "Gus");
        written("tenant_b", "telegram", "Hal");
        assertEquals(List.of(mine), as("tenant_a", () -> others.findAll(10, 0)).stream().map(Notice::id).toList());
        assertEquals(List.of(mine), as("tenant_a", () -> notices.findAll(10, 0)).stream().map(Notice::id).toList());
        assertEquals(2, as("tenant_b", () -> others.count()));
        assertTrue(as("tenant_b", () -> others.findById(mine)).isEmpty());
        assertFalse(as("tenant_b", () -> others.deleteById(mine)));
        assertTrue(as("tenant_a", () -> notices.existsById(mine)), "still there");
    }

    @Test
    void theChannelColumnHasNoCheckWithAFallback() throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM pg_constraint WHERE conrelid = 'notice'::regclass"
                        + " AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%channel%'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "any channel may be written: the fallback loads it");
        }
    }
}
