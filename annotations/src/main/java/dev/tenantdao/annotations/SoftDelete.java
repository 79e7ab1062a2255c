package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Deleting a row of the entity marks it deleted instead of removing it: {@code delete}, {@code
 * deleteById} and repository deletes (derived, {@code @Delete}, JDQL {@code DELETE}) set the
 * {@link #column()} ({@code timestamptz}, NULL while the row is live) to the database time.
 *
 * <p>Every generated and repository statement (reads, counts, exists, updates, upserts, bulk
 * updates and deletes) sees live rows only: the predicate {@code deleted_at IS NULL} is added beside
 * the tenant predicate, by the same pass. Unique columns become partial unique indexes over live
 * rows ({@code WHERE deleted_at IS NULL}), and upserts conflict on live rows only. The DAO gains
 * explicit methods for the rest: {@code restore(id)}, {@code findDeletedById(id)}, {@code
 * findAllDeleted(limit, offset)} and {@code purge(id)} (which removes the row, deleted or not).
 *
 * <p>Audited, a soft delete is recorded as {@code DELETE}, a restore as {@code RESTORE} and a purge
 * as {@code PURGE}. Native {@code @Sql} statements are the application's own SQL: they are not
 * filtered, and one that reads the table without naming the column is a compile warning.
 *
 * <p>Put it on the entity (a hierarchy's root, for the whole hierarchy: the column lives in the
 * root's table). The column is not a field; a field may expose it read-only, as {@code Instant} or
 * {@code OffsetDateTime} with {@code @Column(name = "deleted_at", insertable = false)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SoftDelete {

    /** The column holding when the row was deleted; NULL while it is live. */
    String column() default "deleted_at";
}
