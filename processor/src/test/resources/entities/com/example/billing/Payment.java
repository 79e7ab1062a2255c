package com.example.billing;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A sealed hierarchy of records in one table, row-tenanted, audited. */
@Entity
@Tenanted
@Audited
@Polymorphic(discriminator = "kind")
public sealed interface Payment permits Payment.Card, Payment.Transfer, Payment.Voucher {

    @Id(generated = true)
    long id();

    BigDecimal amount();

    @Subtype("card")
    record Card(long id, BigDecimal amount, String last4, boolean contactless) implements Payment {}

    @Subtype("transfer")
    record Transfer(long id, BigDecimal amount, String iban, String reference) implements Payment {}

    @Subtype("voucher")
    record Voucher(long id, BigDecimal amount, String code, LocalDate validUntil) implements Payment {}
}
