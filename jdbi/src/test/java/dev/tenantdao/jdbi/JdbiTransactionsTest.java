package dev.tenantdao.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantMismatchException;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * DAO and repository calls join Jdbi's transactions ({@code jdbi.useTransaction} and a SqlObject
 * {@code @Transaction} method), issue 16's tests: Jdbi's own writes mixed with every kind of DAO and
 * repository call, rolled back (nothing left, history included) and committed (exact counts); a second
 * tenant in one transaction refused; no tenant refused before any SQL; outside Jdbi's transactions,
 * everything as before; and Jdbi's own SQL in a transaction sees the current tenant's rows under
 * row-level security. On PostgreSQL, as a role that is neither superuser nor owner, in a schema of its
 * own.
 *
 * <p>What opens a transaction of its own today (outside any transaction), read from the processor's
 * writers ({@code processor/.../write}: every {@code support.atomically}, {@code support.stream},
 * {@code database.inTransaction/useTransaction} they emit) and the runtime's callers of
 * {@code Database.atomically}, {@code stream} and {@code inTransaction}; each is called below, and
 * each joins Jdbi's transaction instead:
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
class JdbiTransactionsTest {

    /** Existing Jdbi code of the application: a SqlObject on the same tables. */
    public interface Notes {
        @SqlUpdate("INSERT INTO note (tenant_id, text) VALUES (current_setting('tenantdao.tenant'), :text)")
        void add(@Bind("text") String text);

        @SqlQuery("SELECT count(*) FROM note")
        long visible();

        @SqlQuery("SELECT count(*) FROM task")
        long visibleTasks();

        @Transaction
        default void addBothThenFail(NoteDao dao, String text) {
            add(text + " (jdbi)");
            dao.insert(Note.of(text + " (dao)"));
            throw new IllegalStateException("fails after both writes");
        }

        /** Jdbi's write, then {@code then}, in one SqlObject transaction. */
        @Transaction
        default void addThen(String text, Runnable then) {
            add(text);
            then.run();
        }

        /** {@code work} in a SqlObject transaction. */
        @Transaction
        default void runInTransaction(Runnable work) {
            work.run();
        }

        /** Jdbi's write and every kind of call in one SqlObject transaction; then, if told to, a failure. */
        @Transaction
        default void everyKindOfCallThen(boolean fail) {
            everyKindOfCall(() -> add("by jdbi"));
            assertEquals(3, visibleTasks(), "Jdbi's SQL sees the tenant's rows the repository wrote");
            if (fail) {
                throw new IllegalStateException("the SqlObject method fails after the DAO calls");
            }
        }
    }

    private static final List<String> TABLES = List.of("note", "note_history", "task", "task_history", "parcel",
            "letter", "crate", "parcel_history", "reading");

    private static DataSource owner;
    private static RecordingDataSource app;
    private static Jdbi jdbi;
    private static Database database;
    private static NoteDao notes;
    private static TaskDao taskDao;
    private static ParcelDao parcels;
    private static ReadingDao readings;
    private static Tasks tasks;

    @BeforeAll
    static void schema() {
        owner = Postgres.shared().freshSchema("jdbi_transactions");
        Schema.create(owner, Note.class, Task.class, Parcel.class, Reading.class);
        app = new RecordingDataSource(Postgres.shared().applicationRole("tenantdao_app", "jdbi_transactions"));
        jdbi = Jdbi.create(app).installPlugin(new SqlObjectPlugin());
        JdbiTransactions transactions = JdbiTransactions.install(jdbi);
        database = Database.builder(app).externalTransactions(transactions).build();
        notes = new NoteDao(database);
        taskDao = new TaskDao(database);
        parcels = new ParcelDao(database);
        readings = new ReadingDao(database);
        tasks = new TasksImpl(database);
    }

