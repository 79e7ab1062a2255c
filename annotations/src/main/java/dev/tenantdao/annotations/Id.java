package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The primary key of an entity (exactly one per entity). For a tenanted entity the table's primary
 * key is {@code (tenant column, id)}.
 *
 * <p>By default the application assigns the id. With {@code generated = true} the database does:
 * an identity column for {@code int}/{@code long} (and boxes), {@code gen_random_uuid()} for
 * {@link java.util.UUID}; {@code insert} then returns the entity with the generated key.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Id {
    /** Whether the database generates the id on insert. */
    boolean generated() default false;
}
