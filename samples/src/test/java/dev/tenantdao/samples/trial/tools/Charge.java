package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Listeners;
import dev.tenantdao.annotations.Polymorphic;

/**
 * What a member owes: a single-table hierarchy of records (table {@code tl_charge}), with penalties as an
 * intermediate level and a fallback for kinds it does not know.
 */
@Entity(table = "tl_charge")
@Audited
@Polymorphic(strategy = Polymorphic.Strategy.SINGLE_TABLE, discriminator = "kind")
@Listeners(ChargeTrail.class)
public sealed interface Charge permits LateCharge, Penalty, OtherCharge {

    @Id(generated = true)
    long id();

    long memberId();

    @Embedded
    Money amount();
}
