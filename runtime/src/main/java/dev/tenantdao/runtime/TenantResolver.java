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

    /** A resolver that never supplies a tenant: only {@link TenantContext} blocks do. */
    static TenantResolver none() {
        return Optional::empty;
    }
}
