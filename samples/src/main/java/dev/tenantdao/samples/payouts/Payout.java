package dev.tenantdao.samples.payouts;

import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Listeners;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Transient;
import dev.tenantdao.annotations.Version;
import dev.tenantdao.samples.common.HookTrail;
import dev.tenantdao.samples.common.Money;

/**
 * Money paid out to a recipient, by card, bank transfer or wallet. Table {@code payout} holds
 * what all payouts have; {@code card_payout}, {@code bank_payout} and {@code wallet_payout} hold
 * what each kind adds, keyed by the same tenant and id. Not sealed, so its subtypes are listed.
 */
@Entity(table = "payout")
@Polymorphic(strategy = Polymorphic.Strategy.JOINED,
        subtypes = {CardPayout.class, BankPayout.class, WalletPayout.class})
@Audited
@Listeners(PayoutTrail.class)
public abstract class Payout {

    @Id(generated = true)
    private Long id;
    private Money amount;
    private String recipient;
    @Version
    private int version;
    @Transient
    private boolean loaded;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Money getAmount() {
        return amount;
    }

    public void setAmount(Money amount) {
        this.amount = amount;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    /** Whether this payout was read from the database (set by the after-load hook). */
    public boolean isLoaded() {
        return loaded;
    }

    @BeforeInsert
    void trimRecipient() {
        HookTrail.record("Payout.beforeInsert");
        recipient = recipient == null ? null : recipient.strip();
    }

    @AfterLoad
    void markLoaded() {
        HookTrail.record("Payout.afterLoad");
        loaded = true;
    }
}
