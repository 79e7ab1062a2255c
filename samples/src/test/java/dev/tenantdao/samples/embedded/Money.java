package dev.tenantdao.samples.embedded;

import java.math.BigDecimal;

/** An amount in a currency: a value over two columns wherever an entity embeds it. */
public record Money(BigDecimal amount, String currency) {}
