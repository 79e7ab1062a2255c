package dev.tenantdao.spring.boot.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the {@link TenantFilter} finds a request's tenant: a header ({@link HeaderTenantResolver}),
 * a claim of the authenticated principal ({@link ClaimTenantResolver}), or a bean of the
 * application's own, which replaces both.
 */
public interface RequestTenantResolver {

    /** The tenant {@code request} names, unchecked; never null. */
    RequestTenant resolve(HttpServletRequest request);

    /** Where the tenant comes from, for problem details: "header X-Tenant-Id", "claim tenant". */
    default String source() {
        return "the request";
    }
}
