package dev.tenantdao.samples.softdelete;

import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.HistoryEntry.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The generated DAO and repository methods of one of the ticket entities, over one common {@link T},
 * so one scenario drives all three strategies. Each adapter only converts; it calls the generated code.
 */
interface TicketStore {

    /** A ticket as the scenario sees it. */
    record T(long id, String number, String subject) {}

    T insert(T t);

    Optional<T> findById(long id);

    List<T> findAll();

    List<T> findAllAfter(long id);

    long count();

    boolean existsById(long id);

    T update(T t);

    void delete(T t);

    boolean deleteById(long id);

    T upsert(T t);

    T upsertByNumber(T t);

    boolean restore(long id);

    Optional<T> findDeletedById(long id);

    List<T> findAllDeleted();

    boolean purge(long id);

    List<Operation> history(long id);

    Optional<T> asOf(long id, Instant at);

    Optional<T> findByNumber(String number);

    List<T> findBySubject(String subject);

    long countBySubject(String subject);

    boolean existsByNumber(String number);

    List<T> about(String subject);

    boolean retitle(String number, String subject);

    long retitleAll(String old, String subject);

    long deleteBySubject(String subject);

    int close(String number);

    long deleteAbove(long id);

    static TicketStore of(RowTicketDao dao, RowTickets repository) {
        return new TicketStore() {
            private static T from(RowTicket t) {
                return new T(t.id(), t.number(), t.subject());
            }

            private static RowTicket to(T t) {
                return new RowTicket(t.id(), t.number(), t.subject());
            }

            @Override
            public T insert(T t) {
                return from(dao.insert(to(t)));
            }

            @Override
            public Optional<T> findById(long id) {
                return dao.findById(id).map(x -> from(x));
            }

            @Override
            public List<T> findAll() {
                return dao.findAll(100, 0).stream().map(x -> from(x)).toList();
            }

            @Override
            public List<T> findAllAfter(long id) {
                return dao.findAllAfter(id, 100).stream().map(x -> from(x)).toList();
            }

            @Override
            public long count() {
                return dao.count();
            }

            @Override
            public boolean existsById(long id) {
                return dao.existsById(id);
            }

            @Override
            public T update(T t) {
                return from(dao.update(to(t)));
            }

            @Override
            public void delete(T t) {
                dao.delete(to(t));
            }

            @Override
            public boolean deleteById(long id) {
                return dao.deleteById(id);
            }

            @Override
            public T upsert(T t) {
                return from(dao.upsert(to(t)));
            }

            @Override
            public T upsertByNumber(T t) {
                return from(dao.upsertByNumber(to(t)));
            }

            @Override
            public boolean restore(long id) {
                return dao.restore(id);
            }

            @Override
            public Optional<T> findDeletedById(long id) {
                return dao.findDeletedById(id).map(x -> from(x));
            }

            @Override
            public List<T> findAllDeleted() {
                return dao.findAllDeleted(100, 0).stream().map(x -> from(x)).toList();
            }

            @Override
            public boolean purge(long id) {
                return dao.purge(id);
            }

            @Override
            public List<Operation> history(long id) {
                return dao.history(id).stream().map(HistoryEntry::operation).toList();
            }

            @Override
            public Optional<T> asOf(long id, Instant at) {
                return dao.asOf(id, at).map(x -> from(x));
            }

            @Override
            public Optional<T> findByNumber(String number) {
                return repository.findByNumber(number).map(x -> from(x));
            }

            @Override
            public List<T> findBySubject(String subject) {
                return repository.findBySubjectOrderById(subject).stream().map(x -> from(x)).toList();
            }

            @Override
            public long countBySubject(String subject) {
                return repository.countBySubject(subject);
            }

            @Override
            public boolean existsByNumber(String number) {
                return repository.existsByNumber(number);
            }

            @Override
            public List<T> about(String subject) {
                return repository.about(subject).stream().map(x -> from(x)).toList();
            }

            @Override
            public boolean retitle(String number, String subject) {
                return repository.retitle(number, subject);
            }

            @Override
            public long retitleAll(String old, String subject) {
                return repository.retitleAll(old, subject);
            }

            @Override
            public long deleteBySubject(String subject) {
                return repository.deleteBySubject(subject);
            }

            @Override
            public int close(String number) {
                return repository.close(number);
            }

            @Override
            public long deleteAbove(long id) {
                return repository.deleteAbove(id);
            }
        };
    }

