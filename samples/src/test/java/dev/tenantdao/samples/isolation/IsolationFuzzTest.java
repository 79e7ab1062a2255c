package dev.tenantdao.samples.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.InvalidTenantException;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantMismatchException;
import dev.tenantdao.runtime.TenantRouting;
import dev.tenantdao.runtime.UnknownTenantException;
import dev.tenantdao.samples.isolation.NoteStore.Note;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded random walk over every generated DAO method under random tenants, for each tenancy
 * strategy, checked after every step against an in-memory model per tenant: a result that holds
 * another tenant's row, or a change that reaches one, fails the test. Interleaved: calls without a
 * tenant, a tenant switched inside a transaction, hostile tenant ids, and (row strategy) raw SQL on
 * a runtime connection as a non-superuser role, which row-level security must confine.
 *
 * <p>The same walk runs over {@code @SoftDelete} notes (half as many steps), with soft-deleted rows in the
 * mix: deletes keep rows, which every generated method must then miss while restore, findDeletedById,
 * findAllDeleted and purge reach them, in their own tenant only.
 *
 * <p>{@code -Dtenantdao.isolation.operations=1000000} scales it (default 10,000 per strategy);
 * {@code -Dtenantdao.isolation.seed=N} replays a run. Runs on connection pools, as applications do.
 */
class IsolationFuzzTest {

    private static final int OPERATIONS = Integer.getInteger("tenantdao.isolation.operations", 10_000);
    private static final long SEED = Long.getLong("tenantdao.isolation.seed", 20261125L);
    /** Prefix of the schemas and databases the test creates, so a long run can go beside the suite. */
    private static final String PREFIX = System.getProperty("tenantdao.isolation.prefix", "iso");
    private static final int FULL_CHECK_EVERY = Math.max(1000, OPERATIONS / 200);
    private static final List<String> TENANTS = List.of("t0", "t1", "t2", "t3");
    private static final List<String> HOSTILE = HostileTenantIds.generate(SEED);
    private static final List<HikariDataSource> POOLS = new ArrayList<>();

    @AfterAll
    static void closePools() {
        POOLS.forEach(HikariDataSource::close);
    }

