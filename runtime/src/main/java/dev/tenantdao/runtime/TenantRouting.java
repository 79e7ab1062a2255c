package dev.tenantdao.runtime;

import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Database per tenant: the data source of each tenant's database.
 *
 * <pre>{@code
 * TenantRouting routing = TenantRouting.of(Map.of("acme", acmePool, "globex", globexPool));
 * TenantRouting routing = TenantRouting.lazy(tenant -> directory.poolFor(tenant), 50);
 * Database database = Database.builder(controlDataSource).routing(routing).build();
 * }</pre>
 */
@FunctionalInterface
public interface TenantRouting {

    /**
     * @throws UnknownTenantException when no database is configured for {@code tenant}
     */
    DataSource dataSourceFor(String tenant);

    /** A fixed map of tenants to data sources. */
    static TenantRouting of(Map<String, ? extends DataSource> byTenant) {
        Map<String, DataSource> copy = Map.copyOf(byTenant);
        return tenant -> {
            DataSource dataSource = copy.get(tenant);
            if (dataSource == null) {
                throw new UnknownTenantException(tenant);
            }
            return dataSource;
        };
    }

    /**
     * Data sources created on first use by {@code factory} (which returns null for an unknown
     * tenant) and kept for the {@code maxOpen} most recently used tenants; an evicted data source
     * that is {@link AutoCloseable} (a connection pool) is closed, so resources stay bounded
     * however many tenants there are.
     *
     * <ul>
     *   <li>Eviction never breaks a borrowed connection: the data sources handed out lend
     *       connections that count against their pool until they are closed, and an evicted pool
     *       is closed when its last connection comes back (at once if none is out). Pools open at
     *       once are at most {@code maxOpen} plus those evicted while in use.
     *   <li>The factory runs without a global lock: while it creates one tenant's pool (a slow
     *       database, a directory lookup), other tenants' calls go on; other callers for the same
     *       tenant wait for that one creation.
     *   <li>An unknown tenant throws {@link UnknownTenantException}; an exception of the factory
     *       reaches the caller unchanged. Neither is remembered: the next call asks the factory
     *       again.
     * </ul>
     *
     * <p>The data source returned for a tenant names the tenant rather than one pool (it takes each
     * connection from the tenant's current pool, and equals any other returned for the tenant), so
     * do not close it or cast it to the pool type; {@code unwrap} reaches the current pool.
     */
    static TenantRouting lazy(Function<String, ? extends DataSource> factory, int maxOpen) {
        return new LazyTenantRouting(factory, maxOpen);
    }
}
