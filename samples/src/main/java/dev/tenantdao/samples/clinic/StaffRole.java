package dev.tenantdao.samples.clinic;

/** What a staff member does; a PostgreSQL enum type ({@code staff_role}). */
public enum StaffRole {
    PHYSICIAN, NURSE, RECEPTION, PHARMACIST
}
