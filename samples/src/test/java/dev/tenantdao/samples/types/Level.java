package dev.tenantdao.samples.types;

/** A level whose absence (a NULL column) is a value of its own. */
public enum Level {
    UNKNOWN, LOW, HIGH
}
