package dev.tenantdao.samples.clinic;

import java.util.Objects;

/** A consulting room by its code; {@link #UNASSIGNED} is stored as NULL ({@link RoomConverter}). */
public record Room(String code) {

    /** No room yet. */
    public static final Room UNASSIGNED = new Room("");

    public Room {
        Objects.requireNonNull(code, "code");
    }

    public static Room of(String code) {
        return new Room(code);
    }
}
