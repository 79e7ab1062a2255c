package dev.tenantdao.processor.model;

/**
 * How generated code reads or writes one property: through a method ({@code name()},
 * {@code getName()}, {@code setName(v)}) or directly through a non-private field.
 */
public record Access(Kind kind, String name) {

    public enum Kind { METHOD, FIELD }

    public static Access method(String name) {
        return new Access(Kind.METHOD, name);
    }

    public static Access field(String name) {
        return new Access(Kind.FIELD, name);
    }
}
