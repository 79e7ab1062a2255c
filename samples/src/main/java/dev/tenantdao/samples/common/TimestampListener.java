package dev.tenantdao.samples.common;

import dev.tenantdao.runtime.EntityListener;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Sets {@code createdAt} and {@code updatedAt} on insert, and {@code updatedAt} on update, for any
 * {@link Timestamped} entity: {@code @Listeners(TimestampListener.class)}. Stamps are cut to
 * microseconds, what {@code timestamptz} keeps, so the entity written equals the entity read.
 */
public final class TimestampListener<E extends Timestamped<E>> implements EntityListener<E> {

    private final Clock clock;

    public TimestampListener() {
        this(Clock.systemUTC());
    }

    public TimestampListener(Clock clock) {
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public E beforeInsert(E entity) {
        Instant now = now();
        return entity.withTimestamps(now, now);
    }

    @Override
    public E beforeUpdate(E entity) {
        return entity.withTimestamps(entity.createdAt(), now());
    }
}
