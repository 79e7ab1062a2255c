package dev.tenantdao.samples.common;

import dev.tenantdao.runtime.Converter;
import java.math.BigDecimal;

/** {@link Money} as a {@code numeric} column. Registered for a whole package with {@code @Converters}. */
public final class MoneyConverter implements Converter<Money, BigDecimal> {

    @Override
    public BigDecimal toDatabase(Money value) {
        return value.amount();
    }

    @Override
    public Money fromDatabase(BigDecimal value) {
        return new Money(value);
    }
}
