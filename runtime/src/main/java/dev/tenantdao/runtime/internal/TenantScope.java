package dev.tenantdao.runtime.internal;

import java.util.Objects;

/**
 * How one entity's rows are kept apart by tenant, as generated DAOs tell the {@link dev.tenantdao.runtime.Database}: it
 * decides from this which data source to use and what to set up on the connection.
 */
public final class TenantScope {

    /** The tenancy strategies, as the runtime needs them. */
    public enum Strategy {
        /** Not tenanted: one table shared by every tenant. */
        SHARED,
        /** A tenant column in one shared table. */
        ROW,
        /** One schema per tenant. */
        SCHEMA,
        /** One database per tenant. */
        DATABASE
    }

    private final String entity;
    private final Strategy strategy;
    private final boolean rowLevelSecurity;
    private final boolean vendorScoped;

    private TenantScope(String entity, Strategy strategy, boolean rowLevelSecurity, boolean vendorScoped) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.strategy = strategy;
        this.rowLevelSecurity = rowLevelSecurity;
        this.vendorScoped = vendorScoped;
    }

    private TenantScope(String entity, Strategy strategy, boolean rowLevelSecurity) {
        this(entity, strategy, rowLevelSecurity, false);
    }

    /** This scope for an entity whose rows each belong to one vendor of their tenant ({@code @VendorScoped}). */
    public TenantScope withVendors() {
        return new TenantScope(entity, strategy, rowLevelSecurity, true);
    }

    /** Whether the entity's rows belong to one vendor of their tenant. */
    public boolean vendorScoped() {
        return vendorScoped;
    }

    public static TenantScope shared(String entity) {
        return new TenantScope(entity, Strategy.SHARED, false);
    }

    /**
     * @param rowLevelSecurity whether the table's policies read the tenant from the
     *     transaction-local setting, so every statement must run in a transaction that set it
     */
    public static TenantScope row(String entity, boolean rowLevelSecurity) {
        return new TenantScope(entity, Strategy.ROW, rowLevelSecurity);
    }

    public static TenantScope schema(String entity) {
        return new TenantScope(entity, Strategy.SCHEMA, false);
    }

    public static TenantScope database(String entity) {
        return new TenantScope(entity, Strategy.DATABASE, false);
    }

    /** The entity's simple name, for messages. */
    public String entity() {
        return entity;
    }

    public Strategy strategy() {
        return strategy;
    }

    /** Whether statements must run in a transaction whose tenant setting is set. */
    public boolean rowLevelSecurity() {
        return rowLevelSecurity;
    }

    @Override
    public String toString() {
        return entity + "[" + strategy + (rowLevelSecurity ? ", RLS" : "") + (vendorScoped ? ", vendors" : "") + "]";
    }
}
