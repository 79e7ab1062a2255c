package dev.tenantdao.samples.payouts;

import dev.tenantdao.samples.common.Money;

/** A payout to a wallet. Discriminator {@code WalletPayout}, table {@code wallet_payout}. */
public final class WalletPayout extends Payout {

    private String wallet;
    private int priority;

    public WalletPayout() {
    }

    public WalletPayout(Money amount, String recipient, String wallet, int priority) {
        setAmount(amount);
        setRecipient(recipient);
        this.wallet = wallet;
        this.priority = priority;
    }

    public String getWallet() {
        return wallet;
    }

    public void setWallet(String wallet) {
        this.wallet = wallet;
    }

    public int getPriority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }
}
