package dev.tenantdao.samples.payouts;

import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.BeforeUpdate;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Listeners;
import dev.tenantdao.samples.common.HookTrail;
import dev.tenantdao.samples.common.Money;

/**
 * A payout to a bank account. Discriminator {@code BankPayout}, table {@code bank_payout}. Its IBAN is
 * stored without spaces, by its own hooks, which run after the root's.
 */
@Listeners(BankTrail.class)
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

    @BeforeInsert
    @BeforeUpdate
    void compactIban() {
        HookTrail.record("BankPayout.beforeWrite");
        iban = iban == null ? null : iban.replace(" ", "");
    }

    @AfterLoad
    void bankLoaded() {
        HookTrail.record("BankPayout.afterLoad");
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
