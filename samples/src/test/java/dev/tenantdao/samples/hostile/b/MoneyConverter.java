package dev.tenantdao.samples.hostile.b;

import dev.tenantdao.runtime.Converter;
import dev.tenantdao.samples.hostile.Amount;
import java.math.BigDecimal;

/** Stores an amount negated (money going out), with the same simple name as {@code a.MoneyConverter}. */
public class MoneyConverter implements Converter<Amount, BigDecimal> {
    @Override
    public BigDecimal toDatabase(Amount value) {
        return value.value().negate();
    }

    @Override
    public Amount fromDatabase(BigDecimal value) {
        return new Amount(value.negate());
    }
}
