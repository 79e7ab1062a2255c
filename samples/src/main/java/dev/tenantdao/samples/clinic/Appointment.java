package dev.tenantdao.samples.clinic;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Convert;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.References;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.Version;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * An appointment of a patient of the same clinic (the foreign key includes the clinic number):
 * audited (every change recorded in {@code appointment_history} by the same statement) and
 * versioned. Its length is stored in minutes, its room through a converter that maps NULL.
 */
@Entity
@Tenanted(column = "clinic_no", columnType = Tenanted.ColumnType.BIGINT)
@Audited
public record Appointment(
        @Id(generated = true) Long id,
        @References(Patient.class) long patientId,
        @Column(nullable = false) LocalDateTime startsAt,
        @Convert(MinutesConverter.class) @Column(nullable = false) Duration length,
        @Column(nullable = false) AppointmentStatus status,
        @Convert(RoomConverter.class) Room room,
        String reason,
        @Version long version) {

    /** A new booking, before the database gives it an id. */
    public static Appointment booking(long patientId, LocalDateTime startsAt, Duration length, Room room, String reason) {
        return new Appointment(null, patientId, startsAt, length, AppointmentStatus.BOOKED, room, reason, 0);
    }

    public Appointment withStatus(AppointmentStatus newStatus) {
        return new Appointment(id, patientId, startsAt, length, newStatus, room, reason, version);
    }
}
