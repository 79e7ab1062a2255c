package dev.tenantdao.spring.boot.web;

import java.util.Objects;

/**
 * What a {@link RequestTenantResolver} found in a request: a tenant (and, for
 * {@code @VendorScoped} entities, optionally one of its vendors), none, or no authenticated
 * principal to read one from.
 *
 * @param status which of the three
 * @param tenant the tenant id as the request gave it (not yet checked), or null
 * @param vendor the vendor id as the request gave it (not yet checked), or null: the request names no
 *     vendor (never "every vendor": tenant-wide work is only ever an explicit
 *     {@code TenantContext.runTenantWide} block of the application's)
 */
public record RequestTenant(Status status, String tenant, String vendor) {

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
        if (vendor != null && tenant == null) {
            throw new IllegalArgumentException("a vendor only with a tenant: " + status + ", vendor " + vendor);
        }
    }

    /** Without a vendor. */
    public RequestTenant(Status status, String tenant) {
        this(status, tenant, null);
    }

    /** The request names {@code tenant} and no vendor. */
    public static RequestTenant of(String tenant) {
        return new RequestTenant(Status.FOUND, Objects.requireNonNull(tenant, "tenant"), null);
    }

    /** The request names {@code tenant} and {@code vendor} of it (null: no vendor). */
    public static RequestTenant of(String tenant, String vendor) {
        return new RequestTenant(Status.FOUND, Objects.requireNonNull(tenant, "tenant"), vendor);
    }

    /** The request names no tenant. */
    public static RequestTenant missing() {
        return new RequestTenant(Status.MISSING, null, null);
    }

    /** The request is not authenticated, and the tenant would come from its principal. */
    public static RequestTenant unauthenticated() {
        return new RequestTenant(Status.UNAUTHENTICATED, null, null);
    }
}
