package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Overrides the column a field or record component maps to. Optional: every field is a column. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Column {
    /** The column name. Default: the field name in snake_case ({@code issuedOn -> issued_on}). */
    String name() default "";

    /**
     * Whether the column accepts NULL. Primitive fields are always NOT NULL, and declaring one
     * nullable is a compile error.
     */
    boolean nullable() default true;
}
