package dev.tenantdao.samples.trial.vet;

import java.math.BigDecimal;

/** An amount of money in a currency: a value over two columns wherever it is {@code @Embedded}. */
public record Fee(BigDecimal amount, String currency) {

    public static Fee eur(String amount) {
        return new Fee(new BigDecimal(amount), "EUR");
    }
}
