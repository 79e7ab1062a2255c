package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every insert, update, upsert and delete of the entity (single and batch) also writes one row to
 * its history table, in the same statement: the row's values after the change (for a delete, the
 * last values), the operation, a per-row version (1, 2, 3, ... with no gaps), the database time,
 * the actor ({@code AuditContext}) and the transaction id. An update that changes no audited
 * column writes no history row. The DAO gains history queries.
 *
 * <p>The table gets two bookkeeping columns, {@code history_version} and {@code history_changed},
 * that keep the per-row version gap-free under concurrent updates. The history table holds the
 * tenant, the id and the audited columns, then {@code history_version}, {@code history_operation},
 * {@code history_changed_at}, {@code history_actor} and {@code history_transaction_id}; so no
 * mapped column of an audited entity may start with {@code history_}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Audited {

    /** The history table. Default: {@code <table>_history}. */
    String table() default "";

    /** Fields (by name) left out of history, like {@link NotAudited} on the field. */
    String[] exclude() default {};
}
