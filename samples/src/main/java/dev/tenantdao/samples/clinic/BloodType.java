package dev.tenantdao.samples.clinic;

/** A patient's ABO blood group, stored by name. */
public enum BloodType {
    A, B, AB, O
}
