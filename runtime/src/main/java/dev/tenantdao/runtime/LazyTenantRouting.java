package dev.tenantdao.runtime;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * {@link TenantRouting#lazy}: a data source per tenant, created on first use and kept for the
 * {@code maxOpen} most recently used tenants.
 *
 * <p><b>Borrowed connections.</b> Each connection handed out is a {@link BorrowedConnection} that
 * counts against its pool until it is closed. A pool leaves the cache when it is the least
 * recently used one beyond {@code maxOpen}, but it is closed only once nothing is borrowed from it:
 * at once if nothing is, else when its last connection comes back. So a transaction or a long
 * query is never cut off by other tenants' traffic; pools open at once are at most {@code maxOpen}
 * plus those evicted while in use. (Callers get {@link TenantDataSource}, which names the tenant,
 * not the pool: it takes each connection from the tenant's current pool, so it stays usable when
 * the pool it first used was evicted.)
 *
 * <p><b>Creation.</b> The factory runs without any lock held. The first caller for a tenant
 * registers a future for it and calls the factory; later callers for that tenant wait for that
 * future, and callers for other tenants do not wait at all. A null from the factory (an unknown
 * tenant) and an exception are handed to the callers of that attempt and not kept: the next call
 * asks the factory again.
 *
 * <p>One short lock guards the bookkeeping (which pools are open, in which order, and how many
 * connections each has out); nothing slow (the factory, a pool's getConnection or close) runs
 * under it.
 */
final class LazyTenantRouting implements TenantRouting {

    private final Function<String, ? extends DataSource> factory;
    private final int maxOpen;
    private final Object lock = new Object();
    /** The cached pools, least recently used first. Guarded by {@link #lock}. */
    private final LinkedHashMap<String, Pool> open = new LinkedHashMap<>(16, 0.75f, true);
    /** Pools being created, by tenant. Guarded by {@link #lock}. */
    private final Map<String, CompletableFuture<Pool>> creating = new HashMap<>();

    LazyTenantRouting(Function<String, ? extends DataSource> factory, int maxOpen) {
        this.factory = Objects.requireNonNull(factory, "factory");
        if (maxOpen < 1) {
            throw new IllegalArgumentException("maxOpen must be at least 1: " + maxOpen);
        }
        this.maxOpen = maxOpen;
    }

    @Override
    public DataSource dataSourceFor(String tenant) {
        acquire(tenant, false);
        return new TenantDataSource(this, tenant);
    }

    /**
     * The tenant's cached pool, created if there is none; with {@code borrow}, one connection is
     * counted against it before the lock is released, so it cannot be closed in between.
     */
    private Pool acquire(String tenant, boolean borrow) {
        while (true) {
            CompletableFuture<Pool> pending;
            boolean creator = false;
            synchronized (lock) {
                Pool pool = open.get(tenant);
                if (pool != null) {
                    if (borrow) {
                        pool.borrowed++;
                    }
                    return pool;
                }
                pending = creating.get(tenant);
                if (pending == null) {
                    pending = new CompletableFuture<>();
                    creating.put(tenant, pending);
                    creator = true;
                }
            }
            if (creator) {
                return create(tenant, pending, borrow);
            }
            await(tenant, pending);
            // created: take it from the cache (it may have been evicted meanwhile: then create it again)
        }
    }

    private Pool create(String tenant, CompletableFuture<Pool> pending, boolean borrow) {
        DataSource dataSource;
        try {
            dataSource = factory.apply(tenant);
            if (dataSource == null) {
                throw new UnknownTenantException(tenant);
            }
        } catch (Throwable failure) {
            synchronized (lock) {
                creating.remove(tenant);
            }
            pending.completeExceptionally(failure);
            throw failure;
        }
        Pool pool = new Pool(tenant, dataSource);
        List<Pool> evicted = new ArrayList<>();
        synchronized (lock) {
            creating.remove(tenant);
            open.put(tenant, pool);
            if (borrow) {
                pool.borrowed++;
            }
            for (Iterator<Pool> eldest = open.values().iterator(); open.size() > maxOpen; ) {
                Pool leaving = eldest.next();
                eldest.remove();
                leaving.evicted = true;
                if (leaving.borrowed == 0) {
                    evicted.add(leaving);
                }
            }
        }
        pending.complete(pool);
        evicted.forEach(Pool::close);
        return pool;
    }

    private static void await(String tenant, CompletableFuture<Pool> pending) {
        try {
            pending.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new TenantDaoException("Creating the data source of tenant '" + tenant + "' failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantDaoException("Interrupted while the data source of tenant '" + tenant
                    + "' was being created", e);
        }
    }

    /** A connection of {@code tenant}'s current pool, counted until it is closed. */
    Connection borrow(String tenant, String user, String password) throws SQLException {
        Pool pool = acquire(tenant, true);
        try {
            Connection connection = user == null
                    ? pool.dataSource.getConnection()
                    : pool.dataSource.getConnection(user, password);
            return new BorrowedConnection(connection, () -> giveBack(pool));
        } catch (SQLException | RuntimeException | Error e) {
            giveBack(pool);
            throw e;
        }
    }

    /** The tenant's pool itself, for the data source methods that configure or unwrap it. */
    DataSource pool(String tenant) {
        return acquire(tenant, false).dataSource;
    }

    private void giveBack(Pool pool) {
        boolean close;
        synchronized (lock) {
            pool.borrowed--;
            close = pool.evicted && pool.borrowed == 0;
        }
        if (close) {
            pool.close();
        }
    }

    /** One tenant's data source and what the routing knows of it. */
    private static final class Pool {
        final String tenant;
        final DataSource dataSource;
        /** Connections out and not yet closed. Guarded by the routing's lock. */
        int borrowed;
        /** Whether the pool has left the cache (it closes when nothing is borrowed). Guarded by the lock. */
        boolean evicted;

        Pool(String tenant, DataSource dataSource) {
            this.tenant = tenant;
            this.dataSource = dataSource;
        }

        /** Closes the data source if it can be closed (a connection pool); once, by construction. */
        void close() {
            if (dataSource instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // the pool is gone from the routing either way, and nothing is borrowed from it
                }
            }
        }

        @Override
        public String toString() {
            return "Pool[" + tenant + "]";
        }
    }

    /**
     * What callers get for a tenant: a data source that takes each connection from the tenant's
     * current pool (creating it again if it was evicted). Equal to any other for the same tenant
     * of the same routing, so a transaction recognises its database after an eviction.
     */
    private static final class TenantDataSource implements DataSource {
        private final LazyTenantRouting routing;
        private final String tenant;

        TenantDataSource(LazyTenantRouting routing, String tenant) {
            this.routing = routing;
            this.tenant = tenant;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return routing.borrow(tenant, null, null);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return routing.borrow(tenant, Objects.requireNonNull(user, "user"), password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return routing.pool(tenant).getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            routing.pool(tenant).setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            routing.pool(tenant).setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return routing.pool(tenant).getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return routing.pool(tenant).getParentLogger();
        }

        /** This, or the tenant's current pool (which the routing closes when it evicts it). */
        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            DataSource pool = routing.pool(tenant);
            return type.isInstance(pool) ? type.cast(pool) : pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            DataSource pool = routing.pool(tenant);
            return type.isInstance(this) || type.isInstance(pool) || pool.isWrapperFor(type);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TenantDataSource that && that.routing == routing && that.tenant.equals(tenant);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(routing) * 31 + tenant.hashCode();
        }

        @Override
        public String toString() {
            return "data source of tenant '" + tenant + "'";
        }
    }
}
