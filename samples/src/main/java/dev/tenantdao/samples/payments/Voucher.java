package dev.tenantdao.samples.payments;

import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.samples.common.Money;
import java.time.LocalDate;

/** A voucher redeemed: its code, and until when it was valid. */
@Subtype("voucher")
public record Voucher(long id, Money amount, String payer, String code, LocalDate validUntil) implements Payment {

    public Voucher(Money amount, String payer, String code, LocalDate validUntil) {
        this(0, amount, payer, code, validUntil);
    }

    @Override
    public Voucher withPayer(String newPayer) {
        return new Voucher(id, amount, newPayer, code, validUntil);
    }
}
