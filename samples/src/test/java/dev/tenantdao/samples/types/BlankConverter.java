package dev.tenantdao.samples.types;

import dev.tenantdao.runtime.Converter;

/** A null note is stored as an empty string (a NOT NULL column), and read back as null. */
public final class BlankConverter implements Converter<String, String> {
    @Override
    public String toDatabase(String note) {
        return note == null ? "" : note;
    }

    @Override
    public String fromDatabase(String stored) {
        return stored == null || stored.isEmpty() ? null : stored;
    }

    @Override
    public boolean convertsNull() {
        return true;
    }
}
