package dev.tenantdao.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
     */
    static TenantRouting lazy(Function<String, ? extends DataSource> factory, int maxOpen) {
        Objects.requireNonNull(factory, "factory");
        if (maxOpen < 1) {
            throw new IllegalArgumentException("maxOpen must be at least 1: " + maxOpen);
        }
        Map<String, DataSource> open = new LinkedHashMap<>(16, 0.75f, true);
        return tenant -> {
            DataSource evicted = null;
            DataSource dataSource;
            synchronized (open) {
                dataSource = open.get(tenant);
                if (dataSource == null) {
                    dataSource = factory.apply(tenant);
                    if (dataSource == null) {
                        throw new UnknownTenantException(tenant);
                    }
                    open.put(tenant, dataSource);
                    if (open.size() > maxOpen) {
                        var eldest = open.entrySet().iterator();
                        evicted = eldest.next().getValue();
                        eldest.remove();
                    }
                }
            }
            if (evicted instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // the pool is gone from the routing either way; its connections close with it
                }
            }
            return dataSource;
        };
    }
}
