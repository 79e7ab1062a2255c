package dev.tenantdao.samples.embedded;

import dev.tenantdao.runtime.Converter;
import java.util.Arrays;

/** A {@link Unit} as its symbol ({@code mm}, {@code cm}, {@code in}). */
public final class UnitConverter implements Converter<Unit, String> {
    @Override
    public String toDatabase(Unit unit) {
        return unit.symbol;
    }

    @Override
    public Unit fromDatabase(String symbol) {
        return Arrays.stream(Unit.values()).filter(u -> u.symbol.equals(symbol)).findFirst().orElseThrow();
    }
}
