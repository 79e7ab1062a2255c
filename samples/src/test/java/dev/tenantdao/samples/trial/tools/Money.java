package dev.tenantdao.samples.trial.tools;

import java.math.BigDecimal;

/** A deposit or a fee: an amount and its currency, over two columns (@Embedded). */
public record Money(BigDecimal amount, String currency) {

    public static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
