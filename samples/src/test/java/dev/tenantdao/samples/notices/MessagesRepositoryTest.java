package dev.tenantdao.samples.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.common.HookTrail;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A repository of an intermediate level ({@link Messages} over {@link Message}, between
 * {@link Notice} and email and text), as the application connects (row-level security applies):
 * every kind of method reads the level's rows only, each as its subtype, in the current tenant only;
 * its writes go to the concrete subtype's DAO. Each test has tenants of its own, whose rows of every
 * subtype (and the fallback's) are the same as the other tenant's.
 */
class MessagesRepositoryTest {

    private static RecordingDataSource app;
    private static Messages messages;
    private static NoticeDao notices;
    private String tenant;
    private EmailNotice ann;
    private SmsNotice bob;
    private EmailNotice cid;
    private OtherNotice other;

    @BeforeAll
    static void schema() {
        Schema.create(Postgres.shared().freshSchema("messages_repository"), Notice.class);
        app = new RecordingDataSource(Postgres.shared().applicationRole("tenantdao_app", "messages_repository"));
        Database database = new Database(app);
        messages = new MessagesImpl(database);
        notices = new NoticeDao(database);
    }

    @BeforeEach
    void twoTenants() {
        String elsewhere = "o-" + UUID.randomUUID();
        tenant = "t-" + UUID.randomUUID();
        TenantContext.runAs(elsewhere, () -> notices.insertAll(List.of(new EmailNotice("ann@example.com", "hi", "S"),
                new SmsNotice("Bob", "hi", "+31"), new OtherNotice("Ann", "hi"))));
        // one by one, so the ids follow this order (insertAll inserts each subtype's entities together)
        List<Notice> mine = as(() -> List.of(new EmailNotice("ann@example.com", "hi", "S"),
                new SmsNotice("Bob", "hi", "+31"), new EmailNotice("cid@example.com", "bye", "T"),
                new OtherNotice("ann@example.com", "hi")).stream().map(notices::insert).toList());
        ann = (EmailNotice) mine.get(0);
        bob = (SmsNotice) mine.get(1);
        cid = (EmailNotice) mine.get(2);
        other = as(() -> (OtherNotice) notices.findById(mine.get(3).id()).orElseThrow());
        app.reset();
    }

    private <T> T as(TenantContext.TenantCallable<T, RuntimeException> work) {
        return TenantContext.callAs(tenant, work);
    }

    @Test
    void findersReadTheLevelsRowsOnlyEachAsItsSubtypeInOneQuery() {
        assertEquals(List.of(ann), as(() -> messages.toRecipient("ann@example.com")), "not the other notice");
        assertEquals(1, app.statements().size(), app.statements().toString());
        assertTrue(app.statements().get(0).contains("channel IN ('email', 'sms')"), app.statements().toString());
        assertEquals(List.of(bob, ann), as(() -> messages.findByBodyOrderByIdDesc("hi")));
        assertEquals(ann, as(() -> messages.findFirstByRecipientStartsWithOrderById("ann")).orElseThrow());
        assertTrue(as(() -> messages.findFirstByRecipientStartsWithOrderById("Dan")).isEmpty());
        assertEquals(java.util.Set.of(ann, bob, cid), as(() -> messages.findAll().collect(java.util.stream.Collectors.toSet())));
        try (Stream<Message> all = as(() -> messages.streamAll())) {
            assertEquals(List.of(ann, bob, cid), all.toList());
        }
        assertEquals(ann, as(() -> messages.findById(ann.id())).orElseThrow());
        assertTrue(as(() -> messages.findById(other.id())).isEmpty(), "the fallback's row is no message");
        HookTrail.take();
        as(() -> messages.findById(bob.id()));
        assertEquals(List.of("Notice.afterLoad", "Message.afterLoad", "MessageTrail.afterLoad"), HookTrail.take(),
                "the root's and the level's load hooks");
    }

    @Test
    void countsExistsAndPagesCountTheLevelsRowsOnly() {
        assertEquals(2, as(() -> messages.countWithBody("hi")), "the other notice's 'hi' is not counted");
        assertEquals(1, as(() -> messages.countByRecipient("ann@example.com")));
        assertTrue(as(() -> messages.existsByRecipient("Bob")));
        assertFalse(as(() -> messages.existsByRecipient("Ann")), "the other tenant's fallback row");

        Page<Message> page = as(() -> messages.withBody("hi", "nobody", PageRequest.ofSize(1)));
        assertEquals(List.of(bob), page.content());
        assertEquals(2, page.totalElements());
        assertEquals(List.of(ann), as(() -> messages.withBody("hi", "nobody", page.nextPageRequest())).content());

        CursoredPage<Message> newest = as(() -> messages.newestWithBody("hi", PageRequest.ofSize(1)));
        assertEquals(List.of(bob), newest.content());
        CursoredPage<Message> next = as(() -> messages.newestWithBody("hi", newest.nextPageRequest()));
        assertEquals(List.of(ann), next.content());

        Page<Message> sorted = as(() -> messages.findAll(PageRequest.ofSize(2), Order.by(Sort.desc("recipient"))));
        assertEquals(List.of(cid, ann), sorted.content());
        assertEquals(3, sorted.totalElements());
    }

    @Test
    void writesGoToTheConcreteSubtypesDaoAndStayInTheLevel() {
        HookTrail.take();
        List<Message> added = as(() -> messages.add(List.of(new SmsNotice("Dee", "new", "+32"),
                new EmailNotice("eve@example.com", "new", "U"))));
        assertEquals(List.of(SmsNotice.class, EmailNotice.class), added.stream().map(Object::getClass).toList());
        assertTrue(HookTrail.take().contains("Message.beforeInsert"), "the level's hooks run");
        Message changed = as(() -> messages.change(new EmailNotice(cid.id(), "cid@example.com", "edited", "T")));
        assertEquals(new EmailNotice(cid.id(), "cid@example.com", "edited", "T"), changed);
        Message saved = as(() -> messages.save(new SmsNotice("Fay", "saved", "+33")));
        assertEquals(saved, as(() -> messages.findById(saved.id())).orElseThrow());
        as(() -> messages.save(new SmsNotice(saved.id(), "Fay", "saved again", "+33")));
        assertEquals("saved again", as(() -> messages.findById(saved.id())).orElseThrow().body());

        as(() -> {
            messages.remove(bob);
            messages.deleteById(other.id());            // the fallback's row: not the level's, left alone
            return null;
        });
        assertTrue(as(() -> notices.existsById(other.id())));
        assertFalse(as(() -> notices.existsById(bob.id())));
        assertThrows(OptimisticLockingFailureException.class,
                () -> as(() -> messages.change(new EmailNotice(other.id(), "x", "stolen", "S"))),
                "an id of another subtype's row is no message");
        assertThrows(OptimisticLockingFailureException.class, () -> TenantContext.callAs("o-" + UUID.randomUUID(),
                () -> messages.change(new EmailNotice(ann.id(), "x", "stolen", "S"))), "another tenant's");
        assertEquals("hi", as(() -> messages.findById(ann.id())).orElseThrow().body(), "untouched");
        assertEquals(5, as(() -> messages.findAll().count()));
    }

    @Test
    void findAllAsOfPagesThroughTheLevelsPast() {
        Instant at = NoticesAsOfTest.now();
        as(() -> {
            messages.deleteById(ann.id());
            messages.change(new SmsNotice(bob.id(), "Bob", "later", "+31"));
            return messages.save(new EmailNotice("gus@example.com", "later", "V"));
        });
        CursoredPage<Message> first = as(() -> messages.findAllAsOf(at, PageRequest.ofSize(2)));
        assertEquals(List.of(ann, bob), first.content(), "as they were: Ann not deleted yet, Bob's body before");
        CursoredPage<Message> second = as(() -> messages.findAllAsOf(at, first.nextPageRequest()));
        assertEquals(List.of(cid), second.content(), "the fallback's row is no message; Gus came later");
        assertFalse(second.hasNext());
        assertEquals(List.of("SmsNotice Bob later", "EmailNotice cid@example.com bye", "EmailNotice gus@example.com later"),
                NoticesAsOfTest.describe(as(() -> messages.findAllAsOf(NoticesAsOfTest.now(), PageRequest.ofSize(5)))
                        .content()));
    }

    @Test
    void everyMethodNeedsATenantBeforeAnySql() {
        app.reset();
        List<Runnable> calls = List.of(
                () -> messages.toRecipient("x"),
                () -> messages.findByBodyOrderByIdDesc("x"),
                () -> messages.findFirstByRecipientStartsWithOrderById("x"),
                () -> messages.withBody("x", "y", PageRequest.ofSize(1)),
                () -> messages.newestWithBody("x", PageRequest.ofSize(1)),
                () -> messages.countWithBody("x"),
                () -> messages.countByRecipient("x"),
                () -> messages.existsByRecipient("x"),
                () -> messages.streamAll(),
                () -> messages.add(List.of(new SmsNotice("x", "y", "z"))),
                () -> messages.change(new SmsNotice(1, "x", "y", "z")),
                () -> messages.remove(new SmsNotice(1, "x", "y", "z")),
                () -> messages.findAllAsOf(Instant.now(), PageRequest.ofSize(1)),
                () -> messages.findAll(),
                () -> messages.findAll(PageRequest.ofSize(1), Order.by()),
                () -> messages.findById(1L),
                () -> messages.deleteById(1L),
                () -> messages.insert(new SmsNotice("x", "y", "z")),
                () -> messages.insertAll(List.of(new SmsNotice("x", "y", "z"))),
                () -> messages.update(new SmsNotice(1, "x", "y", "z")),
                () -> messages.save(new SmsNotice("x", "y", "z")),
                () -> messages.delete(new SmsNotice(1, "x", "y", "z")));
        for (Runnable call : calls) {
            assertThrows(NoTenantException.class, call::run);
        }
        assertEquals(List.of(), app.statements());
    }
}