    private static long rows(String table, String tenant) {
        try (Connection connection = owner.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
            statement.setString(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long rows(String tenant) {
        return rows("note", tenant);
    }

    private static long historyRows(String tenant) {
        return rows("note_history", tenant);
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

    /** What {@link #everyKindOfCall} leaves, with {@code byJdbi} rows Jdbi's own SQL wrote into {@code note}. */
    private static Map<String, Long> afterEveryKindOfCall(int byJdbi) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("note", 3L + byJdbi);      // first, batch 1, nested (batch 2 deleted), and Jdbi's
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
     * Every kind of DAO and repository call, each write counted; {@code jdbisWrite} is Jdbi's own
     * SQL (null: none, outside Jdbi's transactions, where it would have no tenant setting).
     */
    private static void everyKindOfCall(Runnable jdbisWrite) {
        // DAO, hooked Note: insert, insertAll, update, delete (each atomic on its own)
        Note first = notes.insert(Note.of(" first "));                                    // note 1, history 1
        if (jdbisWrite != null) {
            jdbisWrite.run();                                                           // note +1 (no history)
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
        assertEquals(3 + (jdbisWrite == null ? 0 : 1), notes.count(),
                "the DAO sees what Jdbi's SQL wrote in the same transaction");
    }

    @Test
    void aJdbiRollbackUndoesTheDaosWritesAndTheirHistory() {
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs("rolled_back", () -> jdbi.useTransaction(h -> {
            h.attach(Notes.class).add("by jdbi");
            notes.insert(Note.of("by the dao"));
            notes.insertAll(List.of(Note.of("batch 1"), Note.of("batch 2")));
            throw new IllegalStateException("the application fails");
        })));
        assertEquals(0, rows("rolled_back"));
        assertEquals(0, historyRows("rolled_back"));
    }

    @Test
    void aJdbiRollbackUndoesEveryKindOfCallAndItsHistory() {
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs("every_rolled_back",
                () -> jdbi.useTransaction(h -> {
                    everyKindOfCall(() -> h.attach(Notes.class).add("by jdbi"));
                    assertEquals(3, h.attach(Notes.class).visibleTasks(),
                            "Jdbi's SQL sees the tenant's rows the repository wrote, under row-level security");
                    throw new IllegalStateException("the application fails after the DAO calls");
                })));
        assertEquals(nothing(), rowsPerTable("every_rolled_back"));
    }

    @Test
    void aJdbiCommitKeepsEveryKindOfCallWithExactCounts() {
        TenantContext.runAs("every_committed", () -> jdbi.useTransaction(
                h -> everyKindOfCall(() -> h.attach(Notes.class).add("by jdbi"))));
        assertEquals(afterEveryKindOfCall(1), rowsPerTable("every_committed"));
    }

    @Test
    void aSqlObjectTransactionRollsBackEveryKindOfCall() {
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs("sql_object_rolled_back",
                () -> jdbi.onDemand(Notes.class).everyKindOfCallThen(true)));
        assertEquals(nothing(), rowsPerTable("sql_object_rolled_back"));
    }

    @Test
    void aSqlObjectTransactionCommitsEveryKindOfCall() {
        TenantContext.runAs("sql_object_committed", () -> jdbi.onDemand(Notes.class).everyKindOfCallThen(false));
        assertEquals(afterEveryKindOfCall(1), rowsPerTable("sql_object_committed"));
    }

    @Test
    void outsideJdbisTransactionsEveryKindOfCallWorksAsBefore() {
        TenantContext.runAs("alone", () -> everyKindOfCall(null));
        assertEquals(afterEveryKindOfCall(0), rowsPerTable("alone"));
    }

    @Test
    void outsideJdbisTransactionsAHierarchysInsertAllIsStillAllOrNothing() {
        // the letters go first, one statement each: l1 is inserted, then l2 fails (no stamp), in the
        // insertAll's own transaction, which rolls l1 back; the crate is never reached
        assertThrows(RuntimeException.class, () -> TenantContext.runAs("alone_atomic",
                () -> parcels.insertAll(List.of(new Parcel.Crate(null, "c1", 1), new Parcel.Letter(null, "l1", "x"),
                        new Parcel.Letter(null, "l2", null)))));
        assertEquals(nothing(), rowsPerTable("alone_atomic"));
    }

    @Test
    void aJdbiCommitKeepsThemAndTheDaoSeesJdbisUncommittedRows() {
        TenantContext.runAs("committed", () -> jdbi.useTransaction(h -> {
            h.attach(Notes.class).add("by jdbi");
            notes.insert(Note.of("by the dao"));
            assertEquals(2, notes.count(), "the DAO sees the row Jdbi wrote in the same transaction");
        }));
        assertEquals(2, rows("committed"));
        assertEquals(1, historyRows("committed"));
    }

    @Test
    void aSqlObjectTransactionRollsBackTheDaoToo() {
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs("sql_object",
                () -> jdbi.onDemand(Notes.class).addBothThenFail(notes, "x")));
        assertEquals(0, rows("sql_object"));
    }

    @Test
    void jdbisOwnQueriesSeeTheCurrentTenantsRowsUnderRowLevelSecurity() {
        TenantContext.runAs("rls_a", () -> notes.insertAll(List.of(Note.of("a1"), Note.of("a2"))));
        TenantContext.runAs("rls_b", () -> notes.insert(Note.of("b1")));
        long seen = TenantContext.callAs("rls_a", () -> jdbi.inTransaction(h -> h.attach(Notes.class).visible()));
        assertEquals(2, seen, "Jdbi's SQL in a transaction carries the tenant: a's rows, never b's");
        long outside = jdbi.inTransaction(h -> h.attach(Notes.class).visible());
        assertEquals(0, outside, "without a tenant, row-level security shows nothing");
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
    Stream<DynamicTest> aSecondTenantInAJdbiTransactionIsRefusedBeforeAnySqlAndAllRollsBack() {
        AtomicInteger n = new AtomicInteger();
        return everyKindOfCallOnItsOwn().stream().map(call -> DynamicTest.dynamicTest(call.name(), () -> {
            String first = "first_" + n.incrementAndGet();
            String second = "second_" + n.get();
            AtomicReference<List<String>> sent = new AtomicReference<>();
            assertThrows(TenantMismatchException.class, () -> TenantContext.runAs(first,
                    () -> jdbi.useTransaction(h -> {
                        h.attach(Notes.class).add("the first tenant's, by jdbi");
                        notes.insert(Note.of("the first tenant's"));
                        app.reset();
                        try {
                            TenantContext.runAs(second, () -> call.run().run());
                        } finally {
                            sent.set(app.statements());
                        }
                    })));
            assertEquals(List.of(), sent.get(), "refused before any SQL");
            assertEquals(nothing(), rowsPerTable(first), "Jdbi rolled back the first tenant's writes");
            assertEquals(nothing(), rowsPerTable(second));
        }));
    }

    @TestFactory
    Stream<DynamicTest> aSecondTenantInASqlObjectTransactionIsRefusedAndAllRollsBack() {
        AtomicInteger n = new AtomicInteger();
        return everyKindOfCallOnItsOwn().stream().map(call -> DynamicTest.dynamicTest(call.name(), () -> {
            String first = "so_first_" + n.incrementAndGet();
            String second = "so_second_" + n.get();
            assertThrows(TenantMismatchException.class, () -> TenantContext.runAs(first,
                    () -> jdbi.onDemand(Notes.class).addThen("the first tenant's, by jdbi", () -> {
                        notes.insert(Note.of("the first tenant's"));
                        TenantContext.runAs(second, () -> call.run().run());
                    })));
            assertEquals(nothing(), rowsPerTable(first), "Jdbi rolled back the first tenant's writes");
            assertEquals(nothing(), rowsPerTable(second));
        }));
    }

    @TestFactory
    Stream<DynamicTest> noTenantInAJdbiTransactionIsRefusedBeforeAnySql() {
        return everyKindOfCallOnItsOwn().stream().map(call -> DynamicTest.dynamicTest(call.name(), () -> {
            AtomicReference<List<String>> sent = new AtomicReference<>();
            AtomicInteger connections = new AtomicInteger(-1);
            assertThrows(NoTenantException.class, () -> jdbi.useTransaction(h -> {
                assertEquals(1, h.createQuery("SELECT 1").mapTo(Integer.class).one(), "Jdbi's transaction has begun");
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

    @TestFactory
    Stream<DynamicTest> noTenantInASqlObjectTransactionIsRefusedBeforeAnySql() {
        return everyKindOfCallOnItsOwn().stream().map(call -> DynamicTest.dynamicTest(call.name(), () -> {
            AtomicReference<List<String>> sent = new AtomicReference<>();
            AtomicInteger connections = new AtomicInteger(-1);
            assertThrows(NoTenantException.class, () -> jdbi.onDemand(Notes.class).runInTransaction(() -> {
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
}
