package com.example.billing;

import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;

/**
 * A sealed hierarchy of records in one table with an intermediate level ({@code Dunning}) and a
 * fallback subtype ({@code Other}), row-tenanted, audited.
 */
@Entity
@Tenanted
@Audited
@Polymorphic(discriminator = "kind")
public sealed interface Reminder permits Reminder.Dunning, Reminder.Courtesy, Reminder.Other {

    @Id(generated = true)
    long id();

    String customer();

    /** An intermediate level: the dunning letters, with a fee. */
    sealed interface Dunning extends Reminder permits Reminder.FirstDunning, Reminder.FinalDunning {

        BigDecimal fee();

        @AfterLoad
        default void counted() {}
    }

    @Subtype("first")
    record FirstDunning(long id, String customer, BigDecimal fee) implements Dunning {}

    @Subtype("final")
    record FinalDunning(long id, String customer, BigDecimal fee, String collector) implements Dunning {}

    @Subtype("courtesy")
    record Courtesy(long id, String customer, String message) implements Reminder {}

    @Subtype(value = "other", fallback = true)
    record Other(long id, String customer, @Column(name = "kind", insertable = false) String kind) implements Reminder {}
}
