package dev.tenantdao.samples.embedded;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;

/** A single-table hierarchy: an embedded value on the root, and one on a subtype. */
@Entity(table = "emb_offer")
@Tenanted
@Audited
@Polymorphic
public sealed interface Offer permits Offer.Flat, Offer.Tiered {

    @Id
    long id();

    @Embedded
    Money price();

    @Subtype("flat")
    record Flat(long id, Money price) implements Offer {}

    @Subtype("tiered")
    record Tiered(long id, Money price, @Embedded(prefix = "above_") Money above, Integer from) implements Offer {}
}
