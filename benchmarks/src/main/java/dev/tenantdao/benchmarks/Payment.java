package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;

/** The polymorphic page benchmark's hierarchy: three subtypes, a table each (joined). */
@Entity
@Tenanted(rowLevelSecurity = false)
@Polymorphic(strategy = Polymorphic.Strategy.JOINED)
public sealed interface Payment permits Payment.Card, Payment.Transfer, Payment.Voucher {

    @Id(generated = true)
    Long id();

    BigDecimal amount();

    @Subtype(value = "card", table = "card_payment")
    record Card(Long id, BigDecimal amount, String last4) implements Payment {}

    @Subtype(value = "transfer", table = "transfer_payment")
    record Transfer(Long id, BigDecimal amount, String iban) implements Payment {}

    @Subtype(value = "voucher", table = "voucher_payment")
    record Voucher(Long id, BigDecimal amount, String code) implements Payment {}
}
