package dev.tenantdao.runtime;

import java.util.Optional;

/**
 * Supplies the current tenant when no {@link TenantContext} block is active: the hook a web
 * framework plugs into (a request attribute, a JWT claim, a header). An explicit
 * {@link TenantContext#runAs} block always wins over the resolver.
 */
@FunctionalInterface
public interface TenantResolver {

    /**
     * The tenant of the work in progress, or empty when there is none. (Null is taken as empty:
     * a tenanted call then throws {@link NoTenantException} before any SQL.)
     */
    Optional<String> currentTenant();

    /**
     * The vendor of the work in progress, for {@link dev.tenantdao.annotations.VendorScoped}
     * entities (a vendor's user's request), or empty (then their DAOs throw {@link NoVendorException}
     * before any SQL: tenant-wide work is only ever an explicit {@link TenantContext#runTenantWide}
     * block, never a resolver's). Asked only outside {@link TenantContext} blocks, after
     * {@link #currentTenant()} gave a tenant. None by default.
     */
    default Optional<String> currentVendor() {
        return Optional.empty();
    }

    /** A resolver that never supplies a tenant: only {@link TenantContext} blocks do. */
    static TenantResolver none() {
        return Optional::empty;
    }
}