    private static HikariDataSource pool(DataSource target) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(target);
        config.setMaximumPoolSize(2);
        HikariDataSource pool = new HikariDataSource(config);
        POOLS.add(pool);
        return pool;
    }

    @Test
    void rowStrategy() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema(PREFIX + "_row"), RowNote.class);
        RecordingDataSource app = new RecordingDataSource(pool(server.applicationRole("tenantdao_app", PREFIX + "_row")));
        Database database = new Database(app);
        Walk walk = new Walk("row", NoteStore.of(new RowNoteDao(database)), database, app);
        walk.rawSql = true;
        walk.run();
    }

    @Test
    void rowStrategyWithSoftDeletes() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema(PREFIX + "_soft_row"), RowSoftNote.class);
        RecordingDataSource app = new RecordingDataSource(pool(server.applicationRole("tenantdao_app", PREFIX + "_soft_row")));
        Database database = new Database(app);
        RowSoftNoteDao dao = new RowSoftNoteDao(database);
        Walk walk = new Walk("row, soft deletes", NoteStore.of(dao), database, app);
        walk.soft = NoteStore.SoftDeletes.of(dao);
        walk.rawSql = true;
        walk.table = "row_soft_note";
        walk.run();
    }

    @Test
    void schemaPerTenantWithSoftDeletes() {
        Postgres server = Postgres.shared();
        RecordingDataSource admin = new RecordingDataSource(pool(server.freshSchema(PREFIX + "_soft_schema")));
        Database database = Database.builder(admin).schemaMapping(tenant -> PREFIX + "_soft_" + tenant).build();
        for (String tenant : TENANTS) {
            server.freshSchema(PREFIX + "_soft_" + tenant);
            database.createTenant(tenant, SchemaSoftNote.class);
        }
        SchemaSoftNoteDao dao = new SchemaSoftNoteDao(database);
        Walk walk = new Walk("schema, soft deletes", NoteStore.of(dao), database, admin);
        walk.soft = NoteStore.SoftDeletes.of(dao);
        walk.schemaPrefix = PREFIX + "_soft_";
        walk.run();
    }

    @Test
    void databasePerTenantWithSoftDeletes() {
        Postgres server = Postgres.shared();
        Map<String, DataSource> databases = new HashMap<>();
        for (String tenant : TENANTS) {
            databases.put(tenant, pool(server.freshDatabase(PREFIX + "_sdb_" + tenant)));
        }
        RecordingDataSource control = new RecordingDataSource(pool(server.freshSchema(PREFIX + "_soft_database")));
        CountingRouting counting = new CountingRouting(TenantRouting.of(databases));
        Database database = Database.builder(control).routing(counting).build();
        for (String tenant : TENANTS) {
            database.createTenant(tenant, DatabaseSoftNote.class);
        }
        DatabaseSoftNoteDao dao = new DatabaseSoftNoteDao(database);
        Walk walk = new Walk("database, soft deletes", NoteStore.of(dao), database, control);
        walk.soft = NoteStore.SoftDeletes.of(dao);
        walk.routing = counting;
        walk.run();
    }

    @Test
    void schemaPerTenant() {
        Postgres server = Postgres.shared();
        RecordingDataSource admin = new RecordingDataSource(pool(server.freshSchema(PREFIX + "_schema")));
        Database database = Database.builder(admin).schemaMapping(tenant -> PREFIX + "_" + tenant).build();
        for (String tenant : TENANTS) {
            server.freshSchema(PREFIX + "_" + tenant);
            database.createTenant(tenant, SchemaNote.class);
        }
        new Walk("schema", NoteStore.of(new SchemaNoteDao(database)), database, admin).run();
    }

    @Test
    void databasePerTenant() {
        Postgres server = Postgres.shared();
        Map<String, DataSource> databases = new HashMap<>();
        for (String tenant : TENANTS) {
            databases.put(tenant, pool(server.freshDatabase(PREFIX + "_db_" + tenant)));
        }
        RecordingDataSource control = new RecordingDataSource(pool(server.freshSchema(PREFIX + "_database")));
        CountingRouting counting = new CountingRouting(TenantRouting.of(databases));
        Database database = Database.builder(control).routing(counting).build();
        for (String tenant : TENANTS) {
            database.createTenant(tenant, DatabaseNote.class);
        }
        Walk walk = new Walk("database", NoteStore.of(new DatabaseNoteDao(database)), database, control);
        walk.routing = counting;
        walk.run();
    }

    /** Counts the connections taken through the routing, to prove rejected calls took none. */
    private static final class CountingRouting implements TenantRouting {
        private final TenantRouting target;
        private final Map<String, RecordingDataSource> recorded = new HashMap<>();

        CountingRouting(TenantRouting target) {
            this.target = target;
        }

        @Override
        public synchronized DataSource dataSourceFor(String tenant) {
            DataSource dataSource = target.dataSourceFor(tenant);
            return recorded.computeIfAbsent(tenant, t -> new RecordingDataSource(dataSource));
        }

        synchronized int connections() {
            return recorded.values().stream().mapToInt(RecordingDataSource::connectionCount).sum();
        }
    }

    /** One random walk over one strategy. */
    private static final class Walk {
        private final String strategy;
        private final NoteStore store;
        private final Database database;
        private final RecordingDataSource recording;
        private final Random random = new Random(SEED);
        private final Map<String, TreeMap<Long, Note>> model = new LinkedHashMap<>();
        /** Soft deletes: per tenant, its deleted rows (null: the notes are not soft-deleted). */
        private final Map<String, TreeMap<Long, Note>> deleted = new LinkedHashMap<>();
        private NoteStore.SoftDeletes soft;
        private String table = "row_note";
        private String schemaPrefix = PREFIX + "_";
        private final Map<String, Integer> counts = new TreeMap<>();
        private boolean rawSql;
        private CountingRouting routing;
        private int step;
        private int bodies;

        Walk(String strategy, NoteStore store, Database database, RecordingDataSource recording) {
            this.strategy = strategy;
            this.store = store;
            this.database = database;
            this.recording = recording;
            TENANTS.forEach(t -> model.put(t, new TreeMap<>()));
        }

        void run() {
            long started = System.nanoTime();
            int operations = soft == null ? OPERATIONS : OPERATIONS / 2;
            for (step = 0; step < operations; step++) {
                int dice = random.nextInt(100);
                if (dice < 2) {
                    withoutTenant();
                } else if (dice < 3) {
                    tenantSwitchInTransaction();
                } else if (dice < 6) {
                    hostileTenant();
                } else if (dice < 8 && rawSql) {
                    rawSqlUnderRowLevelSecurity();
                } else {
                    String tenant = TENANTS.get(random.nextInt(TENANTS.size()));
                    TenantContext.runAs(tenant, () -> daoCall(tenant));
                }
                if (step % FULL_CHECK_EVERY == FULL_CHECK_EVERY - 1) {
                    fullCheck();
                }
            }
            fullCheck();
            System.out.printf("isolation %s: %d operations, seed %d, %d ms, leaks 0, by kind %s%n", strategy,
                    operations, SEED, (System.nanoTime() - started) / 1_000_000, counts);
        }

        private void count(String kind) {
            counts.merge(kind, 1, Integer::sum);
        }

        private String context(String what) {
            return strategy + " step " + step + " (seed " + SEED + "): " + what;
        }

        private Note newNote(String tenant) {
            return new Note(null, null, tenant + ":" + (bodies++), 0);
        }

        private TreeMap<Long, Note> deletedOf(String tenant) {
            return deleted.computeIfAbsent(tenant, t -> new TreeMap<>());
        }

        /** An id of the tenant's own rows, of any tenant's, or one nobody has; with soft deletes, often a deleted row's. */
        private long anyId(String tenant) {
            if (soft != null && random.nextInt(4) == 0) {
                List<TreeMap<Long, Note>> withRows = deleted.values().stream().filter(d -> !d.isEmpty()).toList();
                if (!withRows.isEmpty()) {
                    TreeMap<Long, Note> rows = random.nextBoolean() && !deletedOf(tenant).isEmpty() ? deletedOf(tenant)
                            : withRows.get(random.nextInt(withRows.size()));
                    return randomKey(rows);
                }
            }
            int dice = random.nextInt(10);
            TreeMap<Long, Note> own = model.get(tenant);
            if (dice < 5 && own != null && !own.isEmpty()) {
                return randomKey(own);
            }
            Map.Entry<String, Note> row = dice < 9 ? anyRow() : null;
            return row == null ? 1_000_000_000L + random.nextInt(1000) : row.getValue().id();
        }

        private long randomKey(TreeMap<Long, Note> rows) {
            long probe = rows.firstKey() + (long) (random.nextDouble() * (rows.lastKey() - rows.firstKey() + 1));
            Long key = rows.ceilingKey(probe);
            return key != null ? key : rows.firstKey();
        }

        /** A row of any tenant (as that tenant would hold it), or null when there are none. */
        private Map.Entry<String, Note> anyRow() {
            List<String> withRows = model.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                    .map(Map.Entry::getKey).toList();
            if (withRows.isEmpty()) {
                return null;
            }
            String tenant = withRows.get(random.nextInt(withRows.size()));
            return Map.entry(tenant, model.get(tenant).get(randomKey(model.get(tenant))));
        }

        private Note expected(Note note, String tenant) {
            return store.exposesTenant() ? note.withTenant(tenant) : note;
        }

        private void daoCall(String tenant) {
            TreeMap<Long, Note> own = model.get(tenant);
            int kind = random.nextInt(soft == null ? 10 : 14);
            if (kind <= 1 && own.size() > 1_000) {
                kind = 9;     // keep tables at a size where every step stays cheap on long runs
            }
            switch (kind) {
                case 0 -> {
                    count("insert");
                    Note inserted = store.insert(newNote(tenant));
                    assertTrue(!own.containsKey(inserted.id()), context("insert reused an id of its own tenant"));
                    own.put(inserted.id(), inserted);
                    assertEquals(expected(inserted.withTenant(null), tenant), inserted, context("insert"));
                }
                case 1 -> {
                    count("insertAll");
                    List<Note> batch = new ArrayList<>();
                    for (int i = random.nextInt(4); i >= 0; i--) {
                        batch.add(newNote(tenant));
                    }
                    List<Note> inserted = store.insertAll(batch);
                    assertEquals(batch.stream().map(Note::body).toList(), inserted.stream().map(Note::body).toList(),
                            context("insertAll"));
                    inserted.forEach(n -> own.put(n.id(), n));
                }
                case 2 -> {
                    count("findById");
                    long id = anyId(tenant);
                    assertEquals(Optional.ofNullable(own.get(id)), store.findById(id), context("findById " + id));
                }
                case 3 -> {
                    count("findAllAfter");
                    Long after = random.nextInt(5) == 0 ? null : anyId(tenant);
                    int limit = random.nextInt(8);
                    List<Note> expected = (after == null ? own : own.tailMap(after, false)).values().stream()
                            .limit(limit).toList();
                    assertEquals(expected, store.findAllAfter(after, limit), context("findAllAfter " + after));
                }
                case 4 -> {
                    count("findAll");
                    int limit = random.nextInt(8);
                    long offset = random.nextInt(Math.max(1, own.size() + 2));
                    List<Note> expected = own.values().stream().skip(offset).limit(limit).toList();
                    assertEquals(expected, store.findAll(limit, offset), context("findAll"));
                }
                case 5 -> {
                    count("count");
                    assertEquals(own.size(), store.count(), context("count"));
                }
                case 6 -> {
                    count("existsById");
                    long id = anyId(tenant);
                    assertEquals(own.containsKey(id), store.existsById(id), context("existsById " + id));
                }
                case 7 -> update(tenant, own);
                case 8 -> delete(tenant, own);
                case 10 -> {
                    count("restore");
                    long id = anyId(tenant);
                    Note restored = deletedOf(tenant).remove(id);
                    assertEquals(restored != null, soft.restore().test(id), context("restore " + id));
                    if (restored != null) {
                        own.put(id, restored);
                    }
                }
                case 11 -> {
                    count("findDeletedById");
                    long id = anyId(tenant);
                    assertEquals(Optional.ofNullable(deletedOf(tenant).get(id)), soft.findDeletedById().apply(id),
                            context("findDeletedById " + id));
                }
                case 12 -> {
                    count("findAllDeleted");
                    int limit = random.nextInt(8);
                    long offset = random.nextInt(Math.max(1, deletedOf(tenant).size() + 2));
                    assertEquals(deletedOf(tenant).values().stream().skip(offset).limit(limit).toList(),
                            soft.findAllDeleted().apply(limit, offset), context("findAllDeleted"));
                }
                case 13 -> {
                    count("purge");
                    long id = anyId(tenant);
                    boolean held = own.remove(id) != null | deletedOf(tenant).remove(id) != null;
                    assertEquals(held, soft.purge().test(id), context("purge " + id));
                }
                default -> {
                    count("deleteById");
                    long id = anyId(tenant);
                    boolean deleted = store.deleteById(id);
                    assertEquals(own.containsKey(id), deleted, context("deleteById " + id));
                    removed(tenant, own.remove(id));
                }
            }
        }

        /** A row the DAO deleted: with soft deletes, kept as the tenant's deleted row. */
        private void removed(String tenant, Note note) {
            if (soft != null && note != null) {
                deletedOf(tenant).put(note.id(), note);
            }
        }

        private void update(String tenant, TreeMap<Long, Note> own) {
            count("update");
            if (soft != null && !deletedOf(tenant).isEmpty() && random.nextInt(4) == 0) {
                Note gone = deletedOf(tenant).get(randomKey(deletedOf(tenant)));
                expect(RowNotFoundException.class, () -> store.update(gone.withBody("changed")),
                        "update of a deleted row");
                return;
            }
            Map.Entry<String, Note> row = anyRow();
            if (row == null) {
                return;
            }
            Note target = row.getValue();
            String owner = row.getKey();
            boolean carriesTenant = store.exposesTenant() && random.nextBoolean();
            Note changed = (carriesTenant ? target : target.withTenant(null)).withBody(tenant + ":" + (bodies++));
            boolean mine = own.containsKey(target.id());
            if (carriesTenant && !owner.equals(tenant)) {
                expectRejected(TenantMismatchException.class, () -> store.update(changed), "update carrying " + owner);
            } else if (mine) {
                Note updated = store.update(changed);
                assertEquals(expected(changed.withTenant(null), tenant), updated, context("update"));
                own.put(updated.id(), updated);
            } else {
                expect(RowNotFoundException.class, () -> store.update(changed), "update of another tenant's row");
            }
        }

        private void delete(String tenant, TreeMap<Long, Note> own) {
            count("delete");
            Map.Entry<String, Note> row = anyRow();
            if (row == null) {
                return;
            }
            Note target = row.getValue();
            boolean carriesTenant = store.exposesTenant() && random.nextBoolean();
            Note argument = carriesTenant ? target : target.withTenant(null);
            if (carriesTenant && !row.getKey().equals(tenant)) {
                expectRejected(TenantMismatchException.class, () -> {
                    store.delete(argument);
                    return null;
                }, "delete carrying " + row.getKey());
            } else if (own.containsKey(target.id())) {
                store.delete(argument);
                removed(tenant, own.remove(target.id()));
            } else {
                expect(RowNotFoundException.class, () -> {
                    store.delete(argument);
                    return null;
                }, "delete of another tenant's row");
            }
        }

        private void withoutTenant() {
            count("noTenant");
            expectRejected(NoTenantException.class, this::anyMethod, "a call without tenant");
        }

        private Object anyMethod() {
            String tenant = "nobody";
            return switch (random.nextInt(6)) {
                case 0 -> store.count();
                case 1 -> store.findAll(10, 0);
                case 2 -> store.findById(anyId(tenant));
                case 3 -> store.insert(newNote("nobody"));
                case 4 -> store.deleteById(anyId(tenant));
                default -> store.findAllAfter(null, 5);
            };
        }

        private void tenantSwitchInTransaction() {
            count("switchInTransaction");
            String first = TENANTS.get(random.nextInt(TENANTS.size()));
            String second = TENANTS.get((TENANTS.indexOf(first) + 1 + random.nextInt(TENANTS.size() - 1)) % TENANTS.size());
            try {
                TenantContext.runAs(first, () -> database.useTransaction(tx -> {
                    store.insert(newNote(first));                     // rolled back with the transaction
                    TenantContext.runAs(second, store::count);
                }));
                fail(context("a tenant switch inside a transaction went through"));
            } catch (TenantMismatchException expected) {
                // the insert is rolled back; the model does not change
            }
        }

        private void hostileTenant() {
            count("hostileTenant");
            String hostile = HOSTILE.get(random.nextInt(HOSTILE.size()));
            Class<? extends RuntimeException> rejection = rejectionOf(hostile);
            if (rejection == null) {
                TreeMap<Long, Note> own = model.computeIfAbsent(hostile, t -> new TreeMap<>());
                TenantContext.runAs(hostile, () -> {
                    if (random.nextBoolean()) {
                        Note inserted = store.insert(newNote(hostile));
                        own.put(inserted.id(), inserted);
                    }
                    assertEquals(List.copyOf(own.values()), store.findAll(Integer.MAX_VALUE, 0), context("hostile " + hostile));
                });
            } else if (rejection == DataAccessException.class) {
                expect(DataAccessException.class, () -> TenantContext.callAs(hostile, store::count),
                        "a tenant without schema");
            } else {
                expectRejected(rejection, () -> TenantContext.callAs(hostile, this::anyMethod), "hostile " + hostile);
            }
        }

        /** What a call under {@code hostile} must fail with; null when it is a tenant like any other. */
        private Class<? extends RuntimeException> rejectionOf(String hostile) {
            boolean invalid = hostile.isBlank() || hostile.length() > 128 || !hostile.equals(hostile.strip())
                    || hostile.chars().anyMatch(Character::isISOControl)
                    || !hostile.equals(new String(hostile.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            if (invalid) {
                return InvalidTenantException.class;
            }
            if (TENANTS.contains(hostile)) {
                return null;
            }
            return switch (strategy.split(",")[0]) {
                case "row" -> null;
                case "schema" -> (schemaPrefix + hostile).matches("[a-z_][a-z0-9_]{0,62}")
                        ? DataAccessException.class : InvalidTenantException.class;
                default -> UnknownTenantException.class;
            };
        }

        private void rawSqlUnderRowLevelSecurity() {
            count("rawSql");
            String tenant = TENANTS.get(random.nextInt(TENANTS.size()));
            Set<Long> seen = new TreeSet<>();
            int[] touched = new int[1];
            TenantContext.runAs(tenant, () -> database.useTransaction(tx -> {
                try (Statement s = tx.connection().createStatement()) {
                    try (ResultSet rows = s.executeQuery("SELECT id FROM " + table)) {
                        while (rows.next()) {
                            seen.add(rows.getLong(1));
                        }
                    }
                    touched[0] = s.executeUpdate("UPDATE " + table + " SET version = version + 1000");
                } catch (SQLException e) {
                    throw new AssertionError(context("raw SQL failed"), e);
                }
                tx.setRollbackOnly();
            }));
            // raw SQL filters no deleted rows (it is not the DAO's), but row-level security confines them too
            Set<Long> rows = new TreeSet<>(model.get(tenant).keySet());
            rows.addAll(deletedOf(tenant).keySet());
            assertEquals(rows, seen, context("raw SELECT under RLS"));
            assertEquals(rows.size(), touched[0], context("raw UPDATE under RLS"));
        }

        private void fullCheck() {
            model.forEach((tenant, own) -> {
                if (rejectionOf(tenant) != null) {
                    return;
                }
                List<Note> all = TenantContext.callAs(tenant, () -> store.findAll(Integer.MAX_VALUE, 0));
                assertEquals(List.copyOf(own.values()), all, context("full check of " + tenant));
                if (soft != null) {
                    List<Note> gone = TenantContext.callAs(tenant, () -> soft.findAllDeleted().apply(Integer.MAX_VALUE, 0L));
                    assertEquals(List.copyOf(deletedOf(tenant).values()), gone, context("full check of deleted rows of " + tenant));
                }
            });
        }

        private <T> void expect(Class<? extends RuntimeException> type, Supplier<T> call, String what) {
            try {
                call.get();
                fail(context(what + " went through"));
            } catch (RuntimeException e) {
                if (!type.isInstance(e)) {
                    throw new AssertionError(context(what + " threw " + e), e);
                }
            }
        }

        /** Like {@link #expect}, and proves no connection was taken: nothing reached a database. */
        private <T> void expectRejected(Class<? extends RuntimeException> type, Supplier<T> call, String what) {
            int before = connections();
            expect(type, call, what);
            assertEquals(before, connections(), context(what + " took a connection"));
        }

        private int connections() {
            return recording.connectionCount() + (routing == null ? 0 : routing.connections());
        }
    }
}
