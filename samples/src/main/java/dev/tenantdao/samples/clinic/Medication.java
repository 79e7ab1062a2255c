package dev.tenantdao.samples.clinic;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Subtype;
import java.time.LocalDate;

/** A drug given at a dose, by a route. */
@Subtype("medication")
public record Medication(long id, long patientRef, LocalDate startedOn, String notes,
        @Column(nullable = false) String drug, int doseMg, @Column(nullable = false) Route route) implements Treatment {

    public Medication(long patientRef, LocalDate startedOn, String notes, String drug, int doseMg, Route route) {
        this(0, patientRef, startedOn, notes, drug, doseMg, route);
    }
}
