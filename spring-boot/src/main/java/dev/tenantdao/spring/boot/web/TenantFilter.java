package dev.tenantdao.spring.boot.web;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.InvalidTenantException;
import dev.tenantdao.runtime.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Runs each request as its tenant: takes the tenant from the request ({@link RequestTenantResolver}),
 * checks it, and runs the rest of the request inside {@code TenantContext.callAs(tenant, ...)} (with
 * the authenticated principal's name as the audit actor, when asked). A request without a tenant
 * (unless its path is one that needs none) or with an invalid one is answered with a problem detail
 * here, before it reaches the application, so before any SQL: 400, or 401 when the tenant comes from
 * the principal and the request is not authenticated.
 *
 * <p>A request that also names a vendor of its tenant runs inside
 * {@code TenantContext.runAsVendor(tenant, vendor, ...)}: its {@code @VendorScoped} rows are that
 * vendor's only. An invalid vendor id is answered 400 like an invalid tenant id. A request naming no
 * vendor runs as the tenant alone, where vendor-scoped DAOs throw {@code NoVendorException} (a problem
 * detail, 403); the filter never makes a request tenant-wide.
 */
public class TenantFilter extends OncePerRequestFilter {

    private final RequestTenantResolver resolver;
    private final Pattern tenantPattern;
    private final Pattern vendorPattern;
    private final boolean requireTenant;
    private final List<PathPattern> optionalPaths;
    private final boolean auditActor;

    /**
     * @param resolver where the tenant comes from
     * @param tenantPattern what a tenant id must match as a whole
     * @param requireTenant whether a request without one is answered 400/401 (else it goes on without)
     * @param optionalPaths path patterns of requests that need no tenant
     * @param auditActor whether the principal's name becomes the audit actor
     */
    public TenantFilter(RequestTenantResolver resolver, Pattern tenantPattern, boolean requireTenant,
            List<String> optionalPaths, boolean auditActor) {
        this(resolver, tenantPattern, tenantPattern, requireTenant, optionalPaths, auditActor);
    }

    /**
     * @param resolver where the tenant and the vendor come from
     * @param tenantPattern what a tenant id must match as a whole
     * @param vendorPattern what a vendor id must match as a whole
     * @param requireTenant whether a request without a tenant is answered 400/401 (else it goes on without)
     * @param optionalPaths path patterns of requests that need no tenant
     * @param auditActor whether the principal's name becomes the audit actor
     */
    public TenantFilter(RequestTenantResolver resolver, Pattern tenantPattern, Pattern vendorPattern,
            boolean requireTenant, List<String> optionalPaths, boolean auditActor) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.tenantPattern = Objects.requireNonNull(tenantPattern, "tenantPattern");
        this.vendorPattern = Objects.requireNonNull(vendorPattern, "vendorPattern");
        this.requireTenant = requireTenant;
        this.optionalPaths = optionalPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.auditActor = auditActor;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestTenant found = resolver.resolve(request);
        if (found.status() != RequestTenant.Status.FOUND) {
            if (!requireTenant || optional(request)) {
                chain.doFilter(request, response);
            } else if (found.status() == RequestTenant.Status.UNAUTHENTICATED) {
                TenantProblems.write(response, TenantProblems.problem(HttpStatus.UNAUTHORIZED,
                        "The tenant comes from the " + resolver.source() + " of the authenticated user,"
                                + " and the request is not authenticated"), request.getRequestURI());
            } else {
                TenantProblems.write(response, TenantProblems.problem(HttpStatus.BAD_REQUEST,
                        "The request names no tenant (" + resolver.source() + ")"), request.getRequestURI());
            }
            return;
        }
        String tenant = found.tenant();
        if (!valid(tenant)) {
            TenantProblems.write(response, TenantProblems.problem(HttpStatus.BAD_REQUEST,
                    "The tenant of the request (" + resolver.source() + ") is not a valid tenant id"),
                    request.getRequestURI());
            return;
        }
        String vendor = found.vendor();
        if (vendor != null && !validVendor(tenant, vendor)) {
            TenantProblems.write(response, TenantProblems.problem(HttpStatus.BAD_REQUEST,
                    "The vendor of the request (" + resolver.vendorSource() + ") is not a valid vendor id"),
                    request.getRequestURI());
            return;
        }
        Principal principal = auditActor ? request.getUserPrincipal() : null;
        String actor = principal == null || principal.getName() == null || principal.getName().isEmpty()
                ? null : principal.getName();
        try {
            if (vendor != null) {
                TenantContext.runAsVendor(tenant, vendor, () -> {
                    if (actor == null) {
                        chain.doFilter(request, response);
                    } else {
                        AuditContext.runAs(actor, () -> chain.doFilter(request, response));
                    }
                });
            } else if (actor == null) {
                TenantContext.runAs(tenant, () -> chain.doFilter(request, response));
            } else {
                TenantContext.runAs(tenant, actor, () -> chain.doFilter(request, response));
            }
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);        // chain.doFilter throws nothing else
        }
    }

    /** The pattern, and the runtime's own rules (checked by entering and leaving a block as the tenant). */
    private boolean valid(String tenant) {
        if (!tenantPattern.matcher(tenant).matches()) {
            return false;
        }
        try {
            TenantContext.runAs(tenant, () -> { });
            return true;
        } catch (InvalidTenantException e) {
            return false;
        }
    }

    /** The vendor pattern, and the runtime's own rules (checked by entering and leaving a block as the vendor). */
    private boolean validVendor(String tenant, String vendor) {
        if (!vendorPattern.matcher(vendor).matches()) {
            return false;
        }
        try {
            TenantContext.runAsVendor(tenant, vendor, () -> { });
            return true;
        } catch (InvalidTenantException e) {
            return false;
        }
    }

    private boolean optional(HttpServletRequest request) {
        if (optionalPaths.isEmpty()) {
            return false;
        }
        PathContainer path = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()
                : PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return optionalPaths.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
