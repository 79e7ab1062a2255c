package dev.tenantdao.samples.clinic;

import dev.tenantdao.annotations.Convert;
import dev.tenantdao.annotations.Subtype;
import java.time.Duration;
import java.time.LocalDate;

/** A procedure by its code, and how long it took (in minutes). */
@Subtype("procedure")
public record Procedure(long id, long patientRef, LocalDate startedOn, String notes, String code,
        @Convert(MinutesConverter.class) Duration took) implements Treatment {

    public Procedure(long patientRef, LocalDate startedOn, String notes, String code, Duration took) {
        this(0, patientRef, startedOn, notes, code, took);
    }
}
