/**
 * tenantdao's runtime: what applications use ({@code dev.tenantdao.runtime}: {@code Database},
 * {@code TenantContext}, {@code Transaction}, the SPIs and exceptions) and what generated DAOs call
 * ({@code dev.tenantdao.runtime.internal}: exported because the DAOs live in the application's own
 * module, but not API). How {@code Database} lends its connections to generated code
 * ({@code dev.tenantdao.runtime.access}) is not exported: nothing outside the runtime can reach it.
 */
module dev.tenantdao.runtime {
    requires transitive java.sql;
    requires transitive dev.tenantdao.annotations;
    requires transitive jakarta.inject;
    requires static jakarta.data;

    exports dev.tenantdao.runtime;
    exports dev.tenantdao.runtime.internal;
}
