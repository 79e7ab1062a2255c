package dev.tenantdao.spring.boot.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the {@link TenantFilter} finds a request's tenant, and optionally its vendor: headers
 * ({@link HeaderTenantResolver}), claims of the authenticated principal ({@link ClaimTenantResolver}),
 * or a bean of the application's own, which replaces both.
 */
public interface RequestTenantResolver {

    /** The tenant {@code request} names, unchecked; never null. */
    RequestTenant resolve(HttpServletRequest request);

    /** Where the tenant comes from, for problem details: "header X-Tenant-Id", "claim tenant". */
    default String source() {
        return "the request";
    }

    /** Where the vendor comes from, for problem details: "header X-Vendor-Id", "claim vendor". */
    default String vendorSource() {
        return "the request";
    }
}
