package dev.tenantdao.spring.boot.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The tenant from a request header ({@code tenantdao.web.tenant-header}, default {@code X-Tenant-Id}).
 * A header that is absent or empty is no tenant; a header given twice with different values is no
 * tenant either (the request does not say which).
 */
public final class HeaderTenantResolver implements RequestTenantResolver {

    private final String header;

    public HeaderTenantResolver(String header) {
        this.header = Objects.requireNonNull(header, "header");
    }

    @Override
    public RequestTenant resolve(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(header)).stream().distinct().toList();
        if (values.size() != 1 || values.get(0).isEmpty()) {
            return RequestTenant.missing();
        }
        return RequestTenant.of(values.get(0));
    }

    @Override
    public String source() {
        return "header " + header;
    }
}
