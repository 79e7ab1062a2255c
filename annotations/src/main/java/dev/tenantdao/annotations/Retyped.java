package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that the next generated migration changes this column's type to one that may not hold
 * every old value (a narrowing, or a change between unrelated types): {@code ALTER COLUMN ... TYPE
 * ... USING} {@link #using()} (the old value cast to the new type when empty). A row whose value does
 * not convert fails the migration, which then changes nothing. Widening changes (integer to bigint,
 * varchar to text, ...) need no declaration. A declaration that no longer applies does nothing.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Retyped {
    /** The SQL expression computing the new value from the old row; empty: {@code column::newtype}. */
    String using() default "";
}
