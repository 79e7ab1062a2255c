package dev.tenantdao.samples.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code findAllAsOf} of a single-table hierarchy ({@link Notice}, audited), as the application
 * connects (a role that owns nothing: row-level security applies): the root's DAO returns every
 * row as the subtype it was then, the level's ({@link Message}) its subtypes' rows only, a
 * subtype's and the fallback's their own; across updates and deletes, keyset-paged, the other
 * tenant's rows never seen.
 */
class NoticesAsOfTest {

    @Test
    void everyDaoOfTheHierarchyReadsItsRowsAsTheyWere() {
        Schema.create(Postgres.shared().freshSchema("notices_as_of"), Notice.class);
        RecordingDataSource app = new RecordingDataSource(
                Postgres.shared().applicationRole("tenantdao_app", "notices_as_of"));
        Database database = new Database(app);
        NoticeDao notices = new NoticeDao(database);
        MessageDao messages = new MessageDao(database);
        EmailNoticeDao emails = new EmailNoticeDao(database);
        SmsNoticeDao texts = new SmsNoticeDao(database);
        OtherNoticeDao others = new OtherNoticeDao(database);

        Instant before = now();
        EmailNotice ann = acme(() -> emails.insert(new EmailNotice("ann@example.com", "v1", "Hello")));
        Message bob = acme(() -> messages.insert(new SmsNotice("Bob", "v1", "+31 6 1")));
        Notice cid = acme(() -> notices.insert(new OtherNotice("Cid", "v1")));
        Message dee = acme(() -> messages.insert(new EmailNotice("dee@example.com", "v1", "Hi")));
        TenantContext.callAs("globex", () -> notices.insert(new EmailNotice("theirs@example.com", "v1", "Theirs")));
        Instant inserted = now();
        acme(() -> {
            emails.update(new EmailNotice(ann.id(), "ann@example.com", "v2", "Hello"));
            assertTrue(messages.deleteById(bob.id()));
            return null;
        });
        Instant deleted = now();
        Message eve = acme(() -> {
            notices.update(new EmailNotice(ann.id(), "ann@example.com", "v3", "Hello"));
            return texts.insert(new SmsNotice("Eve", "v1", "+31 6 2"));
        });
        Instant now = now();

        assertEquals(List.of(), acme(() -> describe(notices.findAllAsOf(before, 10))), "before any insert");
        assertEquals(List.of("EmailNotice ann@example.com v1", "SmsNotice Bob v1", "OtherNotice Cid v1",
                "EmailNotice dee@example.com v1"), acme(() -> describe(notices.findAllAsOf(inserted, 10))),
                "every row, each as its subtype");
        assertEquals(List.of("EmailNotice ann@example.com v2", "OtherNotice Cid v1", "EmailNotice dee@example.com v1"),
                acme(() -> describe(notices.findAllAsOf(deleted, 10))), "Bob's deleted by then");
        assertEquals(acme(() -> describe(notices.findAll(10, 0))), acme(() -> describe(notices.findAllAsOf(now, 10))),
                "as of now: the live rows");

        assertEquals(List.of("EmailNotice ann@example.com v1", "SmsNotice Bob v1", "EmailNotice dee@example.com v1"),
                acme(() -> describe(messages.findAllAsOf(inserted, 10))), "the level: messages only");
        assertEquals(List.of("EmailNotice ann@example.com v3", "EmailNotice dee@example.com v1", "SmsNotice Eve v1"),
                acme(() -> describe(messages.findAllAsOf(now, 10))));
        assertEquals(acme(() -> describe(messages.findAll(10, 0))), acme(() -> describe(messages.findAllAsOf(now, 10))));
        assertEquals(List.of("EmailNotice ann@example.com v2", "EmailNotice dee@example.com v1"),
                acme(() -> describe(emails.findAllAsOf(deleted, 10))), "a subtype: its own rows");
        assertEquals(List.of("SmsNotice Bob v1"), acme(() -> describe(texts.findAllAsOf(inserted, 10))));
        assertEquals(List.of(), acme(() -> describe(texts.findAllAsOf(deleted, 10))), "deleted by then");
        assertEquals(List.of("OtherNotice Cid v1"), acme(() -> describe(others.findAllAsOf(now, 10))),
                "the fallback: its rows");
        assertEquals("other", acme(() -> others.findAllAsOf(now, 10)).get(0).channel(), "its value, as of then");

        // keyset pages in id order, across the rows of other subtypes and deleted ones
        assertEquals(List.of("EmailNotice ann@example.com v1", "SmsNotice Bob v1"),
                acme(() -> describe(messages.findAllAsOf(inserted, 2))));
        assertEquals(List.of("EmailNotice dee@example.com v1"),
                acme(() -> describe(messages.findAllAsOf(inserted, bob.id(), 2))), "Cid is no message");
        assertEquals(List.of("OtherNotice Cid v1", "EmailNotice dee@example.com v1"),
                acme(() -> describe(notices.findAllAsOf(deleted, ann.id(), 2))), "Bob skipped: deleted then");
        assertEquals(List.of("SmsNotice Eve v1"), acme(() -> describe(messages.findAllAsOf(now, dee.id(), 2))));
        assertEquals(List.of(), acme(() -> describe(emails.findAllAsOf(now, eve.id(), 2))));

        assertEquals(List.of("EmailNotice theirs@example.com v1"),
                TenantContext.callAs("globex", () -> describe(notices.findAllAsOf(now, 10))), "the other tenant's only");
        assertEquals(List.of(), TenantContext.callAs("globex", () -> describe(messages.findAllAsOf(before, 10))));
        assertEquals(cid.id(), acme(() -> notices.findAllAsOf(now, ann.id(), 1)).get(0).id());

        app.reset();
        assertThrows(NoTenantException.class, () -> notices.findAllAsOf(now, 10));
        assertThrows(NoTenantException.class, () -> messages.findAllAsOf(now, 1L, 10));
        assertThrows(NoTenantException.class, () -> emails.findAllAsOf(now, 10));
        assertEquals(List.of(), app.statements(), "no SQL without a tenant");
    }

    static List<String> describe(List<? extends Notice> notices) {
        return notices.stream().map(n -> n.getClass().getSimpleName() + " " + n.recipient() + " " + n.body()).toList();
    }

    private static <X> X acme(Supplier<X> work) {
        return TenantContext.callAs("acme", work::get);
    }

    /** The database clock, which history rows use ({@code clock_timestamp()}). */
    static Instant now() {
        try (Connection c = Postgres.shared().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT clock_timestamp()")) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
