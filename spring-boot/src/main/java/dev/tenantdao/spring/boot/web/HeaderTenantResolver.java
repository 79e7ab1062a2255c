package dev.tenantdao.spring.boot.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The tenant from a request header ({@code tenantdao.web.tenant-header}, default {@code X-Tenant-Id}),
 * and, when a vendor header is configured ({@code tenantdao.web.vendor-header}), the vendor from that
 * one. A header that is absent or empty is no tenant (no vendor); a header given twice with different
 * values is none either (the request does not say which). No vendor is never "every vendor": the
 * request then reaches no vendor-scoped row.
 */
public final class HeaderTenantResolver implements RequestTenantResolver {

    private final String header;
    private final String vendorHeader;

    /** The tenant from {@code header}; no vendor. */
    public HeaderTenantResolver(String header) {
        this(header, null);
    }

    /** The tenant from {@code header}, the vendor from {@code vendorHeader} (null: no vendor). */
    public HeaderTenantResolver(String header, String vendorHeader) {
        this.header = Objects.requireNonNull(header, "header");
        this.vendorHeader = vendorHeader;
    }

    @Override
    public RequestTenant resolve(HttpServletRequest request) {
        String tenant = single(request, header);
        if (tenant == null) {
            return RequestTenant.missing();
        }
        return RequestTenant.of(tenant, vendorHeader == null ? null : single(request, vendorHeader));
    }

    private static String single(HttpServletRequest request, String name) {
        List<String> values = Collections.list(request.getHeaders(name)).stream().distinct().toList();
        return values.size() != 1 || values.get(0).isEmpty() ? null : values.get(0);
    }

    @Override
    public String source() {
        return "header " + header;
    }

    @Override
    public String vendorSource() {
        return vendorHeader == null ? "no vendor header" : "header " + vendorHeader;
    }
}
