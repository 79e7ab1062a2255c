package com.example.billing;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A joined hierarchy of records with an intermediate level ({@code Leave}, grouping two subtypes,
 * with a column of its own in its table {@code leave}), row-tenanted with row-level security, audited.
 */
@Entity
@Tenanted
@Audited
@Polymorphic(strategy = Polymorphic.Strategy.JOINED, discriminator = "kind")
public sealed interface Benefit permits Benefit.Leave, Benefit.Allowance {

    @Id(generated = true)
    long id();

    String holder();

    sealed interface Leave extends Benefit permits Benefit.Sick, Benefit.Parental {

        @Column(nullable = false)
        LocalDate startsOn();
    }

    @Subtype(value = "sick", table = "sick_leave")
    record Sick(long id, String holder, LocalDate startsOn, int days) implements Leave {}

    @Subtype(value = "parental", table = "parental_leave")
    record Parental(long id, String holder, LocalDate startsOn, String child) implements Leave {}

    @Subtype(value = "allowance", table = "allowance")
    record Allowance(long id, String holder, BigDecimal amount) implements Benefit {}
}
