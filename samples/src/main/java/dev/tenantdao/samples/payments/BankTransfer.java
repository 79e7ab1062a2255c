package dev.tenantdao.samples.payments;

import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.samples.common.Money;

/** A bank transfer: the payer's IBAN and the transfer's reference. */
@Subtype("transfer")
public record BankTransfer(long id, Money amount, String payer, String iban, String reference) implements Payment {

    public BankTransfer(Money amount, String payer, String iban, String reference) {
        this(0, amount, payer, iban, reference);
    }

    @Override
    public BankTransfer withPayer(String newPayer) {
        return new BankTransfer(id, amount, newPayer, iban, reference);
    }
}
