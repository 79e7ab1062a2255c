package dev.tenantdao.spring.boot.web;

import java.util.Objects;

/**
 * What a {@link RequestTenantResolver} found in a request: a tenant, none, or no authenticated
 * principal to read one from.
 *
 * @param status which of the three
 * @param tenant the tenant id as the request gave it (not yet checked), or null
 */
public record RequestTenant(Status status, String tenant) {

    /** Which answer a resolver gave. */
    public enum Status {
        /** The request names a tenant ({@link #tenant()}, still to be checked). */
        FOUND,
        /** The request names no tenant. */
        MISSING,
        /** The tenant comes from the authenticated principal, and the request is not authenticated. */
        UNAUTHENTICATED
    }

    public RequestTenant {
        Objects.requireNonNull(status, "status");
        if ((status == Status.FOUND) != (tenant != null)) {
            throw new IllegalArgumentException("a tenant if and only if FOUND: " + status + ", " + tenant);
        }
    }

    /** The request names {@code tenant}. */
    public static RequestTenant of(String tenant) {
        return new RequestTenant(Status.FOUND, Objects.requireNonNull(tenant, "tenant"));
    }

    /** The request names no tenant. */
    public static RequestTenant missing() {
        return new RequestTenant(Status.MISSING, null);
    }

    /** The request is not authenticated, and the tenant would come from its principal. */
    public static RequestTenant unauthenticated() {
        return new RequestTenant(Status.UNAUTHENTICATED, null);
    }
}
