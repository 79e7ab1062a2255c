package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a value object (a record, or a class built through a constructor taking every component or
 * through setters) to several columns of the entity's table, one per component, each named by a
 * prefix and the component's own column name: {@code @Embedded Money price} maps {@code
 * Money(BigDecimal amount, String currency)} to {@code price_amount} and {@code price_currency}.
 *
 * <p>The value is nullable as a whole: a null value writes NULL into every column, and a row whose
 * columns are all NULL reads as a null value (so a value whose components are all null reads back as
 * null). With {@code @Column(nullable = false)} on the embedded property the value is required and
 * every component column is NOT NULL, except a component declared {@code @Column(nullable = true)}.
 * Components may have {@code @Column(name, type, ...)} and {@code @Convert}; the embedded type is not
 * an entity (no id, no tenant) and cannot embed another one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Embedded {
    /**
     * What every column name of the value starts with; by default the property's column name (its
     * {@code @Column(name)}, else its name in snake case) and an underscore.
     */
    String prefix() default "";
}
