package dev.tenantdao.runtime;

import dev.tenantdao.runtime.internal.TenantScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.testkit.Postgres;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@link TenantRouting#lazy}: more tenants than open pools, on PostgreSQL. Each tenant's "pool" is a
 * {@link TestPool}: it opens a connection per request, tags it with the tenant (its
 * {@code application_name}) and, like a real pool, closes the connections still out when it is
 * closed, so a pool closed too early breaks its borrower.
 */
class LazyRoutingTest {

    private static final TenantScope NOTE = TenantScope.database("Note");
    private static final List<String> TENANTS = List.of("t0", "t1", "t2", "t3", "t4", "t5");

    private final Map<String, List<TestPool>> pools = new ConcurrentHashMap<>();
    private ExecutorService executor;

    @BeforeEach
    void threads() {
        executor = Executors.newFixedThreadPool(10);
    }

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(30, TimeUnit.SECONDS));
        pools.values().forEach(list -> list.forEach(TestPool::close));
    }

    /** A new pool for {@code tenant}, recorded. */
    private TestPool create(String tenant) {
        TestPool pool = new TestPool(tenant);
        pools.computeIfAbsent(tenant, t -> new CopyOnWriteArrayList<>()).add(pool);
        return pool;
    }

    private List<TestPool> poolsOf(String tenant) {
        return pools.getOrDefault(tenant, List.of());
    }

    private static Database database(TenantRouting routing) {
        return Database.builder(Postgres.shared().dataSource()).routing(routing).build();
    }

    /** The tenant of the pool {@code connection} came from; proves the connection works. */
    private static String tenantOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1, current_setting('application_name')")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
            return rows.getString(2);
        }
    }

    private static String tenantOf(Database database, String tenant) {
        return Calls.withConnection(database, NOTE, tenant, "Note.tenant", null, (c, observed) -> tenantOf(c));
    }

    @Test
    void aBorrowedConnectionOutlivesItsPoolsEviction() throws SQLException {
        TenantRouting routing = TenantRouting.lazy(this::create, 2);
        Database database = database(routing);
        DataSource t0 = routing.dataSourceFor("t0");
        Connection borrowed = t0.getConnection();
        Connection second = t0.getConnection();
        TestPool first = poolsOf("t0").get(0);
        for (String tenant : TENANTS.subList(1, 6)) {
            assertEquals(tenant, tenantOf(database, tenant));
        }
        assertFalse(first.isClosed(), "evicted, but two of its connections are out");
        assertEquals("t0", tenantOf(borrowed), "the borrowed connection still works");
        borrowed.close();
        borrowed.close();   // a second close returns nothing more
        assertFalse(first.isClosed(), "one connection is still out");
        assertEquals("t0", tenantOf(second));
        second.close();
        assertTrue(first.isClosed(), "closed when its last connection came back");
        assertEquals(List.of(), first.closedWhileBorrowed());

        for (String tenant : TENANTS.subList(1, 4)) {
            assertTrue(poolsOf(tenant).get(0).isClosed(), tenant + ": evicted with nothing out, so closed at once");
        }
        assertEquals("t0", tenantOf(database, "t0"));
        assertEquals(2, poolsOf("t0").size(), "t0 comes back in a new pool");
        assertTrue(poolsOf("t4").get(0).isClosed(), "and evicts the eldest");
        assertFalse(poolsOf("t5").get(0).isClosed());
        assertFalse(poolsOf("t0").get(1).isClosed());
    }

    @Test
    void evictionUnderConcurrencyNeverBreaksABorrowedConnection() throws Exception {
        TenantRouting routing = TenantRouting.lazy(this::create, 2);
        Database database = database(routing);
        List<String> borrowers = TENANTS.subList(0, 4);
        CountDownLatch borrowed = new CountDownLatch(borrowers.size());
        CountDownLatch churned = new CountDownLatch(1);
        List<Future<String>> holding = new ArrayList<>();
        for (String tenant : borrowers) {
            // each holds a transaction (and its connection) of its tenant while the others churn the cache
            holding.add(executor.submit(() -> TenantContext.callAs(tenant, () -> database.inTransaction(tx -> {
                assertEquals(tenant, tenantOf(database, tenant));
                borrowed.countDown();
                assertTrue(churned.await(60, TimeUnit.SECONDS));
                tx.setRollbackOnly();
                return tenantOf(database, tenant) + "/" + tenantOf(tx.connection());   // the same transaction
            }))));
        }
        assertTrue(borrowed.await(30, TimeUnit.SECONDS));
        List<Future<?>> churn = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            int offset = thread;
            churn.add(executor.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    String tenant = TENANTS.get((i * 5 + offset) % TENANTS.size());
                    assertEquals(tenant, tenantOf(database, tenant));
                }
                return null;
            }));
        }
        for (Future<?> f : churn) {
            f.get(60, TimeUnit.SECONDS);
        }
        churned.countDown();
        for (int i = 0; i < borrowers.size(); i++) {
            String tenant = borrowers.get(i);
            assertEquals(tenant + "/" + tenant, holding.get(i).get(60, TimeUnit.SECONDS));
        }

        int created = pools.values().stream().mapToInt(List::size).sum();
        assertTrue(created > TENANTS.size(), "the cache churned: " + created + " pools for 6 tenants");
        for (List<TestPool> list : pools.values()) {
            for (TestPool pool : list) {
                assertEquals(List.of(), pool.closedWhileBorrowed(), pool + " was closed under a borrower");
                assertEquals(0, pool.openConnections(), pool + " still has connections out");
            }
            assertTrue(list.stream().filter(p -> !p.isClosed()).count() <= 1, "one open pool per tenant: " + list);
        }
        assertTrue(pools.values().stream().flatMap(List::stream).filter(p -> !p.isClosed()).count() <= 2,
                "at most maxOpen pools stay open");
        assertEquals("t4", tenantOf(database, "t4"));
        assertEquals("t5", tenantOf(database, "t5"));
        List<TestPool> open = pools.values().stream().flatMap(List::stream).filter(p -> !p.isClosed()).toList();
        assertEquals(List.of("t4", "t5"), open.stream().map(p -> p.tenant).sorted().toList(),
                "every evicted pool was closed once its connections came back");
    }

    @Test
    void aSlowTenantDoesNotBlockOtherTenants() throws Exception {
        CountDownLatch inFactory = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowCalls = new AtomicInteger();
        AtomicInteger unknownCalls = new AtomicInteger();
        AtomicInteger brokenCalls = new AtomicInteger();
        IllegalStateException directoryDown = new IllegalStateException("directory down");
        Function<String, DataSource> factory = tenant -> switch (tenant) {
            case "slow" -> {
                slowCalls.incrementAndGet();
                inFactory.countDown();
                try {
                    assertTrue(release.await(60, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                yield create(tenant);
            }
            case "nobody" -> {
                unknownCalls.incrementAndGet();
                yield null;
            }
            case "broken" -> {
                brokenCalls.incrementAndGet();
                throw directoryDown;
            }
            default -> create(tenant);
        };
        Database database = database(TenantRouting.lazy(factory, 2));
        Future<String> slow = executor.submit(() -> tenantOf(database, "slow"));
        Future<String> slowAgain;
        try {
            assertTrue(inFactory.await(30, TimeUnit.SECONDS));
            slowAgain = executor.submit(() -> tenantOf(database, "slow"));
            assertEquals("fast", within(() -> tenantOf(database, "fast")), "another tenant's first call goes through");
            for (int i = 1; i <= 2; i++) {
                assertInstanceOf(UnknownTenantException.class, failure(() -> tenantOf(database, "nobody")));
                assertEquals(i, unknownCalls.get(), "an unknown tenant is not remembered");
                assertSame(directoryDown, failure(() -> tenantOf(database, "broken")), "the factory's exception");
                assertEquals(i, brokenCalls.get(), "a failure is not remembered");
            }
            assertFalse(slow.isDone(), "the slow tenant is still being created");
            assertFalse(slowAgain.isDone(), "its second caller waits for that creation");
        } finally {
            release.countDown();
        }
        assertEquals("slow", slow.get(30, TimeUnit.SECONDS));
        assertEquals("slow", slowAgain.get(30, TimeUnit.SECONDS));
        assertEquals(1, slowCalls.get(), "callers for one tenant share one creation");
        assertEquals(List.of("fast", "slow"), pools.keySet().stream().sorted().toList());
    }

    /** Runs {@code call} on another thread and returns its result, failing if it takes 10 s. */
    private <T> T within(Callable<T> call) throws Exception {
        try {
            return executor.submit(call).get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("blocked: the call did not complete within 10 s", e);
        }
    }

    /** What {@code call} throws on another thread, failing if it returns or takes 10 s. */
    private Throwable failure(Callable<?> call) throws Exception {
        try {
            Object result = within(call);
            throw new AssertionError("expected a failure, got " + result);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /**
     * A tenant's connection pool, as far as routing cares: connections on request (tagged with the
     * tenant), and a close() that closes the connections still out, as a pool shutting down does.
     */
    static final class TestPool implements DataSource, AutoCloseable {
        final String tenant;
        private final PGSimpleDataSource target;
        private final List<Connection> handedOut = new CopyOnWriteArrayList<>();
        private final List<String> closedWhileBorrowed = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        TestPool(String tenant) {
            this.tenant = tenant;
            this.target = (PGSimpleDataSource) Postgres.shared().dataSource();
            target.setApplicationName(tenant);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (closed) {
                throw new SQLException("The pool of " + tenant + " is closed");
            }
            Connection connection = target.getConnection();
            handedOut.add(connection);
            return connection;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException();
        }

        int openConnections() {
            return (int) handedOut.stream().filter(c -> {
                try {
                    return !c.isClosed();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).count();
        }

        boolean isClosed() {
            return closed;
        }

        /** Why the pool was closed too early, if it was: the connections it had to close. */
        List<String> closedWhileBorrowed() {
            return List.copyOf(closedWhileBorrowed);
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            int open = openConnections();
            if (open > 0) {
                closedWhileBorrowed.add(open + " connection(s) of " + tenant + " still out");
            }
            for (Connection connection : handedOut) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public String toString() {
            return "TestPool[" + tenant + (closed ? ", closed" : "") + "]";
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
