package dev.tenantdao.samples.payouts;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.samples.common.Money;

/** A payout to a bank account. Discriminator {@code BankPayout}, table {@code bank_payout}. */
public final class BankPayout extends Payout {

    @Column(nullable = false)
    private String iban;
    private String bic;

    public BankPayout() {
    }

    public BankPayout(Money amount, String recipient, String iban, String bic) {
        setAmount(amount);
        setRecipient(recipient);
        this.iban = iban;
        this.bic = bic;
    }

    public String getIban() {
        return iban;
    }

    public void setIban(String iban) {
        this.iban = iban;
    }

    public String getBic() {
        return bic;
    }

    public void setBic(String bic) {
        this.bic = bic;
    }
}
