package dev.tenantdao.samples.softdelete;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;

/** A single-table hierarchy, soft-deleted, its column named otherwise. */
@Entity(table = "soft_badge")
@Tenanted
@Polymorphic(strategy = Polymorphic.Strategy.SINGLE_TABLE)
@SoftDelete(column = "revoked_at")
public sealed interface Badge permits Badge.Visitor, Badge.Staff {

    @Id
    long id();

    String holder();

    @Subtype("visitor")
    record Visitor(long id, String holder, String host) implements Badge {}

    @Subtype("staff")
    record Staff(long id, String holder, int level) implements Badge {}
}
