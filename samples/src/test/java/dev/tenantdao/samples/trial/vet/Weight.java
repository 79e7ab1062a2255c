package dev.tenantdao.samples.trial.vet;

import java.math.BigDecimal;

/** A pet's weight and the unit it was weighed in. */
public record Weight(BigDecimal value, String unit) {

    public static Weight kg(String value) {
        return new Weight(new BigDecimal(value), "kg");
    }
}
