package dev.tenantdao.samples.clinic;

import dev.tenantdao.runtime.Converter;
import java.time.Duration;

/** A {@link Duration} as whole minutes in an {@code integer} column. */
public final class MinutesConverter implements Converter<Duration, Integer> {

    @Override
    public Integer toDatabase(Duration value) {
        return Math.toIntExact(value.toMinutes());
    }

    @Override
    public Duration fromDatabase(Integer value) {
        return Duration.ofMinutes(value);
    }
}
