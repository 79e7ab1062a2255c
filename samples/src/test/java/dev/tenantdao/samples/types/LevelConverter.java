package dev.tenantdao.samples.types;

import dev.tenantdao.runtime.Converter;

/** NULL is {@link Level#UNKNOWN}, both ways: opts in to being called with null. */
public final class LevelConverter implements Converter<Level, String> {
    @Override
    public String toDatabase(Level level) {
        return level == null || level == Level.UNKNOWN ? null : level.name();
    }

    @Override
    public Level fromDatabase(String name) {
        return name == null ? Level.UNKNOWN : Level.valueOf(name);
    }

    @Override
    public boolean convertsNull() {
        return true;
    }
}
