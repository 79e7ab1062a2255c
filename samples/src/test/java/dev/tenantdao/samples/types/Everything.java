package dev.tenantdao.samples.types;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A column of every built-in type. */
@Entity
@Tenanted
public record Everything(
        @Id UUID id,
        long aLong,
        int anInt,
        short aShort,
        double aDouble,
        float aFloat,
        boolean aBoolean,
        Long boxedLong,
        Integer boxedInt,
        Short boxedShort,
        Double boxedDouble,
        Float boxedFloat,
        Boolean boxedBoolean,
        String text,
        BigDecimal decimal,
        UUID uuid,
        Instant instant,
        OffsetDateTime offsetDateTime,
        LocalDate date,
        LocalDateTime dateTime,
        LocalTime time,
        byte[] bytes,
        Mood mood,
        @Column(type = "everything_mood") Mood pgMood,
        List<String> texts,
        List<Long> longs,
        Integer[] ints,
        List<BigDecimal> decimals,
        List<UUID> uuids,
        List<Mood> moods,
        Boolean[] booleans,
        @Column(type = "jsonb") String json) {

    /** An enum, stored as text and as a PostgreSQL enum type. */
    public enum Mood { HAPPY, GRUMPY, ÜBER }
}
