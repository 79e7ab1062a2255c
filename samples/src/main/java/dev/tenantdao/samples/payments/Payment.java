package dev.tenantdao.samples.payments;

import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Listeners;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.samples.common.HookTrail;
import dev.tenantdao.samples.common.Money;

/**
 * A payment received, of one of three kinds. All kinds share table {@code payment}; column
 * {@code kind} says which one a row is. {@code PaymentDao} loads any of them; {@code CardPaymentDao},
 * {@code BankTransferDao} and {@code VoucherDao} write and query one kind.
 */
@Entity(table = "payment")
@Polymorphic(strategy = Polymorphic.Strategy.SINGLE_TABLE, discriminator = "kind")
@Audited
@Listeners(PaymentTrail.class)                  // the root's hooks and listeners run first, then the subtype's
public sealed interface Payment permits CardPayment, BankTransfer, Voucher {

    @Id(generated = true)
    long id();

    Money amount();

    String payer();

    /** Every kind of payment is stored with its payer's name trimmed. */
    @BeforeInsert
    default Payment trimmed() {
        HookTrail.record("Payment.beforeInsert");
        return payer().equals(payer().strip()) ? this : withPayer(payer().strip());
    }

    @AfterLoad
    default void loaded() {
        HookTrail.record("Payment.afterLoad");
    }

    /** This payment with another payer. */
    Payment withPayer(String payer);
}
