package dev.tenantdao.samples.payouts;

import dev.tenantdao.samples.common.Money;

/** A payout to a card, by its token. Discriminator {@code CardPayout}, table {@code card_payout}. */
public final class CardPayout extends Payout {

    private String cardToken;

    public CardPayout() {
    }

    public CardPayout(Money amount, String recipient, String cardToken) {
        setAmount(amount);
        setRecipient(recipient);
        this.cardToken = cardToken;
    }

    public String getCardToken() {
        return cardToken;
    }

    public void setCardToken(String cardToken) {
        this.cardToken = cardToken;
    }
}
