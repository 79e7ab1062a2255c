package dev.tenantdao.samples.softdelete;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;

/** A joined hierarchy, soft-deleted as a whole: the column lives in the root's table. */
@Entity(table = "soft_asset")
@Tenanted
@Polymorphic(strategy = Polymorphic.Strategy.JOINED)
@Audited
@SoftDelete
public sealed interface Asset permits Asset.Laptop, Asset.Phone {

    @Id
    long id();

    String owner();

    @Subtype(value = "laptop", table = "soft_laptop")
    record Laptop(long id, String owner, String model) implements Asset {}

    @Subtype(value = "phone", table = "soft_phone")
    record Phone(long id, String owner, String number) implements Asset {}
}
