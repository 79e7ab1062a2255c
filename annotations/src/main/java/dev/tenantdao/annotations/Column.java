package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the column a field or record component maps to. Optional: every field is a column.
 *
 * <pre>{@code
 * @Column(type = "jsonb") String attributes;                 // a PostgreSQL type of your choice
 * @Column(defaultSql = "now()", updatable = false) Instant createdAt;   // now() unless you give one
 * @Column(defaultSql = "now()", insertable = false, updatable = false) Instant seenAt;  // always the database's
 * @Column(generatedAs = "quantity * unit_price") BigDecimal amount;     // computed by PostgreSQL
 * @Column(unique = true) String number;                      // unique per tenant; upsertByNumber(...)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Column {
    /** The column name. Default: the field name in snake_case ({@code issuedOn -> issued_on}). */
    String name() default "";

    /**
     * Whether the column accepts NULL. Primitive fields are always NOT NULL, and declaring one
     * nullable is a compile error.
     */
    boolean nullable() default true;

    /**
     * The PostgreSQL column type, when not the default for the Java type: {@code jsonb}, or the
     * name of a PostgreSQL enum type for an enum field (the DDL creates it from the enum's
     * constants). Values are sent as text and cast by PostgreSQL.
     */
    String type() default "";

    /**
     * Unique per tenant (for the row strategy the constraint includes the tenant column). The DAO
     * gets {@code upsertBy<Field>(entity)}, an insert that updates the row with the same value.
     */
    boolean unique() default false;

    /** Whether {@code update} and upserts write the column; {@code false} for values set once. */
    boolean updatable() default true;

    /**
     * Whether inserts write the column. {@code false} makes the column the database's: inserts
     * leave it to its {@link #defaultSql() default} (required then, unless the column is nullable)
     * and return the value the database chose, whatever the entity holds.
     */
    boolean insertable() default true;

    /**
     * A SQL expression the column defaults to ({@code now()}, {@code 0}). An insert stores the
     * entity's value when it has one and the default when the value is null (the insert returns the
     * value the database chose); {@code update} writes the column like any other (unless
     * {@code updatable = false}). For a column only the database ever writes, add
     * {@code insertable = false}.
     */
    String defaultSql() default "";

    /**
     * A generated column: PostgreSQL computes it from this expression ({@code GENERATED ALWAYS AS
     * (...) STORED}); the DAO never writes it and returns it after every insert and update.
     */
    String generatedAs() default "";
}
