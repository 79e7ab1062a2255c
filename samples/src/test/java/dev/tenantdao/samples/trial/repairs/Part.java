package dev.tenantdao.samples.trial.repairs;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.samples.trial.repairs.geo.Address;

/** Spare parts in a single table: a price on the root, a supplier's address on one subtype, a size on another. */
@Entity(table = "trial_part")
@Tenanted
@Audited
@Polymorphic
public sealed interface Part permits Part.Tyre, Part.Chain {

    @Id
    long id();

    @Embedded
    Money price();

    @Subtype("tyre")
    record Tyre(long id, Money price, @Embedded TyreSize size) implements Part {}

    @Subtype("chain")
    record Chain(long id, Money price, Integer links, @Embedded(prefix = "supplier_") Address supplier) implements Part {}
}
