package dev.tenantdao.samples.payments;

import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Listeners;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.samples.common.HookTrail;
import dev.tenantdao.samples.common.Money;

/**
 * A card payment: the last four digits and the card network (required for cards), stored upper case.
 * Its hooks and listener run after the root's.
 */
@Subtype("card")
@Listeners(CardTrail.class)
public record CardPayment(long id, Money amount, String payer, String last4, @Column(nullable = false) String network)
        implements Payment {

    public CardPayment(Money amount, String payer, String last4, String network) {
        this(0, amount, payer, last4, network);
    }

    /** The network, upper case: runs after the root's {@code trimmed()} and its listener. */
    @BeforeInsert
    CardPayment normalized() {
        HookTrail.record("CardPayment.beforeInsert");
        return network == null ? this : new CardPayment(id, amount, payer, last4, network.toUpperCase(java.util.Locale.ROOT));
    }

    @AfterLoad
    void cardLoaded() {
        HookTrail.record("CardPayment.afterLoad");
    }

    @Override
    public CardPayment withPayer(String newPayer) {
        return new CardPayment(id, amount, newPayer, last4, network);
    }
}
