package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record or class as a table; the processor generates {@code <Entity>Dao} next to it.
 *
 * <p>Every component of a record, and every non-static field of a class, is a column unless it is
 * {@link Transient}. A class needs either a constructor taking all its columns (parameter names
 * equal to field names) or a no-argument constructor with setters; values are read through
 * accessors ({@code getName()}, {@code isActive()} or {@code name()}) or non-private fields.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Entity {
    /** The table name. Default: the class's simple name in snake_case ({@code InvoiceLine -> invoice_line}). */
    String table() default "";
}
