package dev.tenantdao.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class on a real PostgreSQL (the testkit's {@code Postgres.shared()}: {@code TENANTDAO_JDBC_URL}
 * if set, else a local server's database {@code tenantdao_test}, else an embedded one): before its first
 * test, a schema of its own is dropped and created empty, the generated DDL of {@link #entities} is
 * applied to it, and its test methods (and constructors, and lifecycle methods) can take as parameters:
 *
 * <ul>
 *   <li>{@code Database}: over {@code DataSource} below, with the current-thread tenant resolver;
 *   <li>{@code DataSource}: connections as {@link #role} in that schema;
 *   <li>{@link TestSchema}: the schema's name, an owner's data source (to set up or inspect rows
 *       across tenants) and the two above.
 * </ul>
 *
 * <p>The schema is made once per annotated class and shared by its tests (and its {@code @Nested}
 * classes): give each test tenants of its own. It is left in place after the tests, to be looked at.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TenantdaoExtension.class)
public @interface TenantdaoTest {

    /** The entities whose generated DDL is applied, in this order (referenced ones first). */
    Class<?>[] entities();

    /** The schema; by default the annotated class's simple name in snake case ({@code InvoiceServiceTest}: {@code invoice_service_test}). */
    String schema() default "";

    /**
     * The role the {@code Database} connects as: created if missing, no superuser, no {@code BYPASSRLS},
     * owning nothing, granted DML on the schema's tables: so row-level security applies as in
     * production. Empty: the server's administrative user, which row-level security does not hold.
     */
    String role() default "tenantdao_test_app";
}