    static TicketStore of(SchemaTicketDao dao, SchemaTickets repository) {
        return new TicketStore() {
            private static T from(SchemaTicket t) {
                return new T(t.id(), t.number(), t.subject());
            }

            private static SchemaTicket to(T t) {
                return new SchemaTicket(t.id(), t.number(), t.subject());
            }

            @Override
            public T insert(T t) {
                return from(dao.insert(to(t)));
            }

            @Override
            public Optional<T> findById(long id) {
                return dao.findById(id).map(x -> from(x));
            }

            @Override
            public List<T> findAll() {
                return dao.findAll(100, 0).stream().map(x -> from(x)).toList();
            }

            @Override
            public List<T> findAllAfter(long id) {
                return dao.findAllAfter(id, 100).stream().map(x -> from(x)).toList();
            }

            @Override
            public long count() {
                return dao.count();
            }

            @Override
            public boolean existsById(long id) {
                return dao.existsById(id);
            }

            @Override
            public T update(T t) {
                return from(dao.update(to(t)));
            }

            @Override
            public void delete(T t) {
                dao.delete(to(t));
            }

            @Override
            public boolean deleteById(long id) {
                return dao.deleteById(id);
            }

            @Override
            public T upsert(T t) {
                return from(dao.upsert(to(t)));
            }

            @Override
            public T upsertByNumber(T t) {
                return from(dao.upsertByNumber(to(t)));
            }

            @Override
            public boolean restore(long id) {
                return dao.restore(id);
            }

            @Override
            public Optional<T> findDeletedById(long id) {
                return dao.findDeletedById(id).map(x -> from(x));
            }

            @Override
            public List<T> findAllDeleted() {
                return dao.findAllDeleted(100, 0).stream().map(x -> from(x)).toList();
            }

            @Override
            public boolean purge(long id) {
                return dao.purge(id);
            }

            @Override
            public List<Operation> history(long id) {
                return dao.history(id).stream().map(HistoryEntry::operation).toList();
            }

            @Override
            public Optional<T> asOf(long id, Instant at) {
                return dao.asOf(id, at).map(x -> from(x));
            }

            @Override
            public Optional<T> findByNumber(String number) {
                return repository.findByNumber(number).map(x -> from(x));
            }

            @Override
            public List<T> findBySubject(String subject) {
                return repository.findBySubjectOrderById(subject).stream().map(x -> from(x)).toList();
            }

            @Override
            public long countBySubject(String subject) {
                return repository.countBySubject(subject);
            }

            @Override
            public boolean existsByNumber(String number) {
                return repository.existsByNumber(number);
            }

            @Override
            public List<T> about(String subject) {
                return repository.about(subject).stream().map(x -> from(x)).toList();
            }

            @Override
            public boolean retitle(String number, String subject) {
                return repository.retitle(number, subject);
            }

            @Override
            public long retitleAll(String old, String subject) {
                return repository.retitleAll(old, subject);
            }

            @Override
            public long deleteBySubject(String subject) {
                return repository.deleteBySubject(subject);
            }

            @Override
            public int close(String number) {
                return repository.close(number);
            }

            @Override
            public long deleteAbove(long id) {
                return repository.deleteAbove(id);
            }
        };
    }

    static TicketStore of(DatabaseTicketDao dao, DatabaseTickets repository) {
        return new TicketStore() {
            private static T from(DatabaseTicket t) {
                return new T(t.id(), t.number(), t.subject());
            }

            private static DatabaseTicket to(T t) {
                return new DatabaseTicket(t.id(), t.number(), t.subject());
            }

            @Override
            public T insert(T t) {
                return from(dao.insert(to(t)));
            }

            @Override
            public Optional<T> findById(long id) {
                return dao.findById(id).map(x -> from(x));
            }

            @Override
            public List<T> findAll() {
                return dao.findAll(100, 0).stream().map(x -> from(x)).toList();
            }

            @Override
            public List<T> findAllAfter(long id) {
                return dao.findAllAfter(id, 100).stream().map(x -> from(x)).toList();
            }

            @Override
            public long count() {
                return dao.count();
            }

            @Override
            public boolean existsById(long id) {
                return dao.existsById(id);
            }

            @Override
            public T update(T t) {
                return from(dao.update(to(t)));
            }

            @Override
            public void delete(T t) {
                dao.delete(to(t));
            }

            @Override
            public boolean deleteById(long id) {
                return dao.deleteById(id);
            }

            @Override
            public T upsert(T t) {
                return from(dao.upsert(to(t)));
            }

            @Override
            public T upsertByNumber(T t) {
                return from(dao.upsertByNumber(to(t)));
            }

            @Override
            public boolean restore(long id) {
                return dao.restore(id);
            }

            @Override
            public Optional<T> findDeletedById(long id) {
                return dao.findDeletedById(id).map(x -> from(x));
            }

            @Override
            public List<T> findAllDeleted() {
                return dao.findAllDeleted(100, 0).stream().map(x -> from(x)).toList();
            }

            @Override
            public boolean purge(long id) {
                return dao.purge(id);
            }

            @Override
            public List<Operation> history(long id) {
                return dao.history(id).stream().map(HistoryEntry::operation).toList();
            }

            @Override
            public Optional<T> asOf(long id, Instant at) {
                return dao.asOf(id, at).map(x -> from(x));
            }

            @Override
            public Optional<T> findByNumber(String number) {
                return repository.findByNumber(number).map(x -> from(x));
            }

            @Override
            public List<T> findBySubject(String subject) {
                return repository.findBySubjectOrderById(subject).stream().map(x -> from(x)).toList();
            }

            @Override
            public long countBySubject(String subject) {
                return repository.countBySubject(subject);
            }

            @Override
            public boolean existsByNumber(String number) {
                return repository.existsByNumber(number);
            }

            @Override
            public List<T> about(String subject) {
                return repository.about(subject).stream().map(x -> from(x)).toList();
            }

            @Override
            public boolean retitle(String number, String subject) {
                return repository.retitle(number, subject);
            }

            @Override
            public long retitleAll(String old, String subject) {
                return repository.retitleAll(old, subject);
            }

            @Override
            public long deleteBySubject(String subject) {
                return repository.deleteBySubject(subject);
            }

            @Override
            public int close(String number) {
                return repository.close(number);
            }

            @Override
            public long deleteAbove(long id) {
                return repository.deleteAbove(id);
            }
        };
    }
}
