package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optional on a concrete subtype of a {@link Polymorphic} root: its discriminator value and, for
 * {@link Polymorphic.Strategy#JOINED}, its table. On an intermediate level (a sealed abstract class
 * or sealed interface between the root and concrete subtypes) of a joined hierarchy that maps
 * fields, only {@link #table()}: the level's own table.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Subtype {

    /** The discriminator value of rows of this subtype. Default: the simple class name. */
    String value() default "";

    /**
     * The subtype's (or, on an intermediate level that maps fields, the level's) own table (joined
     * strategy only). Default: the simple name in snake_case.
     */
    String table() default "";

    /**
     * Whether rows whose discriminator value no other subtype claims load as this subtype (at most
     * one subtype of a hierarchy). Its own inserts still write its own {@link #value()}. To know the
     * value a row was loaded with, it maps the discriminator column read-only:
     * {@code @Column(name = "<discriminator>", insertable = false, updatable = false) String kind}.
     * A row of an unknown value has none of its own columns (null; in a joined hierarchy, no row in
     * its table).
     */
    boolean fallback() default false;
}
