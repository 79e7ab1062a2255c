package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Splits a row-strategy entity's table into {@link #hash()} PostgreSQL hash partitions of its
 * tenant column ({@code PARTITION BY HASH (tenant_id)}): each tenant's rows live in one partition,
 * and every generated statement, which names the tenant, is planned against that partition only
 * (partition pruning). The table's history table ({@link Audited}) and a joined hierarchy's
 * subtype tables are partitioned the same way. The DAO is unchanged: statements name the parent
 * table, and PostgreSQL routes each row.
 *
 * <p>The partitions are {@code <table>_p0} to {@code <table>_p<n-1>}; each gets the row-level
 * security of its parent (enabled, forced, the same policy), so a statement naming a partition
 * directly is filtered like one naming the table.
 *
 * <p>Only on an entity (a hierarchy's root) tenanted with {@link Tenanted.Strategy#ROW}: the
 * other strategies already give each tenant tables of its own. PostgreSQL cannot partition an
 * existing table in place, so adding, removing or changing this annotation on an entity whose
 * table is in an exported schema version is a compile error; the migration moving the rows is
 * written by hand.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PartitionedByTenant {

    /** The greatest number of partitions accepted. */
    int MAX_PARTITIONS = 1024;

    /** The number of hash partitions, from 2 to {@value #MAX_PARTITIONS}. */
    int hash() default 16;
}
