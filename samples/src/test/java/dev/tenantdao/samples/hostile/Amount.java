package dev.tenantdao.samples.hostile;

import java.math.BigDecimal;

/** A money amount; two converters of the same simple name store it in two ways. */
public record Amount(BigDecimal value) {

    public static Amount of(String value) {
        return new Amount(new BigDecimal(value));
    }
}
