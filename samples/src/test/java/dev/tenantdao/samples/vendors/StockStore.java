package dev.tenantdao.samples.vendors;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The generated methods of the three vendor-scoped stock DAOs over one {@link Stock} type, so one
 * random walk drives every strategy. Each adapter only converts; it calls the generated DAO.
 */
interface StockStore {

    /** A stock line as the test sees it; {@code vendor} is what the row says ({@code @VendorId}). */
    record Stock(Long id, String vendor, String body, int quantity) {}

    Stock insert(Stock stock);

    List<Stock> insertAll(List<Stock> stock);

    Optional<Stock> findById(long id);

    List<Stock> findAll(int limit, long offset);

    long count();

    boolean existsById(long id);

    Stock update(Stock stock);

    boolean deleteById(long id);

    /** The history of a row, as operations; empty when the entity is not audited. */
    List<String> history(long id);

    static StockStore of(RowStockDao dao) {
        return new DaoStore<>(s -> new RowStock(s.id(), null, s.vendor(), s.body(), s.quantity()),
                r -> new Stock(r.id(), r.vendor(), r.body(), r.quantity()),
                dao::insert, dao::insertAll, dao::findById, dao::findAll, dao::count, dao::existsById, dao::update,
                dao::deleteById, id -> dao.history(id).stream().map(h -> h.operation().name()).toList());
    }

    static StockStore of(SchemaStockDao dao) {
        return new DaoStore<>(s -> new SchemaStock(s.id(), s.vendor(), s.body(), s.quantity()),
                r -> new Stock(r.id(), r.vendor(), r.body(), r.quantity()),
                dao::insert, dao::insertAll, dao::findById, dao::findAll, dao::count, dao::existsById, dao::update,
                dao::deleteById, id -> List.of());
    }

    static StockStore of(DatabaseStockDao dao) {
        return new DaoStore<>(s -> new DatabaseStock(s.id(), s.vendor(), s.body(), s.quantity()),
                r -> new Stock(r.id(), r.vendor(), r.body(), r.quantity()),
                dao::insert, dao::insertAll, dao::findById, dao::findAll, dao::count, dao::existsById, dao::update,
                dao::deleteById, id -> List.of());
    }

    /** A generated DAO's methods as functions, converting between its entity {@code E} and {@link Stock}. */
    record DaoStore<E>(
            Function<Stock, E> entity,
            Function<E, Stock> stock,
            UnaryOperator<E> insertOne,
            UnaryOperator<List<E>> insertMany,
            Function<Long, Optional<E>> byId,
            BiFunction<Integer, Long, List<E>> page,
            LongSupplier counter,
            Predicate<Long> exists,
            UnaryOperator<E> updater,
            Predicate<Long> byIdDeleter,
            Function<Long, List<String>> historyOf) implements StockStore {

        public Stock insert(Stock s) { return stock.apply(insertOne.apply(entity.apply(s))); }
        public List<Stock> insertAll(List<Stock> all) {
            return insertMany.apply(all.stream().map(entity).toList()).stream().map(stock).toList();
        }
        public Optional<Stock> findById(long id) { return byId.apply(id).map(stock); }
        public List<Stock> findAll(int limit, long offset) { return page.apply(limit, offset).stream().map(stock).toList(); }
        public long count() { return counter.getAsLong(); }
        public boolean existsById(long id) { return exists.test(id); }
        public Stock update(Stock s) { return stock.apply(updater.apply(entity.apply(s))); }
        public boolean deleteById(long id) { return byIdDeleter.test(id); }
        public List<String> history(long id) { return historyOf.apply(id); }
    }
}
