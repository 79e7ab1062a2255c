package dev.tenantdao.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantMismatchException;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DAO and repository calls join Spring's transactions (a {@code TransactionTemplate} over a
 * {@code DataSourceTransactionManager}, what {@code @Transactional} runs on), issue 16's tests: Spring's
 * own writes ({@code JdbcTemplate}) mixed with every kind of DAO and repository call, rolled back
 * (nothing left, history included) and committed (exact counts); a second tenant in one transaction
 * refused; no tenant refused before any SQL; outside Spring's transactions, everything as before. On
 * PostgreSQL, as a role that is neither superuser nor owner (row-level security applies), in a schema
 * of its own.
 *
 * <p>What opens a transaction of its own today (outside any transaction), read from the processor's
 * writers ({@code processor/.../write}: every {@code support.atomically}, {@code support.stream},
 * {@code database.inTransaction/useTransaction} they emit) and the runtime's callers of
 * {@code Database.atomically}, {@code stream} and {@code inTransaction}; each is called below, and
 * each joins Spring's transaction instead:
 * <ul>
 *   <li>DAO {@code insertAll}, of every entity (one set-based statement, or a JDBC batch, or for a
 *       joined subtype one statement per row): {@code Note}, {@code Task}, {@code Parcel.Letter/Crate}.
 *   <li>DAO writes of an entity with hooks or listeners: {@code insert} and the upserts with insert
 *       hooks ({@code Note.insert}, {@code Task.upsert}), {@code update} with update hooks
 *       ({@code Note.update}), {@code delete(entity)} with delete hooks ({@code Note.delete}); a
 *       hierarchy's hooks and listeners are its subtypes' ({@code Parcel}'s listener).
 *   <li>Hierarchies: the root's {@code insertAll} of a mixed list, each subtype's {@code insertAll} in
 *       one transaction, joined ({@code ParcelDao}) and single-table ({@code ReadingDao}); the root's
 *       {@code insert}, {@code update}, {@code delete} handed to the subtype's DAO (atomic with hooks;
 *       a joined subtype's insert and update are one statement over both tables otherwise).
 *   <li>{@code Database.inTransaction} / {@code useTransaction}.
 *   <li>Repositories: lifecycle methods on many entities other than inserts ({@code saveAll},
 *       {@code updateAll}, {@code deleteAll}; {@code @Save}, {@code @Update}, {@code @Delete} of a list
 *       or an array) run in {@code database.inTransaction}; {@code insertAll} and {@code @Insert} of many
 *       are the DAO's {@code insertAll}; lifecycle methods on one entity are the DAO's write (atomic when
 *       hooked: {@code Tasks.insert}, {@code save}).
 *   <li>Repository methods returning {@code Stream<E>} ({@code @Find}, by name, {@code @Query},
 *       {@code @Sql}, and {@code BasicRepository.findAll()}): a server-side cursor, in a transaction of
 *       its own held until the stream is closed ({@code Tasks.inState}, {@code Tasks.findAll()}).
 * </ul>
 * Single statements open none and are called too: bulk JDQL updates and deletes and
 * {@code deleteBy...} (one statement, history included: {@code Tasks.move}, {@code deleteByState}),
 * native {@code @Sql} writes ({@code Tasks.suffixTitles}), unhooked writes ({@code Task.update},
 * {@code deleteById}), reads. ({@code Database.createTenant}, for schema and database per tenant, is
 * administration, not a DAO call.)
 */
class SpringTransactionsTest {

    private static final List<String> TABLES = List.of("note", "note_history", "task", "task_history", "parcel",
            "letter", "crate", "parcel_history", "reading");

    private static DataSource owner;
    private static RecordingDataSource app;
    private static TransactionTemplate transactions;
    private static JdbcTemplate jdbc;
    private static Database database;
    private static NoteDao notes;
    private static TaskDao taskDao;
    private static ParcelDao parcels;
    private static ReadingDao readings;
    private static Tasks tasks;

    @BeforeAll
    static void schema() {
        owner = Postgres.shared().freshSchema("spring_transactions");
        Schema.create(owner, Note.class, Task.class, Parcel.class, Reading.class);
        app = new RecordingDataSource(Postgres.shared().applicationRole("tenantdao_app", "spring_transactions"));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(app));
        jdbc = new JdbcTemplate(app);
        database = Database.builder(app).externalTransactions(new SpringTransactions(app)).build();
        notes = new NoteDao(database);
        taskDao = new TaskDao(database);
        parcels = new ParcelDao(database);
        readings = new ReadingDao(database);
        tasks = new TasksImpl(database);
    }

    private static long rows(String table, String tenant) {
        return new JdbcTemplate(owner).queryForObject("SELECT count(*) FROM " + table + " WHERE tenant_id = ?",
                Long.class, tenant);
    }

    /** The rows of {@code tenant} in every table, read as the owner (no row-level security in the way). */
    private static Map<String, Long> rowsPerTable(String tenant) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, rows(table, tenant));
        }
        return counts;
    }

    private static Map<String, Long> nothing() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, 0L));
        return counts;
    }

    /** What {@link #everyKindOfCall} leaves, with {@code byJdbc} rows Spring's own SQL wrote into {@code note}. */
    private static Map<String, Long> afterEveryKindOfCall(int byJdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("note", 3L + byJdbc);      // first, batch 1, nested (batch 2 deleted), and Spring's
        counts.put("note_history", 6L);       // insert, 2 x insertAll, update, delete, nested insert
        counts.put("task", 3L);               // dao, a, b (moved to done); nested deleted by state; c, d, e deleted
        counts.put("task_history", 20L);      // see everyKindOfCall; the native write adds none
        counts.put("parcel", 3L);             // the letter, l2, c1 (c2 deleted)
        counts.put("letter", 2L);
        counts.put("crate", 1L);              // c2's row went with its root row
        counts.put("parcel_history", 6L);     // insert, 3 x insertAll, update, delete
        counts.put("reading", 3L);
        return counts;
    }

    /**
     * Every kind of DAO and repository call, each write counted; {@code springsWrite} is Spring's own
     * SQL (null: none, outside Spring's transactions, where it would have no tenant setting).
     */
    private static void everyKindOfCall(Runnable springsWrite) {
        // DAO, hooked Note: insert, insertAll, update, delete (each atomic on its own)
        Note first = notes.insert(Note.of(" first "));                                    // note 1, history 1
        if (springsWrite != null) {
            springsWrite.run();                                                           // note +1 (no history)
        }
        List<Note> batch = notes.insertAll(List.of(Note.of(" batch 1 "), Note.of(" batch 2 ")));   // history 3
        notes.update(first.withText(" first, edited "));                                  // history 4
        notes.delete(batch.get(1));                                                       // history 5
        // DAO, Task: upsert with an insert hook, inserting then updating
        taskDao.upsert(new Task("dao", " by the dao ", "open"));                          // task 1, history 1
        taskDao.upsert(new Task("dao", "by the dao, again", "open"));                     // history 2
        // DAO, joined hierarchy with a listener: insert, insertAll, update, delete
        Parcel letter = parcels.insert(new Parcel.Letter(null, "letter", "blue"));       // parcel 1, history 1
        List<Parcel> mixed = parcels.insertAll(List.of(new Parcel.Letter(null, "l2", "red"),
                new Parcel.Crate(null, "c1", 3), new Parcel.Crate(null, "c2", 5)));      // parcel 4, history 4
        parcels.update(new Parcel.Letter(letter.id(), "letter, relabelled", "blue"));     // history 5
        parcels.delete(mixed.get(2));                                                     // parcel 3, history 6
        // DAO, single-table hierarchy: the root's insertAll, a statement per subtype
        readings.insertAll(List.of(new Reading.Temperature(null, "s1", 20), new Reading.Humidity(null, "s1", 40),
                new Reading.Temperature(null, "s2", 21)));                                // reading 3
        // a nested database.useTransaction
        database.useTransaction(tx -> {
            notes.insert(Note.of("nested"));                                              // note history 6
            taskDao.insert(new Task("nested", "nested", "later"));                        // task 2, history 3
        });
        // repository: lifecycle methods on one entity and on many
        tasks.insert(new Task("a", "a", "open"));                                         // task 3, history 4
        tasks.insertAll(List.of(new Task("b", "b", "open"), new Task("c", "c", "open"),
                new Task("d", "d", "open")));                                             // task 6, history 7
        tasks.save(new Task("a", "a, saved", "open"));                                    // history 8
        tasks.saveAll(List.of(new Task("b", "b, saved", "open"), new Task("e", "e", "open")));  // task 7, history 10
        tasks.update(new Task("c", "c, updated", "open"));                                // history 11
        tasks.updateAll(List.of(new Task("c", "c, again", "open"), new Task("d", "d, updated", "open")));  // 13
        tasks.delete(new Task("e", "e", "open"));                                         // task 6, history 14
        tasks.deleteAll(List.of(new Task("d", "d, updated", "open")));                    // task 5, history 15
        tasks.deleteById("c");                                                            // task 4, history 16
        // repository: a JDQL bulk update, a delete by method name, a native write
        assertEquals(3, tasks.move("open", "done"), "dao, a, b");                         // history 19
        assertEquals(1, tasks.deleteByState("later"), "nested");                          // task 3, history 20
        assertEquals(3, tasks.suffixTitles("done", "!"));                                 // native: no history
        // repository: streams over a server-side cursor, which see this transaction's writes
        try (Stream<Task> done = tasks.inState("done")) {
            assertEquals(List.of("a, saved!", "b, saved!", "by the dao, again!"),
                    done.map(Task::title).sorted().toList());
        }
        try (Stream<Task> all = tasks.findAll()) {
            assertEquals(3, all.count());
        }
        assertEquals(3 + (springsWrite == null ? 0 : 1), notes.count(),
                "the DAO sees what Spring's SQL wrote in the same transaction");
    }

    private static void springsWrite() {
        jdbc.update("INSERT INTO note (tenant_id, text) VALUES (current_setting('tenantdao.tenant'), 'by jdbc')");
    }

    @Test
    void springsRollbackUndoesEveryKindOfCallAndItsHistory() {
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs("rolled_back",
                () -> transactions.executeWithoutResult(status -> {
                    everyKindOfCall(SpringTransactionsTest::springsWrite);
                    assertEquals(3, jdbc.queryForObject("SELECT count(*) FROM task", Long.class),
                            "Spring's SQL sees the tenant's rows the repository wrote, under row-level security");
                    throw new IllegalStateException("the service fails after the DAO calls");
                })));
        assertEquals(nothing(), rowsPerTable("rolled_back"));
    }

    @Test
    void springsRollbackOnlyUndoesThemToo() {
        TenantContext.runAs("rollback_only", () -> transactions.executeWithoutResult(status -> {
            everyKindOfCall(SpringTransactionsTest::springsWrite);
            status.setRollbackOnly();
        }));
        assertEquals(nothing(), rowsPerTable("rollback_only"));
    }

    @Test
    void springsCommitKeepsEveryKindOfCallWithExactCounts() {
        TenantContext.runAs("committed", () -> transactions.executeWithoutResult(
                status -> everyKindOfCall(SpringTransactionsTest::springsWrite)));
        assertEquals(afterEveryKindOfCall(1), rowsPerTable("committed"));
    }

    @Test
    void outsideSpringsTransactionsEveryKindOfCallWorksAsBefore() {
        TenantContext.runAs("alone", () -> everyKindOfCall(null));
        assertEquals(afterEveryKindOfCall(0), rowsPerTable("alone"));
    }

    @Test
    void outsideSpringsTransactionsAHierarchysInsertAllIsStillAllOrNothing() {
        // the letters go first, one statement each: l1 is inserted, then l2 fails (no stamp), in the
        // insertAll's own transaction, which rolls l1 back; the crate is never reached
        assertThrows(RuntimeException.class, () -> TenantContext.runAs("alone_atomic",
                () -> parcels.insertAll(List.of(new Parcel.Crate(null, "c1", 1), new Parcel.Letter(null, "l1", "x"),
                        new Parcel.Letter(null, "l2", null)))));
        assertEquals(nothing(), rowsPerTable("alone_atomic"));
    }

    /** One call of each kind, named; for the refusals, whose arguments never reach the database. */
    private record Call(String name, Runnable run) {}

    private static List<Call> everyKindOfCallOnItsOwn() {
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("NoteDao.insert (hooked)", () -> notes.insert(Note.of("x"))));
        calls.add(new Call("NoteDao.insertAll", () -> notes.insertAll(List.of(Note.of("x"), Note.of("y")))));
        calls.add(new Call("NoteDao.update (hooked)", () -> notes.update(new Note(1L, "x"))));
        calls.add(new Call("NoteDao.delete (hooked)", () -> notes.delete(new Note(1L, "x"))));
        calls.add(new Call("NoteDao.count", () -> notes.count()));
        calls.add(new Call("TaskDao.upsert (hooked)", () -> taskDao.upsert(new Task("x", "x", "open"))));
        calls.add(new Call("TaskDao.update", () -> taskDao.update(new Task("x", "x", "open"))));
        calls.add(new Call("ParcelDao.insert (joined, listener)", () -> parcels.insert(new Parcel.Crate(null, "x", 1))));
        calls.add(new Call("ParcelDao.insertAll (joined)", () -> parcels.insertAll(List.of(
                new Parcel.Crate(null, "x", 1), new Parcel.Letter(null, "y", "z")))));
        calls.add(new Call("ParcelDao.update", () -> parcels.update(new Parcel.Crate(1L, "x", 1))));
        calls.add(new Call("ParcelDao.delete", () -> parcels.delete(new Parcel.Crate(1L, "x", 1))));
        calls.add(new Call("ReadingDao.insertAll (single table)", () -> readings.insertAll(List.of(
                new Reading.Temperature(null, "s", 1), new Reading.Humidity(null, "s", 2)))));
        calls.add(new Call("Database.useTransaction", () -> database.useTransaction(tx -> notes.insert(Note.of("x")))));
        calls.add(new Call("Tasks.insert", () -> tasks.insert(new Task("x", "x", "open"))));
        calls.add(new Call("Tasks.insertAll", () -> tasks.insertAll(List.of(new Task("x", "x", "open")))));
        calls.add(new Call("Tasks.save", () -> tasks.save(new Task("x", "x", "open"))));
        calls.add(new Call("Tasks.saveAll", () -> tasks.saveAll(List.of(new Task("x", "x", "open")))));
        calls.add(new Call("Tasks.update", () -> tasks.update(new Task("x", "x", "open"))));
        calls.add(new Call("Tasks.updateAll", () -> tasks.updateAll(List.of(new Task("x", "x", "open")))));
        calls.add(new Call("Tasks.delete", () -> tasks.delete(new Task("x", "x", "open"))));
        calls.add(new Call("Tasks.deleteAll", () -> tasks.deleteAll(List.of(new Task("x", "x", "open")))));
        calls.add(new Call("Tasks.deleteById", () -> tasks.deleteById("x")));
        calls.add(new Call("Tasks.move (JDQL bulk update)", () -> tasks.move("open", "done")));
        calls.add(new Call("Tasks.deleteByState", () -> tasks.deleteByState("done")));
        calls.add(new Call("Tasks.suffixTitles (native write)", () -> tasks.suffixTitles("open", "!")));
        calls.add(new Call("Tasks.inState (stream)", () -> {
            try (Stream<Task> s = tasks.inState("open")) {
                s.count();
            }
        }));
        calls.add(new Call("Tasks.findAll() (stream)", () -> {
            try (Stream<Task> s = tasks.findAll()) {
                s.count();
            }
        }));
        return calls;
    }

    @TestFactory
    Stream<DynamicTest> aSecondTenantInSpringsTransactionIsRefusedBeforeAnySqlAndAllRollsBack() {
        AtomicInteger n = new AtomicInteger();
        return everyKindOfCallOnItsOwn().stream().map(call -> DynamicTest.dynamicTest(call.name(), () -> {
            String first = "first_" + n.incrementAndGet();
            String second = "second_" + n.get();
            AtomicReference<List<String>> sent = new AtomicReference<>();
            assertThrows(TenantMismatchException.class, () -> TenantContext.runAs(first,
                    () -> transactions.executeWithoutResult(status -> {
                        notes.insert(Note.of("the first tenant's"));
                        springsWrite();
                        app.reset();
                        try {
                            TenantContext.runAs(second, () -> call.run().run());
                        } finally {
                            sent.set(app.statements());
                        }
                    })));
            assertEquals(List.of(), sent.get(), "refused before any SQL");
            assertEquals(nothing(), rowsPerTable(first), "Spring rolled back the first tenant's writes");
            assertEquals(nothing(), rowsPerTable(second));
        }));
    }

    @TestFactory
    Stream<DynamicTest> noTenantInSpringsTransactionIsRefusedBeforeAnySql() {
        return everyKindOfCallOnItsOwn().stream().map(call -> DynamicTest.dynamicTest(call.name(), () -> {
            AtomicReference<List<String>> sent = new AtomicReference<>();
            AtomicInteger connections = new AtomicInteger(-1);
            assertThrows(NoTenantException.class, () -> transactions.executeWithoutResult(status -> {
                assertEquals(1, jdbc.queryForObject("SELECT 1", Integer.class), "Spring's transaction has begun");
                app.reset();
                try {
                    call.run().run();
                } finally {
                    sent.set(app.statements());
                    connections.set(app.connectionCount());
                }
            }));
            assertEquals(List.of(), sent.get(), "no statement sent");
            assertEquals(0, connections.get(), "no connection taken");
        }));
    }

    @Test
    void aRequiresNewTransactionIsATransactionOfItsOwn() {
        TransactionTemplate requiresNew = new TransactionTemplate(transactions.getTransactionManager());
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        TenantContext.runAs("requires_new", () -> transactions.executeWithoutResult(outer -> {
            notes.insert(Note.of("outer, rolled back"));
            requiresNew.executeWithoutResult(inner -> notes.insert(Note.of("inner, committed")));
            notes.insert(Note.of("outer again"));
            outer.setRollbackOnly();
        }));
        assertEquals(1, rows("note", "requires_new"), "only the inner transaction's row: it committed on its own");
        assertEquals("inner, committed", new JdbcTemplate(owner).queryForObject(
                "SELECT text FROM note WHERE tenant_id = 'requires_new'", String.class));
    }

    /**
     * A NESTED savepoint rolled back undoes the tenant setting the first DAO call made inside it
     * (PostgreSQL undoes settings with the savepoint); a stream's statement, which carries no setting in
     * its SQL, sets the tenant itself first, so it still sees the tenant's rows.
     */
    @Test
    void aStreamAfterARolledBackNestedSavepointStillSeesTheTenantsRows() {
        TenantContext.runAs("savepoint", () -> tasks.insertAll(List.of(new Task("k1", "kept", "open"),
                new Task("k2", "kept", "open"))));
        TransactionTemplate nested = new TransactionTemplate(transactions.getTransactionManager());
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        long seen = TenantContext.callAs("savepoint", () -> transactions.execute(outer -> {
            nested.executeWithoutResult(inner -> {
                notes.insert(Note.of("the first DAO call: the tenant setting is made here"));
                inner.setRollbackOnly();
            });
            try (Stream<Task> open = tasks.inState("open")) {
                return open.count();
            }
        }));
        assertEquals(2, seen, "the tenant's two committed tasks");
    }

    @Test
    void aSavepointRolledBackAfterTheSettingWasMadeLeavesItInPlace() {
        TenantContext.runAs("savepoint_after", () -> tasks.insertAll(List.of(new Task("k1", "kept", "open"))));
        TransactionTemplate nested = new TransactionTemplate(transactions.getTransactionManager());
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        long seen = TenantContext.callAs("savepoint_after", () -> transactions.execute(outer -> {
            assertEquals(0, notes.count(), "the first DAO call, before the savepoint, makes the setting");
            nested.executeWithoutResult(inner -> {
                notes.insert(Note.of("rolled back"));
                inner.setRollbackOnly();
            });
            try (Stream<Task> open = tasks.inState("open")) {
                return open.count();
            }
        }));
        assertEquals(1, seen);
        assertTrue(rows("note", "savepoint_after") == 0, "the savepoint's insert was rolled back");
    }
}
