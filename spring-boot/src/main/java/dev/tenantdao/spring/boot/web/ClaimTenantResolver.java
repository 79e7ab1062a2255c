package dev.tenantdao.spring.boot.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.util.ClassUtils;

/**
 * The tenant from a claim of the authenticated principal (Spring Security's
 * {@code SecurityContextHolder}, so the filter must run after Spring Security's): the claim of a
 * principal that is a {@code ClaimAccessor} (a {@code Jwt}, an OIDC user) or the attribute of an
 * {@code OAuth2AuthenticatedPrincipal} (an introspected token, an OAuth2 user). No authentication, or
 * an anonymous one, is {@link RequestTenant.Status#UNAUTHENTICATED}; a claim that is absent or not a
 * single value (a string, a number or a UUID) is no tenant. When a vendor claim is configured
 * ({@code tenantdao.web.vendor-claim}), the vendor comes from that claim of the same principal, by the
 * same rules (absent or not a single value: no vendor, never "every vendor").
 */
public final class ClaimTenantResolver implements RequestTenantResolver {

    private static final boolean OAUTH2 = ClassUtils.isPresent(
            "org.springframework.security.oauth2.core.ClaimAccessor", ClaimTenantResolver.class.getClassLoader());

    private final String claim;
    private final String vendorClaim;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    /** The tenant from {@code claim}; no vendor. */
    public ClaimTenantResolver(String claim) {
        this(claim, null);
    }

    /** The tenant from {@code claim}, the vendor from {@code vendorClaim} (null: no vendor). */
    public ClaimTenantResolver(String claim, String vendorClaim) {
        this.claim = Objects.requireNonNull(claim, "claim");
        this.vendorClaim = vendorClaim;
    }

    @Override
    public RequestTenant resolve(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || trust.isAnonymous(authentication)) {
            return RequestTenant.unauthenticated();
        }
        String tenant = single(authentication, claim);
        if (tenant == null) {
            return RequestTenant.missing();
        }
        return RequestTenant.of(tenant, vendorClaim == null ? null : single(authentication, vendorClaim));
    }

    /** The claim's single value as a string; null when absent, empty or not a single value. */
    private static String single(Authentication authentication, String name) {
        Object value = OAUTH2 ? OAuth2Claims.claim(authentication.getPrincipal(), name) : null;
        if (value instanceof CharSequence || value instanceof Number || value instanceof UUID) {
            String text = value.toString();
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    @Override
    public String source() {
        return "claim " + claim;
    }

    @Override
    public String vendorSource() {
        return vendorClaim == null ? "no vendor claim" : "claim " + vendorClaim;
    }

    /** Loaded only when spring-security-oauth2-core is on the class path. */
    private static final class OAuth2Claims {
        static Object claim(Object principal, String name) {
            if (principal instanceof ClaimAccessor claims) {
                return claims.getClaims().get(name);
            }
            if (principal instanceof OAuth2AuthenticatedPrincipal oauth2) {
                return oauth2.getAttribute(name);
            }
            return null;
        }
    }
}
