package dev.tenantdao.samples.clinic;

/** How serious a clinical note is. */
public enum Severity {
    ROUTINE, NOTABLE, URGENT
}
