package dev.tenantdao.samples.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hook order (entity, then listeners in order; per row in batches), changes written, rollback. */
class HooksTest {

    private static TaskDao tasks;
    private static NoteDao notes;
    private static Database database;

    @BeforeAll
    static void schema() {
        DataSource dataSource = Postgres.shared().freshSchema("hooks");
        Schema.create(dataSource, Task.class, Note.class);
        database = new Database(dataSource);
        tasks = new TaskDao(database);
        notes = new NoteDao(database);
    }

    @BeforeEach
    void clearJournal() {
        Journal.take();
    }

    private static <T> T asAcme(TenantContext.TenantCallable<T, RuntimeException> work) {
        return TenantContext.callAs("acme", work);
    }

    @Test
    void insertRunsEntityHooksThenListenersInOrderAndWritesTheirChanges() {
        Task stored = asAcme(() -> tasks.insert(new Task("  write docs ")));
        assertEquals("WRITE DOCS", stored.title, "both the entity's strip and the listener's upper-case were written");
        assertEquals(List.of(
                "entity.beforeInsert   write docs ",
                "first.beforeInsert write docs",
                "second.beforeInsert",
                "entity.afterInsert WRITE DOCS",
                "first.afterInsert WRITE DOCS"), Journal.take());
        assertEquals("WRITE DOCS", asAcme(() -> tasks.findById(stored.id)).orElseThrow().title);
        assertEquals(List.of("entity.afterLoad WRITE DOCS", "first.afterLoad WRITE DOCS"), Journal.take());
    }

    @Test
    void batchesRunHooksPerRow() {
        asAcme(() -> tasks.insertAll(List.of(new Task("a"), new Task("b"))));
        assertEquals(List.of(
                "entity.beforeInsert a", "first.beforeInsert a", "second.beforeInsert",
                "entity.beforeInsert b", "first.beforeInsert b", "second.beforeInsert",
                "entity.afterInsert A", "first.afterInsert A",
                "entity.afterInsert B", "first.afterInsert B"), Journal.take());
        asAcme(() -> tasks.findAll(100, 0));
        assertTrue(Journal.take().contains("first.afterLoad B"));
    }

    @Test
    void aFailingHookRollsBackTheWholeBatchAndItsExceptionIsUnchanged() {
        long before = asAcme(tasks::count);
        Task refused = new Task("c");
        refused.failOnInsert = true;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> asAcme(() -> tasks.insertAll(List.of(new Task("ok"), refused))));
        assertEquals("refused: c", e.getMessage());
        assertEquals(before, asAcme(tasks::count));
    }

    @Test
    void afterHooksRunInTheStatementsTransaction() {
        Task keep = asAcme(() -> tasks.insert(new Task("keep")));
        Journal.take();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TenantContext.runAs("acme", () -> tasks.delete(keep)));
        assertEquals("KEEP must stay", e.getMessage());
        assertEquals(List.of("entity.beforeDelete KEEP", "first.beforeDelete KEEP", "entity.afterDelete KEEP",
                "second.afterDelete"), Journal.take());
        assertTrue(asAcme(() -> tasks.existsById(keep.id)), "the delete was rolled back with the after-hook");
    }

    @Test
    void updateHooks() {
        Task task = asAcme(() -> tasks.insert(new Task("t")));
        Journal.take();
        Task updated = asAcme(() -> tasks.update(task));
        assertEquals(1, updated.revision, "the before-update change was written");
        assertEquals(List.of("entity.beforeUpdate T", "first.beforeUpdate T", "entity.afterUpdate T r1"), Journal.take());
    }

    @Test
    void aRecordsBeforeHooksReturnTheRecordToWrite() {
        Note inserted = asAcme(() -> notes.insert(new Note(null, "  hello  ", 7)));
        assertEquals(new Note(inserted.id(), "hello", 0), inserted);
        Note updated = asAcme(() -> notes.update(inserted));
        assertEquals(1, updated.edits());
        assertEquals(updated, asAcme(() -> notes.findById(inserted.id())).orElseThrow());
    }

    @Test
    void hooksJoinTheCallersTransaction() {
        IllegalStateException boom = new IllegalStateException("after");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> TenantContext.runAs("acme",
                () -> database.useTransaction(tx -> {
                    tasks.insert(new Task("inside"));
                    throw boom;
                }))));
        assertTrue(asAcme(() -> tasks.findAll(1000, 0)).stream().noneMatch(t -> t.title.equals("INSIDE")));
    }
}
