package dev.tenantdao.spring.boot;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** tenantdao's configuration properties ({@code tenantdao.*}). */
@ConfigurationProperties("tenantdao")
public class TenantdaoProperties {

    private final Web web = new Web();

    /**
     * Whether the application checks at startup, before it serves anything, that the live database
     * matches the entities (Database.verify(): every table, column, type, nullability, key, history
     * table, row-level security and its policy, and a connecting role that is not a superuser, has
     * no BYPASSRLS and owns no table), failing to start with every mismatch named.
     */
    private boolean verifySchema;

    public boolean isVerifySchema() {
        return verifySchema;
    }

    public void setVerifySchema(boolean verifySchema) {
        this.verifySchema = verifySchema;
    }

    /** The tenant of a web request and the problem details answered for tenantdao's exceptions. */
    public Web getWeb() {
        return web;
    }

    /** {@code tenantdao.web.*}: servlet web applications only. */
    public static class Web {

        /**
         * Whether a servlet filter takes each request's tenant (from the header or the claim) and runs
         * the request as that tenant.
         */
        private boolean enabled = true;

        /**
         * The HTTP request header that carries the tenant id. Used when no tenant claim is
         * configured.
         */
        private String tenantHeader = "X-Tenant-Id";

        /**
         * The claim of the authenticated principal that carries the tenant id (a JWT claim, an
         * OAuth2 token or user attribute), read through Spring Security instead of the header. A
         * request that is not authenticated is answered 401.
         */
        private String tenantClaim;

        /**
         * The HTTP request header that carries the vendor id, for @VendorScoped entities: a request
         * naming one runs as that vendor of its tenant (TenantContext.runAsVendor). Unset (the
         * default): no vendor from a header. Only with the tenant header: when the tenant comes from a
         * claim, the vendor must come from a claim too (vendor-claim), else the application does not
         * start.
         */
        private String vendorHeader;

        /**
         * The claim of the authenticated principal that carries the vendor id, read like the tenant
         * claim. Unset (the default): no vendor from a claim. Only with tenant-claim.
         */
        private String vendorClaim;

        /**
         * Whether a request without a tenant is answered with a problem detail (400; 401 when the
         * tenant comes from a claim and the request is not authenticated) before it reaches the
         * application. When false such a request goes on without a tenant, and a tenanted DAO call
         * fails with NoTenantException before any SQL (answered 400 by the problem details).
         */
        private boolean requireTenant = true;

        /**
         * Paths (Spring path patterns, matched against the path within the application) that need no
         * tenant: a request to them without one goes on without one. A tenant they are given is
         * still checked and applied.
         */
        private List<String> tenantOptionalPaths = new ArrayList<>(List.of("/error", "/actuator/**"));

        /**
         * The regular expression a tenant id must match as a whole; any other is answered 400 before
         * any SQL. The runtime's own rules (1 to 128 characters, no control characters, no
         * surrounding white space) apply whatever the pattern.
         */
        private String tenantPattern = "[A-Za-z0-9][A-Za-z0-9_-]{0,62}";

        /**
         * The regular expression a vendor id must match as a whole; any other is answered 400 before
         * any SQL. The runtime's own rules apply whatever the pattern.
         */
        private String vendorPattern = "[A-Za-z0-9][A-Za-z0-9_-]{0,62}";

        /**
         * Whether the name of the request's authenticated principal becomes the audit actor
         * (AuditContext) for the request, as history rows of audited entities record it.
         */
        private boolean auditActor = true;

        /**
         * The order of the tenant filter among the servlet filters: after Spring Security's (-100),
         * whose authentication a tenant claim is read from.
         */
        private int filterOrder = -90;

        /**
         * Whether tenantdao's exceptions thrown by controllers are answered as RFC 9457 problem
         * details (an auto-configured RestControllerAdvice, ordered last, so that the application's
         * own exception handlers win).
         */
        private boolean problemDetails = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getTenantHeader() {
            return tenantHeader;
        }

        public void setTenantHeader(String tenantHeader) {
            this.tenantHeader = tenantHeader;
        }

        public String getTenantClaim() {
            return tenantClaim;
        }

        public void setTenantClaim(String tenantClaim) {
            this.tenantClaim = tenantClaim;
        }

        public String getVendorHeader() {
            return vendorHeader;
        }

        public void setVendorHeader(String vendorHeader) {
            this.vendorHeader = vendorHeader;
        }

        public String getVendorClaim() {
            return vendorClaim;
        }

        public void setVendorClaim(String vendorClaim) {
            this.vendorClaim = vendorClaim;
        }

        public String getVendorPattern() {
            return vendorPattern;
        }

        public void setVendorPattern(String vendorPattern) {
            this.vendorPattern = vendorPattern;
        }

        public boolean isRequireTenant() {
            return requireTenant;
        }

        public void setRequireTenant(boolean requireTenant) {
            this.requireTenant = requireTenant;
        }

        public List<String> getTenantOptionalPaths() {
            return tenantOptionalPaths;
        }

        public void setTenantOptionalPaths(List<String> tenantOptionalPaths) {
            this.tenantOptionalPaths = tenantOptionalPaths;
        }

        public String getTenantPattern() {
            return tenantPattern;
        }

        public void setTenantPattern(String tenantPattern) {
            this.tenantPattern = tenantPattern;
        }

        public boolean isAuditActor() {
            return auditActor;
        }

        public void setAuditActor(boolean auditActor) {
            this.auditActor = auditActor;
        }

        public int getFilterOrder() {
            return filterOrder;
        }

        public void setFilterOrder(int filterOrder) {
            this.filterOrder = filterOrder;
        }

        public boolean isProblemDetails() {
            return problemDetails;
        }

        public void setProblemDetails(boolean problemDetails) {
            this.problemDetails = problemDetails;
        }
    }
}
