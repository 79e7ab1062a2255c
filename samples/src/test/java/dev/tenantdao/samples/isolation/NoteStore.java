package dev.tenantdao.samples.isolation;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The ten generated methods of one of the note DAOs, over one common {@link Note} type, so a single
 * random walk drives all three strategies. Each adapter only converts; it calls the generated DAO.
 */
interface NoteStore {

    /** A note as the test sees it; {@code tenant} is only ever set for the row strategy. */
    record Note(Long id, String tenant, String body, int version) {
        Note withBody(String newBody) {
            return new Note(id, tenant, newBody, version + 1);
        }

        Note withTenant(String newTenant) {
            return new Note(id, newTenant, body, version);
        }
    }

    Note insert(Note note);

    List<Note> insertAll(List<Note> notes);

    Optional<Note> findById(long id);

    List<Note> findAllAfter(Long afterId, int limit);

    List<Note> findAll(int limit, long offset);

    long count();

    boolean existsById(long id);

    Note update(Note note);

    void delete(Note note);

    boolean deleteById(long id);

    /** Whether notes carry their tenant (row strategy with {@code @TenantId}). */
    boolean exposesTenant();

    static NoteStore of(RowNoteDao dao) {
        return new DaoStore<>(n -> new RowNote(n.id(), n.tenant(), n.body(), n.version()),
                r -> new Note(r.id(), r.tenant(), r.body(), r.version()), true,
                dao::insert, dao::insertAll, dao::findById, dao::findAllAfter, dao::findAll, dao::count,
                dao::existsById, dao::update, dao::delete, dao::deleteById);
    }

    static NoteStore of(SchemaNoteDao dao) {
        return new DaoStore<>(n -> new SchemaNote(n.id(), n.body(), n.version()),
                r -> new Note(r.id(), null, r.body(), r.version()), false,
                dao::insert, dao::insertAll, dao::findById, dao::findAllAfter, dao::findAll, dao::count,
                dao::existsById, dao::update, dao::delete, dao::deleteById);
    }

    static NoteStore of(DatabaseNoteDao dao) {
        return new DaoStore<>(n -> new DatabaseNote(n.id(), n.body(), n.version()),
                r -> new Note(r.id(), null, r.body(), r.version()), false,
                dao::insert, dao::insertAll, dao::findById, dao::findAllAfter, dao::findAll, dao::count,
                dao::existsById, dao::update, dao::delete, dao::deleteById);
    }

    static NoteStore of(RowSoftNoteDao dao) {
        return new DaoStore<>(n -> new RowSoftNote(n.id(), n.tenant(), n.body(), n.version()),
                r -> new Note(r.id(), r.tenant(), r.body(), r.version()), true,
                dao::insert, dao::insertAll, dao::findById, dao::findAllAfter, dao::findAll, dao::count,
                dao::existsById, dao::update, dao::delete, dao::deleteById);
    }

    static NoteStore of(SchemaSoftNoteDao dao) {
        return new DaoStore<>(n -> new SchemaSoftNote(n.id(), n.body(), n.version()),
                r -> new Note(r.id(), null, r.body(), r.version()), false,
                dao::insert, dao::insertAll, dao::findById, dao::findAllAfter, dao::findAll, dao::count,
                dao::existsById, dao::update, dao::delete, dao::deleteById);
    }

    static NoteStore of(DatabaseSoftNoteDao dao) {
        return new DaoStore<>(n -> new DatabaseSoftNote(n.id(), n.body(), n.version()),
                r -> new Note(r.id(), null, r.body(), r.version()), false,
                dao::insert, dao::insertAll, dao::findById, dao::findAllAfter, dao::findAll, dao::count,
                dao::existsById, dao::update, dao::delete, dao::deleteById);
    }

    /** The methods a {@code @SoftDelete} note's DAO adds, over {@link Note}. */
    record SoftDeletes(
            Predicate<Long> restore,
            Function<Long, Optional<Note>> findDeletedById,
            BiFunction<Integer, Long, List<Note>> findAllDeleted,
            Predicate<Long> purge) {

        static SoftDeletes of(RowSoftNoteDao dao) {
            Function<RowSoftNote, Note> note = r -> new Note(r.id(), r.tenant(), r.body(), r.version());
            return new SoftDeletes(dao::restore, id -> dao.findDeletedById(id).map(note),
                    (limit, offset) -> dao.findAllDeleted(limit, offset).stream().map(note).toList(), dao::purge);
        }

        static SoftDeletes of(SchemaSoftNoteDao dao) {
            Function<SchemaSoftNote, Note> note = r -> new Note(r.id(), null, r.body(), r.version());
            return new SoftDeletes(dao::restore, id -> dao.findDeletedById(id).map(note),
                    (limit, offset) -> dao.findAllDeleted(limit, offset).stream().map(note).toList(), dao::purge);
        }

        static SoftDeletes of(DatabaseSoftNoteDao dao) {
            Function<DatabaseSoftNote, Note> note = r -> new Note(r.id(), null, r.body(), r.version());
            return new SoftDeletes(dao::restore, id -> dao.findDeletedById(id).map(note),
                    (limit, offset) -> dao.findAllDeleted(limit, offset).stream().map(note).toList(), dao::purge);
        }
    }

    /** A generated DAO's methods as functions, converting between its entity {@code E} and {@link Note}. */
    record DaoStore<E>(
            Function<Note, E> entity,
            Function<E, Note> note,
            boolean exposesTenant,
            UnaryOperator<E> insertOne,
            UnaryOperator<List<E>> insertMany,
            Function<Long, Optional<E>> byId,
            BiFunction<Long, Integer, List<E>> after,
            BiFunction<Integer, Long, List<E>> page,
            LongSupplier counter,
            Predicate<Long> exists,
            UnaryOperator<E> updater,
            Consumer<E> deleter,
            Predicate<Long> byIdDeleter) implements NoteStore {

        public Note insert(Note n) { return note.apply(insertOne.apply(entity.apply(n))); }
        public List<Note> insertAll(List<Note> notes) {
            return insertMany.apply(notes.stream().map(entity).toList()).stream().map(note).toList();
        }
        public Optional<Note> findById(long id) { return byId.apply(id).map(note); }
        public List<Note> findAllAfter(Long afterId, int limit) {
            return after.apply(afterId, limit).stream().map(note).toList();
        }
        public List<Note> findAll(int limit, long offset) { return page.apply(limit, offset).stream().map(note).toList(); }
        public long count() { return counter.getAsLong(); }
        public boolean existsById(long id) { return exists.test(id); }
        public Note update(Note n) { return note.apply(updater.apply(entity.apply(n))); }
        public void delete(Note n) { deleter.accept(entity.apply(n)); }
        public boolean deleteById(long id) { return byIdDeleter.test(id); }
    }
}
