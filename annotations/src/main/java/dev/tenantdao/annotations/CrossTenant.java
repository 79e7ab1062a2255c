package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one escape from the tenant proof of an {@link Sql} method: its statement may read or change
 * rows of every tenant (an operator's report, a migration of data). It still runs with the current
 * tenant's setting where row-level security is on (so the policies still apply unless the role
 * bypasses them), and it is listed, with its reason, in {@code META-INF/tenantdao/cross-tenant.txt}
 * in the class output, so a reviewer sees every such method of a build in one file.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CrossTenant {
    /** Why this statement crosses tenants; required, and printed in the report. */
    String reason();
}
