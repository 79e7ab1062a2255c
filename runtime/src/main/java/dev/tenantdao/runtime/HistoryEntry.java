package dev.tenantdao.runtime;

import java.time.Instant;

/**
 * One history row of an audited entity: the entity's values after the change (for a delete, the
 * last values; fields left out of history are null), and what the change was.
 *
 * @param version the row's version: 1 for its insert, then one more per change
 * @param changedAt the database's clock when the change was made
 * @param actor who made it ({@link AuditContext}), or null
 * @param transactionId the PostgreSQL transaction ({@code pg_current_xact_id()}); changes made
 *     together share it
 */
public record HistoryEntry<E>(
        E entity, Operation operation, long version, Instant changedAt, String actor, long transactionId) {

    /** What a history row records. */
    public enum Operation {
        INSERT, UPDATE, DELETE,
        /** A {@code @SoftDelete} entity's row made live again ({@code restore(id)}). */
        RESTORE,
        /** A {@code @SoftDelete} entity's row removed for good ({@code purge(id)}): its last values. */
        PURGE
    }
}
