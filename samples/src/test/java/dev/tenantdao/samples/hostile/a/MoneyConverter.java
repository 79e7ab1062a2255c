package dev.tenantdao.samples.hostile.a;

import dev.tenantdao.runtime.Converter;
import dev.tenantdao.samples.hostile.Amount;
import java.math.BigDecimal;

/** Stores an amount as it is. */
public class MoneyConverter implements Converter<Amount, BigDecimal> {
    @Override
    public BigDecimal toDatabase(Amount value) {
        return value.value();
    }

    @Override
    public Amount fromDatabase(BigDecimal value) {
        return new Amount(value);
    }
}
