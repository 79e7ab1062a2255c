package dev.tenantdao.samples.common;

import java.time.Instant;

/** An entity with creation and modification stamps, set by {@link TimestampListener}. */
public interface Timestamped<E> {

    Instant createdAt();

    /** This entity with the given stamps (a record returns a copy). */
    E withTimestamps(Instant createdAt, Instant updatedAt);
}
