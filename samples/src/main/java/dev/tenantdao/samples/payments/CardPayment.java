package dev.tenantdao.samples.payments;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.samples.common.Money;

/** A card payment: the last four digits and the card network (required for cards). */
@Subtype("card")
public record CardPayment(long id, Money amount, String payer, String last4, @Column(nullable = false) String network)
        implements Payment {

    public CardPayment(Money amount, String payer, String last4, String network) {
        this(0, amount, payer, last4, network);
    }

    @Override
    public CardPayment withPayer(String newPayer) {
        return new CardPayment(id, amount, newPayer, last4, network);
    }
}
