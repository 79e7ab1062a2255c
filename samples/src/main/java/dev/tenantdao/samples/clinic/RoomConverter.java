package dev.tenantdao.samples.clinic;

import dev.tenantdao.runtime.Converter;
import java.util.Locale;

/**
 * {@link Room} as its upper-case code; {@link Room#UNASSIGNED} (and a null field) as NULL, and NULL
 * back as {@link Room#UNASSIGNED}: a converter that handles nulls itself.
 */
public final class RoomConverter implements Converter<Room, String> {

    @Override
    public String toDatabase(Room value) {
        return value == null || value.code().isBlank() ? null : value.code().strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public Room fromDatabase(String value) {
        return value == null ? Room.UNASSIGNED : new Room(value);
    }

    @Override
    public boolean convertsNull() {
        return true;
    }
}
