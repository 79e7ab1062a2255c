package dev.tenantdao.samples.clinic;

import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Convert;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.TenantId;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.Transient;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A patient of one clinic: an ordinary class with a no-argument constructor and setters, row-tenanted
 * on a {@code bigint} clinic number (row-level security on). Its phone is stored through
 * {@link PhoneConverter}; its blood type is an enum; {@link #loaded()} runs on every row read.
 */
@Entity(table = "clinic_patient")
@Tenanted(column = "clinic_no", columnType = Tenanted.ColumnType.BIGINT)
public class Patient {

    @Id(generated = true)
    private Long id;

    /** The clinic, read-only: set by the DAO from the current tenant. */
    @TenantId
    private Long clinicNo;

    /** Medical record number, unique per clinic by convention (not enforced). */
    @Column(nullable = false)
    private String mrn;

    @Column(nullable = false)
    private String lastName;

    private String firstName;

    private LocalDate birthDate;

    private BloodType bloodType;

    @Convert(PhoneConverter.class)
    private Phone phone;

    private boolean active = true;

    /** Not stored: "LAST, First", computed when the row is loaded. */
    @Transient
    private String displayName;

    public Patient() {}

    public Patient(String mrn, String lastName, String firstName, LocalDate birthDate, BloodType bloodType, Phone phone) {
        this.mrn = mrn;
        this.lastName = lastName;
        this.firstName = firstName;
        this.birthDate = birthDate;
        this.bloodType = bloodType;
        this.phone = phone;
    }

    @AfterLoad
    void loaded() {
        displayName = lastName.toUpperCase(Locale.ROOT) + (firstName == null ? "" : ", " + firstName);
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getClinicNo() {
        return clinicNo;
    }

    void setClinicNo(Long clinicNo) {
        this.clinicNo = clinicNo;
    }

    public String getMrn() {
        return mrn;
    }

    public void setMrn(String mrn) {
        this.mrn = mrn;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public BloodType getBloodType() {
        return bloodType;
    }

    public void setBloodType(BloodType bloodType) {
        this.bloodType = bloodType;
    }

    public Phone getPhone() {
        return phone;
    }

    public void setPhone(Phone phone) {
        this.phone = phone;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getDisplayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return "Patient[" + id + ", " + mrn + ", " + lastName + ", " + firstName + ", " + birthDate + ", " + bloodType
                + ", " + phone + ", active=" + active + ", clinic " + clinicNo + "]";
    }
}
