package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a view (or any relation the processor does not generate) that reads the rows of a
 * tenanted entity, so that the tenant proof of {@link Sql} methods judges it like the entity's own
 * table: the view must expose the entity's tenant column, and every reference to it must be confined by
 * it. On a repository interface (for its methods) or a package (for every repository in it). A view
 * not declared is a relation the proof does not know, and does not judge.
 *
 * <pre>{@code
 * @TenantedView(name = "open_invoices", entity = Invoice.class)
 * @Repository
 * public interface Reports { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(TenantedView.List.class)
public @interface TenantedView {
    /** The view's name, as the SQL names it. */
    String name();

    /** The tenanted entity whose rows it reads: its tenancy (and tenant column) is the view's. */
    Class<?> entity();

    /** Several views. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target({ElementType.TYPE, ElementType.PACKAGE})
    @interface List {
        TenantedView[] value();
    }
}
