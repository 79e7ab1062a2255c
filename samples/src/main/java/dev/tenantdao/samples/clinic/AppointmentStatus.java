package dev.tenantdao.samples.clinic;

/** Where an appointment stands. */
public enum AppointmentStatus {
    BOOKED, CHECKED_IN, DONE, CANCELLED, NO_SHOW
}
