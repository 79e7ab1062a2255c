package dev.tenantdao.samples.trial.repairs;

import java.math.BigDecimal;

/** An amount in a currency; a compact constructor refuses a negative amount and a currency not of three letters. */
public record Money(BigDecimal amount, String currency) {
    public Money {
        if (amount != null && amount.signum() < 0) {
            throw new IllegalArgumentException("money cannot be negative: " + amount);
        }
        if (currency != null && currency.length() != 3) {
            throw new IllegalArgumentException("not a currency: " + currency);
        }
    }

    public static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
