package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The root of a class hierarchy mapped to tables: an {@link Entity} that is a sealed interface, or
 * an abstract (optionally sealed) class. The root declares the id and the common properties (for an
 * interface, as annotated accessor methods that its records implement with components of the same
 * name); each concrete subtype adds its own properties and may carry {@link Subtype}.
 *
 * <p>The processor writes one DAO per concrete subtype ({@code CardPaymentDao}: insert, update,
 * queries that return only that subtype) and one for the root ({@code PaymentDao}) that loads rows
 * as the right subtype, a page of mixed subtypes in one query. Tenancy, converters, hooks and
 * {@link Audited} are declared on the root and apply to every subtype.
 *
 * <p>Subtypes: for a sealed root, its permitted subtypes; otherwise every type listed in
 * {@link #subtypes()}. Either way each subtype must be a record or a non-abstract class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Polymorphic {

    /** How the hierarchy is laid out in tables. */
    enum Strategy {
        /**
         * One table (the root's) for every subtype, with the discriminator column; columns of one
         * subtype only are nullable. Reads need no join.
         */
        SINGLE_TABLE,
        /**
         * The root's table holds the common columns and the discriminator; each subtype has a table
         * of its own columns keyed by the root's key (tenant column included for row tenancy) that
         * references the root's row and is deleted with it. Writes are one statement over both
         * tables; a polymorphic page is one query with a LEFT JOIN per subtype.
         */
        JOINED
    }

    Strategy strategy() default Strategy.SINGLE_TABLE;

    /** The discriminator column, in the root's table: which subtype a row is. */
    String discriminator() default "type";

    /**
     * The subtypes of a root that is not sealed (a sealed root's are its permitted subtypes). A
     * type of the compilation that extends the root but is not listed is a compile error.
     */
    Class<?>[] subtypes() default {};
}
