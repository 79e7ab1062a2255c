package dev.tenantdao.samples.embedded;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;

/** A joined hierarchy: the root's embedded value in the root's table, a subtype's in its own. */
@Entity(table = "emb_parcel")
@Tenanted
@Audited
@Polymorphic(strategy = Polymorphic.Strategy.JOINED)
public sealed interface Parcel permits Parcel.Letter, Parcel.Box {

    @Id
    long id();

    @Embedded
    Money postage();

    @Subtype(value = "letter", table = "emb_letter")
    record Letter(long id, Money postage, String address) implements Parcel {}

    @Subtype(value = "box", table = "emb_box")
    record Box(long id, Money postage, @Embedded Money insured, @Embedded Size size) implements Parcel {}
}
